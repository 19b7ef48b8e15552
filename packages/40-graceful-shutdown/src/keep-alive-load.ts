import { Agent, request } from 'node:http';

export interface KeepAliveLoadResult {
  requests: number;
  /** Requests that got no answer (connection reset, refused, closed early). */
  failed: number;
  non2xx: number;
  p50: number;
  p99: number;
  /** Connections the client had to open: more than `connections` means the server closed some. */
  connectionsOpened: number;
}

/** The nearest-rank `p`th percentile of ascending `sorted` (0 when empty). Exported for its test. */
export const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);

/**
 * Load from a well-behaved HTTP/1.1 client: Node's keep-alive Agent, `connections` users each sending
 * the next request only after the last answer, and never reusing a socket the server answered with
 * `Connection: close`, as browsers, undici and proxies behave. Runs until `stop` resolves. Loopback only.
 */
export async function keepAliveLoad(options: {
  url: string;
  connections: number;
  stop: Promise<unknown>;
  /** A request with no answer after this long counts as failed. Default 5 s. */
  timeoutMs?: number;
}): Promise<KeepAliveLoadResult> {
  const target = new URL(options.url);
  if (target.hostname !== '127.0.0.1') throw new Error(`load runs on loopback only, not ${target.hostname}`);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  let connectionsOpened = 0;
  const track = agent as unknown as { createConnection: (...args: unknown[]) => unknown };
  const create = track.createConnection.bind(agent);
  track.createConnection = (...args: unknown[]) => {
    connectionsOpened++;
    return create(...args);
  };
  let stopped = false;
  void options.stop.then(() => {
    stopped = true;
  });
  const latencies: number[] = [];
  let failed = 0;
  let non2xx = 0;
  const once = () =>
    new Promise<void>((resolve) => {
      const start = performance.now();
      const req = request(target, { agent }, (res) => {
        res.resume();
        res.once('end', () => {
          latencies.push(performance.now() - start);
          if (!res.statusCode || res.statusCode < 200 || res.statusCode > 299) non2xx++;
          resolve();
        });
      });
      req.once('error', () => {
        failed++;
        resolve();
      });
      // A connection handed to a process that was killed with it never answers: count it, move on.
      req.setTimeout(options.timeoutMs ?? 5_000, () => req.destroy(new Error('no answer in time')));
      req.end();
    });
  const user = async () => {
    while (!stopped) await once();
  };
  await Promise.all(Array.from({ length: options.connections }, user));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length + failed,
    failed,
    non2xx,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    connectionsOpened,
  };
}
