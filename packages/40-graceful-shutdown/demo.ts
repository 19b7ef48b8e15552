import { EventEmitter } from 'node:events';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { check, databaseUrl, kv, lessonCheck, postgres, resetSchema, runDemo, say, table } from '@lab/common';
import {
  createLifecycle,
  EXPAND_CONTRACT,
  exitOnSignals,
  forkServer,
  restartUnderLoad,
  startRollingCluster,
} from './src/index.ts';

const SCHEMA = 'gs40_demo';

/** A GET over a keep-alive agent: its status and Connection header, or the error code. */
function get(url: string): Promise<{ status: number; connection: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = request(url, (res) => {
      res.resume();
      res.once('end', () =>
        resolve({ status: res.statusCode ?? 0, connection: String(res.headers.connection) }),
      );
    });
    req.once('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    req.end();
  });
}

async function sigtermSection(): Promise<void> {
  const server = await forkServer({ holdBeforeClose: true });
  const slow = get(`${server.url}/slow/report`);
  await server.next((m) => m.type === 'started');
  say('a slow request is in flight; SIGTERM →');
  server.child.kill('SIGTERM');
  await server.event('draining');
  const ready = await get(`${server.url}/health/ready`);
  say(
    `  readiness probe: ${'status' in ready ? ready.status : ready.error} (the load balancer stops sending)`,
  );
  server.send({ type: 'proceed' });
  await server.event('stopped-listening');
  const fresh = await get(`${server.url}/fast`);
  say(`  a new connection: ${'error' in fresh ? fresh.error : fresh.status}`);
  server.send({ type: 'release', id: 'report' });
  const answer = await slow;
  say(
    `  the slow request: ${'status' in answer ? `${answer.status}, Connection: ${answer.connection}` : answer.error}`,
  );
  const { code } = await server.exit;
  const report = await server.next((m) => m.type === 'report');
  if (report.type === 'report') say(`  events: ${report.report.events.map((e) => e.type).join(' → ')}`);
  check(code === 0, `exit code ${code}`);
}

/** An in-flight keep-alive response when the server shuts down: plain close() vs the lifecycle. */
async function connectionHeader(withLifecycle: boolean): Promise<string> {
  let respond: () => void = () => {};
  let arrived: () => void = () => {};
  const inHandler = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const server = createServer((_req, res) => {
    respond = () => res.end('done');
    arrived();
  });
  const lifecycle = withLifecycle ? createLifecycle({ server }) : undefined;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const answer = get(`http://127.0.0.1:${port}/`);
  await inHandler;
  const closing = lifecycle ? lifecycle.shutdown('demo') : new Promise((resolve) => server.close(resolve));
  respond();
  const result = await answer;
  // Plain close() would wait for the kept-alive socket to time out (keepAliveTimeout, 5 s): cut it here.
  if (!lifecycle) server.closeAllConnections();
  await closing;
  return 'connection' in result ? result.connection : result.error;
}

async function keepAliveSection(): Promise<void> {
  table([
    {
      'shutdown with': 'server.close() alone',
      'in-flight response says': `Connection: ${await connectionHeader(false)}`,
    },
    {
      'shutdown with': 'createLifecycle',
      'in-flight response says': `Connection: ${await connectionHeader(true)}`,
    },
  ]);
  say(
    'keep-alive tells the client to reuse a socket that is about to close; close tells it to reconnect elsewhere',
  );
}

