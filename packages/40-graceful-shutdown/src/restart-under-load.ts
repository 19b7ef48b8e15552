import autocannon from 'autocannon';
import type { ReplacedWorker, ReplaceMode, RollingCluster } from './rolling-cluster.ts';

export interface RestartUnderLoad {
  mode: ReplaceMode;
  replaced: ReplacedWorker[];
  requests: number;
  /** Requests that got no answer (autocannon's errors: resets, timeouts) plus non-2xx answers. */
  failed: number;
  p99: number;
}

/**
 * One rolling restart of `cluster` under autocannon load on loopback: the load starts first, the restart
 * runs to the end (every old worker replaced and exited), and the load stops right after, so all of it
 * overlaps the restart however slowly this machine forks.
 */
export async function restartUnderLoad(
  cluster: RollingCluster,
  mode: ReplaceMode,
  options: { connections?: number; warmupMs?: number } = {},
): Promise<RestartUnderLoad> {
  let finish: (result: autocannon.Result) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: `${cluster.url}/fast`,
      connections: options.connections ?? 8,
      // An upper bound only: stop() ends it as soon as the restart is done.
      duration: 60,
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  await new Promise((resolve) => setTimeout(resolve, options.warmupMs ?? 300));
  const replaced = await cluster.rollingRestart(mode);
  instance.stop();
  const result = await done;
  return {
    mode,
    replaced,
    requests: result.requests.total,
    failed: result.errors + result.timeouts + result.non2xx,
    p99: result.latency.p99,
  };
}
