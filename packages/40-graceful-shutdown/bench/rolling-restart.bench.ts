import { measureBench } from '@lab/common/bench';
import { type RestartUnderLoad, restartUnderLoad } from '../src/restart-under-load.ts';
import { startRollingCluster } from '../src/rolling-cluster.ts';

const GRACEFUL = 'graceful (lifecycle)';
const KILL = 'SIGKILL (no shutdown handler)';

let runs: Promise<RestartUnderLoad[]> | undefined;
/**
 * Rolling restarts of a 2-worker cluster under 8 autocannon connections, graceful and SIGKILL in
 * alternating rounds on one cluster; measured once and read by both benches below.
 */
function restarts(smoke: boolean): Promise<RestartUnderLoad[]> {
  runs ??= (async () => {
    const cluster = await startRollingCluster({ workers: smoke ? 1 : 2 });
    const out: RestartUnderLoad[] = [];
    try {
      const rounds = smoke ? 1 : 4;
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? (['graceful', 'kill'] as const) : (['kill', 'graceful'] as const);
        for (const mode of order) out.push(await restartUnderLoad(cluster, mode));
      }
    } finally {
      await cluster.stop();
    }
    return out;
  })();
  return runs;
}

const by = (all: RestartUnderLoad[], pick: (r: RestartUnderLoad) => number) => ({
  [GRACEFUL]: all.filter((r) => r.mode === 'graceful').map(pick),
  [KILL]: all.filter((r) => r.mode === 'kill').map(pick),
});

export default [
  measureBench({
    title: 'Failed requests during a rolling restart of 2 cluster workers under autocannon (8 connections)',
    baseline: KILL,
    unit: 'failed requests',
    better: 'lower',
    measure: async ({ smoke }) => by(await restarts(smoke), (r) => r.failed),
    claims: [
      {
        says: 'a graceful rolling restart fails no requests (fewer than 1 in 20 of what killing the workers fails)',
        subject: GRACEFUL,
        below: 0.05,
      },
    ],
  }),
  measureBench({
    title: 'p99 latency during the same rolling restarts',
    baseline: KILL,
    unit: 'ms',
    better: 'lower',
    measure: async ({ smoke }) => by(await restarts(smoke), (r) => r.p99),
    claims: [
      {
        says: "draining keeps the tail close to a hard kill's: p99 during a graceful restart stays under 3× that of killing workers",
        subject: GRACEFUL,
        below: 3,
      },
    ],
  }),
];
