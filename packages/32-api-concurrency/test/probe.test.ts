import { once } from 'node:events';
import { Agent, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type Listening, listen } from '@lab/common/http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cheapWhileCpu, httpGet, keepBusy, latencySamples, throughput } from '../src/probe.ts';

// The probes are the client side of the topic's experiments. Here they run against small loopback servers
// that count connections and requests, and the time they measure comes from a stubbed performance.now()
// that the server advances on each request: latencies and rates are then exact numbers, not timings.

interface TestServer extends Listening {
  /** Connections accepted so far. */
  readonly connections: number;
  /** Resolves once every connection accepted so far has been closed (by the client: see keepAliveTimeout). */
  allClosed(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

async function serve(handler: Handler): Promise<TestServer> {
  const server = createServer(handler);
  // Longer than any test: an idle connection the client leaves open stays open, so allClosed() shows whether
  // the probe closed its own.
  server.keepAliveTimeout = 120_000;
  const closed: Promise<void>[] = [];
  server.on('connection', (socket) => closed.push(once(socket, 'close').then(() => undefined)));
  const listening = await listen(server);
  return {
    ...listening,
    get connections() {
      return closed.length;
    },
    allClosed: async () => {
      await Promise.all(closed);
    },
  };
}

/** Replaces performance.now() with a clock that moves only when `advance` is called. */
function stubNow(start: number): { advance(ms: number): void } {
  let now = start;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  return {
    advance(ms) {
      now += ms;
    },
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('httpGet', () => {
  it('collects the status, headers and whole body of a chunked answer, and parses JSON', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json', 'x-probe': 'yes' });
      res.write('{"a":1,');
      res.end('"b":[2,3]}');
    });
    try {
      const answer = await httpGet(`${server.url}/x`);
      expect(answer.status).toBe(201);
      expect(answer.headers['x-probe']).toBe('yes');
      expect(answer.body).toBe('{"a":1,"b":[2,3]}');
      expect(answer.json).toEqual({ a: 1, b: [2, 3] });
    } finally {
      await server.close();
    }
  });

  it('leaves json undefined when the body is not JSON', async () => {
    const server = await serve((_req, res) => {
      res.end('pong');
    });
    try {
      const answer = await httpGet(server.url);
      expect(answer).toMatchObject({ status: 200, body: 'pong', json: undefined });
    } finally {
      await server.close();
    }
  });

  it('reuses a keep-alive agent by default, and opens a new connection per request with fresh: true', async () => {
    const server = await serve((_req, res) => {
      res.end('ok');
    });
    const agent = new Agent({ keepAlive: true });
    try {
      await httpGet(server.url, { agent });
      await httpGet(server.url, { agent });
      expect(server.connections).toBe(1);
      await httpGet(server.url, { agent, fresh: true });
      await httpGet(server.url, { agent, fresh: true });
      expect(server.connections).toBe(3);
    } finally {
      agent.destroy();
      await server.close();
    }
  });

  it('rejects, naming the URL and the limit, when the server does not answer within timeoutMs', async () => {
    const server = await serve(() => {
      // Never answers.
    });
    try {
      await expect(httpGet(`${server.url}/silent`, { timeoutMs: 50 })).rejects.toThrow(
        new Error(`no answer from ${server.url}/silent within 50 ms`),
      );
    } finally {
      await server.close();
    }
  });

  it('rejects when nothing listens on the port', async () => {
    const server = await serve((_req, res) => {
      res.end();
    });
    await server.close();
    await expect(httpGet(server.url)).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('cheapWhileCpu', () => {
  /**
   * /cpu requests are held until `release` cheap requests have been served; /ping answers at once, each one
   * advancing the stubbed clock by 5 ms.
   */
  async function cpuServer(release: number, clock?: { advance(ms: number): void }) {
    const held: ServerResponse[] = [];
    let pings = 0;
    const server = await serve((req, res) => {
      if (req.url === '/cpu') {
        if (pings >= release) res.end('{"cpu":true}');
        else held.push(res);
        return;
      }
      pings++;
      clock?.advance(5);
      res.end('pong');
      if (pings === release) for (const r of held.splice(0)) r.end('{"cpu":true}');
    });
    return {
      server,
      get pings() {
        return pings;
      },
    };
  }

  it('keeps one cheap request in flight until every CPU request is answered, timing each', async () => {
    const clock = stubNow(1_000);
    const counts = await cpuServer(3, clock);
    const { server } = counts;
    try {
      const run = await cheapWhileCpu({ baseUrl: server.url, cpuPath: '/cpu', cpuRequests: 2 });
      expect(run.cpuAnswers.map((a) => a.json)).toEqual([{ cpu: true }, { cpu: true }]);
      expect(run.cheapAnswered).toBe(counts.pings);
      expect(run.cheapAnswered).toBeGreaterThanOrEqual(3);
      expect(run.cheapLatencies).toEqual(Array.from({ length: run.cheapAnswered }, () => 5));
      // One keep-alive connection per CPU request and one more that every cheap request reuses.
      expect(server.connections).toBe(3);
      await server.allClosed();
    } finally {
      await server.close();
    }
  });

  it('opens its own connections each run and closes them all before it returns', async () => {
    const { server } = await cpuServer(2);
    try {
      await cheapWhileCpu({ baseUrl: server.url, cpuPath: '/cpu', cpuRequests: 2 });
      await cheapWhileCpu({ baseUrl: server.url, cpuPath: '/cpu', cpuRequests: 2 });
      // Had a run left a connection open (or used the global agent), the second would have reused it.
      expect(server.connections).toBe(6);
      await server.allClosed();
    } finally {
      await server.close();
    }
  });

  it('pauses gapMs after each cheap request, and not at all by default', async () => {
    const counts = await cpuServer(3);
    const { server } = counts;
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    try {
      await cheapWhileCpu({ baseUrl: server.url, cpuPath: '/cpu', cpuRequests: 1 });
      expect(setTimeoutSpy).not.toHaveBeenCalled();

      const before = counts.pings;
      const run = await cheapWhileCpu({ baseUrl: server.url, cpuPath: '/cpu', cpuRequests: 1, gapMs: 7 });
      expect(counts.pings - before).toBe(run.cheapAnswered);
      const pauses = setTimeoutSpy.mock.calls.filter(([, ms]) => ms === 7);
      expect(pauses).toHaveLength(run.cheapAnswered);
    } finally {
      setTimeoutSpy.mockRestore();
      await server.close();
    }
  });

  // Regression: the CPU requests still in flight when a cheap request failed were rejected once the agent was
  // destroyed, with nothing awaiting them: an unhandled rejection that fails the process.
  it('rejects with the status and body of a cheap request that is not answered 200', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/cpu') return; // held until the server closes
      res.statusCode = 503;
      res.end('overloaded');
    });
    try {
      await expect(cheapWhileCpu({ baseUrl: server.url, cpuPath: '/cpu', cpuRequests: 2 })).rejects.toThrow(
        new Error('cheap request answered 503: overloaded'),
      );
      // The held CPU requests' connections are closed too, not left to the server.
      await server.allClosed();
    } finally {
      await server.close();
    }
  });
});

describe('latencySamples', () => {
  it('samples each request of a closed loop until the duration is over', async () => {
    const clock = stubNow(1_000);
    const server = await serve((_req, res) => {
      clock.advance(10);
      res.end('ok');
    });
    try {
      // At 1000, 1010 and 1020 the run is not over and sends again; at 1030 (= 1000 + 30) it is.
      const samples = await latencySamples({ url: server.url, concurrency: 1, durationMs: 30 });
      expect(samples).toEqual([10, 10, 10]);
      expect(server.connections).toBe(1);
      await server.allClosed();
    } finally {
      await server.close();
    }
  });

  it('runs `concurrency` clients on as many connections, each run on its own', async () => {
    const clock = stubNow(0);
    let served = 0;
    const server = await serve((_req, res) => {
      served++;
      clock.advance(1);
      res.end('ok');
    });
    try {
      const first = await latencySamples({ url: server.url, concurrency: 3, durationMs: 20 });
      expect(first).toHaveLength(served);
      expect(server.connections).toBe(3);
      await latencySamples({ url: server.url, concurrency: 3, durationMs: 20 });
      expect(server.connections).toBe(6);
      await server.allClosed();
    } finally {
      await server.close();
    }
  });

  it('rejects with the status and body of an answer that is not 200', async () => {
    const server = await serve((_req, res) => {
      res.statusCode = 500;
      res.end('broken');
    });
    try {
      await expect(
        latencySamples({ url: `${server.url}/x`, concurrency: 1, durationMs: 10_000 }),
      ).rejects.toThrow(new Error(`${server.url}/x answered 500: broken`));
    } finally {
      await server.close();
    }
  });
});

describe('keepBusy', () => {
  it('counts the requests completed until the signal aborts, on one reused connection per client', async () => {
    const controller = new AbortController();
    let served = 0;
    const server = await serve((_req, res) => {
      if (++served === 5) controller.abort();
      res.end('ok');
    });
    try {
      expect(await keepBusy(server.url, 1, controller.signal)).toBe(5);
      expect(server.connections).toBe(1);
      // A second run opens its own connection: the first closed its own when it returned.
      expect(await keepBusy(server.url, 1, AbortSignal.abort())).toBe(0);
      const again = new AbortController();
      const server2Count = served;
      const second = keepBusy(server.url, 1, again.signal);
      again.abort();
      expect(await second).toBe(1);
      expect(served).toBe(server2Count + 1);
      expect(server.connections).toBe(2);
      await server.allClosed();
    } finally {
      await server.close();
    }
  });

  it('rejects with the status and body of an answer that is not 200', async () => {
    const server = await serve((_req, res) => {
      res.statusCode = 502;
      res.end('bad gateway');
    });
    try {
      await expect(keepBusy(server.url, 2, new AbortController().signal)).rejects.toThrow(
        new Error(`${server.url} answered 502: bad gateway`),
      );
    } finally {
      await server.close();
    }
  });
});

describe('throughput', () => {
  it('divides the requests completed by the time they took', async () => {
    // Every request moves the clock 3 ms: whatever number completes before the 50 ms signal, the rate is 1000/3.
    const clock = stubNow(1_000);
    let served = 0;
    const server = await serve((_req, res) => {
      served++;
      clock.advance(3);
      res.end('ok');
    });
    try {
      const rate = await throughput(server.url, 2, 50);
      expect(served).toBeGreaterThan(0);
      expect(rate).toBeCloseTo(1000 / 3, 6);
      expect(server.connections).toBe(2);
    } finally {
      await server.close();
    }
  });
});
