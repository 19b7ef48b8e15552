/**
 * The client side of the experiments: plain `node:http` requests, so a test or bench controls connection
 * reuse (a fresh connection per request is what shows the cluster's round-robin).
 */
import { Agent, request } from 'node:http';

/** A complete HTTP answer. */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The parsed body when it is JSON, else undefined. */
  json: unknown;
}

/** How `httpGet` connects. */
export interface GetOptions {
  /** A new TCP connection for this request (closed after it), instead of the global keep-alive agent. */
  fresh?: boolean;
  agent?: Agent;
  /** Client-side safety net so a test never hangs on a server that does not answer (default 30 s). */
  timeoutMs?: number;
}

/** GETs a loopback URL and collects the whole answer. */
export function httpGet(
  url: string,
  { fresh = false, agent, timeoutMs = 30_000 }: GetOptions = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: fresh ? false : agent, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(body);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

/** The experiment's endpoints and size. */
export interface CheapWhileCpuOptions {
  baseUrl: string;
  /** e.g. `/primes/inline?limit=1000000` */
  cpuPath: string;
  /** CPU requests sent at once. */
  cpuRequests: number;
  cheapPath?: string;
  /** Pause between cheap requests (default 0: back to back). A pause keeps the client from being the load. */
  gapMs?: number;
}

/** What the client saw during the experiment. */
export interface CheapWhileCpuResult {
  cpuAnswers: HttpAnswer[];
  /** Cheap requests answered, on the client side, from the first CPU request sent to the last one answered. */
  cheapAnswered: number;
  /** Latency (ms) of each of those cheap requests. */
  cheapLatencies: number[];
}

/**
 * Sends `cpuRequests` CPU requests at once and, until every one of them is answered, keeps one cheap
 * request in flight at a time: the experiment behind "does a slow endpoint slow down the fast one?".
 */
export async function cheapWhileCpu({
  baseUrl,
  cpuPath,
  cpuRequests,
  cheapPath = '/ping',
  gapMs = 0,
}: CheapWhileCpuOptions): Promise<CheapWhileCpuResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: cpuRequests + 1 });
  try {
    let done = false;
    const cpu = Promise.all(
      Array.from({ length: cpuRequests }, () => httpGet(`${baseUrl}${cpuPath}`, { agent })),
    ).finally(() => {
      done = true;
    });
    // When a cheap request fails, the throw below leaves `cpu` unawaited and destroying the agent then rejects
    // it: handled here, that is not an unhandled rejection (the awaiting path below still sees its error).
    cpu.catch(() => {});
    const cheapLatencies: number[] = [];
    while (!done) {
      const started = performance.now();
      const answer = await httpGet(`${baseUrl}${cheapPath}`, { agent });
      if (answer.status !== 200) throw new Error(`cheap request answered ${answer.status}: ${answer.body}`);
      cheapLatencies.push(performance.now() - started);
      if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
    return { cpuAnswers: await cpu, cheapAnswered: cheapLatencies.length, cheapLatencies };
  } finally {
    agent.destroy();
  }
}

/** A closed-loop latency run. */
export interface LatencyOptions {
  url: string;
  /** Closed-loop clients, each with one request in flight at a time. */
  concurrency: number;
  durationMs: number;
}

/** Per-request latencies (ms) of `concurrency` keep-alive clients hammering `url` for `durationMs`. */
export async function latencySamples({ url, concurrency, durationMs }: LatencyOptions): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const samples: number[] = [];
  const until = performance.now() + durationMs;
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < until) {
          const started = performance.now();
          const answer = await httpGet(url, { agent });
          if (answer.status !== 200) throw new Error(`${url} answered ${answer.status}: ${answer.body}`);
          samples.push(performance.now() - started);
        }
      }),
    );
    return samples;
  } finally {
    agent.destroy();
  }
}

/**
 * Requests per second of `concurrency` keep-alive clients over `durationMs`, counted here rather than taken
 * from a load tool's per-second buckets, so a run shorter than a second still gives a true rate.
 */
export async function throughput(url: string, concurrency: number, durationMs: number): Promise<number> {
  const started = performance.now();
  const completed = await keepBusy(url, concurrency, AbortSignal.timeout(durationMs));
  return completed / ((performance.now() - started) / 1000);
}

/** Keeps `concurrency` requests to `url` in flight until `signal` aborts; resolves to how many completed. */
export async function keepBusy(url: string, concurrency: number, signal: AbortSignal): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  let completed = 0;
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (!signal.aborted) {
          const answer = await httpGet(url, { agent });
          if (answer.status !== 200) throw new Error(`${url} answered ${answer.status}: ${answer.body}`);
          completed++;
        }
      }),
    );
    return completed;
  } finally {
    agent.destroy();
  }
}