async function graceSection(): Promise<void> {
  const server = createServer(() => {});
  const lifecycle = createLifecycle({ server, graceMs: 200 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const hanging = get(`http://127.0.0.1:${port}/hang`);
  while (lifecycle.inFlight === 0) await new Promise((r) => setImmediate(r));
  const report = await lifecycle.shutdown('SIGTERM');
  const client = await hanging;
  kv({
    'grace timeout': '200 ms',
    forced: String(report.forced),
    'requests cut': String(report.cutRequests),
    'the client saw': 'error' in client ? client.error : String(client.status),
    'exit code': String(report.code),
  });
}

async function secondSignalSection(): Promise<void> {
  const server = createServer(() => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const lifecycle = createLifecycle({ server, graceMs: 100, drain: { stuck: () => new Promise(() => {}) } });
  const signals = new EventEmitter();
  const exits: number[] = [];
  exitOnSignals(lifecycle, {
    exit: (code) => exits.push(code),
    target: signals as unknown as NodeJS.Process,
  });
  signals.emit('SIGTERM', 'SIGTERM');
  say(`SIGTERM → state ${lifecycle.state} (draining, waiting for stuck background work)`);
  signals.emit('SIGINT', 'SIGINT');
  say(`Ctrl-C while draining → exit(${exits[0]}) at once (128 + SIGINT's 2)`);
  await lifecycle.shutdown('SIGTERM');
}

async function rollingSection(): Promise<void> {
  const cluster = await startRollingCluster({ workers: 1 });
  try {
    const run = await restartUnderLoad(cluster, 'graceful', { warmupMs: 200 });
    const [step] = run.replaced;
    kv({
      'old worker': `${step?.oldPid} → exit code ${step?.code}`,
      'new worker': `${step?.newPid} (listening before the old one was told to drain)`,
      requests: String(run.requests),
      failed: String(run.failed),
      'p99 ms': String(run.p99),
    });
    lessonCheck(
      run.failed === 0,
      'new worker listening first + a draining old one = no failed request',
      `${run.failed} failed of ${run.requests}`,
      'pnpm bench graceful-shutdown',
    );
    say('the bench runs the same restart with SIGKILL instead, for the failures a missing drain costs');
  } finally {
    await cluster.stop();
  }
}

async function expandContractSection(): Promise<void> {
  await databaseUrl();
  const pool = await postgres({ schema: SCHEMA, max: 2 });
  try {
    await resetSchema(pool, SCHEMA);
    const rows: Array<Record<string, string>> = [];
    const ids: Array<[number, string]> = [];
    for (const step of EXPAND_CONTRACT) {
      await step.apply(pool);
      for (const code of step.live)
        ids.push([await code.create(pool, `by ${code.version}`), `by ${code.version}`]);
      const ok = await Promise.all(
        step.live.map(async (code) => {
          const seen = await Promise.all(ids.map(([id]) => code.get(pool, id)));
          return seen.every((u, i) => u?.name === ids[i]?.[1]);
        }),
      );
      rows.push({
        step: step.name,
        'live at once': step.live.map((c) => c.version).join(' + '),
        'every row readable by both': ok.every(Boolean) ? 'yes' : 'NO',
      });
    }
    table(rows);
  } finally {
    await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  }
}

await runDemo({
  title: 'Graceful shutdown and zero-downtime deploys',
  subtitle: 'SIGTERM → not ready → stop accepting → finish in flight → drain → close pools → exit 0',
  sections: [
    {
      id: 'sigterm',
      title: 'SIGTERM on a service with a request in flight',
      why: 'A child process shuts down for real: readiness first, then the listener, then the work.',
      run: sigtermSection,
    },
    {
      id: 'keep-alive',
      title: 'Connection: close on the last response',
      why: 'server.close() alone leaves in-flight keep-alive responses telling the client to come back.',
      run: keepAliveSection,
    },
    {
      id: 'grace',
      title: 'The grace timeout',
      why: 'A request that never ends must not keep the process forever: closeAllConnections() cuts it.',
      run: graceSection,
    },
    {
      id: 'second-signal',
      title: 'A second signal exits at once',
      why: 'The operator who presses Ctrl-C twice means now.',
      run: secondSignalSection,
    },
    {
      id: 'rolling',
      title: 'A rolling restart under load',
      why: 'node:cluster: the new worker listens before the old one drains; autocannon counts failures.',
      run: rollingSection,
    },
    {
      id: 'expand-contract',
      title: 'Expand / contract: old and new code on one schema',
      why: 'During a rollout two versions run at once, so each migration step must suit both.',
      run: expandContractSection,
    },
  ],
});
