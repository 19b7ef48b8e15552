import { startLoad } from '@lab/common/http';
import type { ReplacedWorker, ReplaceMode, RollingCluster } from './rolling-cluster.ts';

export interface RestartUnderLoad {
  mode: ReplaceMode;
  replaced: ReplacedWorker[];
  requests: number;
  /** Requests that got no answer (resets, refusals, timeouts) plus non-2xx answers. */
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
  options: { connections?: number; warmupMs?: number; path?: string } = {},
): Promise<RestartUnderLoad> {
  // The duration is an upper bound only: stop() ends the load as soon as the restart is done.
  const load = await startLoad({
    url: `${cluster.url}${options.path ?? '/fast'}`,
    connections: options.connections ?? 8,
    duration: 60,
  });
  await new Promise((resolve) => setTimeout(resolve, options.warmupMs ?? 300));
  const replaced = await cluster.rollingRestart(mode);
  const result = await load.stop();
  return {
    mode,
    replaced,
    requests: result.requests,
    failed: result.errors + result.non2xx,
    p99: result.latencyP99,
  };
}
