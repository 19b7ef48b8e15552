import {
  bars,
  check,
  code,
  kv,
  lessonCheck,
  listen,
  note,
  postgres,
  resetSchema,
  runDemo,
  say,
  summarize,
  table,
} from '@lab/common';
import { interleaved } from '@lab/common/bench';
import { migrate } from '@lab/project-structure';
import {
  asyncHops,
  createLoggedService,
  createLogger,
  DEFAULT_REDACT_PATHS,
  type Hop,
  LogCapture,
  type LogConfigError,
  levelFromEnv,
  lineWriters,
  moduleLogger,
  nullStream,
  pgCallbackHops,
  RequestContext,
  sharedWorkerHops,
} from './src/index.ts';

const BENCH = 'pnpm bench logging-and-errors';

/** A logger writing into a capture, without timestamps so the printed lines stay short. */
function capturedLogger(options: Parameters<typeof createLogger>[0] = {}) {
  const capture = new LogCapture();
  return { capture, logger: createLogger({ time: false, ...options, destination: capture }) };
}

const printLines = (capture: LogCapture) => code(capture.lines.map((l) => l.trimEnd()).join('\n'));

function structuredSection(): void {
  const { capture, logger } = capturedLogger({
    base: { service: 'orders-api' },
    level: levelFromEnv({ LOG_LEVEL: 'info' }),
  });
  logger.info({ userId: 123, orderCount: 4 }, 'profile loaded');
  logger.debug({ sql: 'SELECT …' }, 'below the level: not written');
  logger.error({ orderId: 456, reason: 'insufficient_funds', amountCents: 9999 }, 'payment failed');
  printLines(capture);
  say('Each line is one JSON object: a log search filters on orderId=456 instead of parsing a sentence.');
  for (const raw of ['DEBUG', 'WARNING']) {
    try {
      say(`LOG_LEVEL=${raw} → ${levelFromEnv({ LOG_LEVEL: raw })}`);
    } catch (error) {
      say(`LOG_LEVEL=${raw} → refused at start-up: ${(error as LogConfigError).message}`);
    }
  }
}

function childSection(): void {
  const { capture, logger } = capturedLogger();
  const orders = moduleLogger(logger, 'orders');
  const pg = moduleLogger(logger, 'pg', 'warn');
  orders.debug('hidden: the root is at info');
  logger.level = 'debug';
  orders.debug('shown: the child follows the root level changed at run time');
  pg.info('hidden: this child has its own level (warn)');
  pg.warn({ waitingClients: 12 }, 'pool exhausted');
  printLines(capture);
}

function redactionSection(): void {
  const { capture, logger } = capturedLogger();
  logger.info(
    {
      user: { id: 7, password: 'hunter2' },
      req: { headers: { authorization: 'Bearer eyJh…' } },
      token: 'tok-1',
    },
    'login',
  );
  logger.info({ body: { user: { password: 'hunter2' } } }, 'two levels down');
  logger.info('a message string is not scanned: password hunter2');
  printLines(capture);
  const leaks = capture.lines.filter((l) => l.includes('hunter2')).length;
  say(
    `${DEFAULT_REDACT_PATHS.length} default paths; lines that still contain the secret: ${leaks} of ${capture.lines.length}`,
  );
  note(
    'A redact path is a shape: list the shapes you log, never log whole bodies, and grep the stream in a test.',
  );
}

const hopRows = (hops: Hop[]) =>
  hops.map((h) => ({
    hop: h.hop,
    'ran for': h.expected,
    'context said': h.seen ?? '(none)',
    ok: h.seen === h.expected ? '✓' : '✗',
  }));

async function contextSection(): Promise<void> {
  const context = new RequestContext();
  table(hopRows([...(await asyncHops(context, 'req-1')), ...(await sharedWorkerHops(context))]));
  note(
    "The worker was started by req-A: its timer callbacks run in req-A's context, so req-B's plain listener logs req-A.",
  );
}

async function pgCallbackSection(): Promise<void> {
  const pool = await postgres({ max: 1 });
  try {
    table(hopRows(await pgCallbackHops(pool, new RequestContext())));
    note('pg runs a callback from its socket handler: the context of whoever opened the connection (req-A).');
    note('Fix: `await` the promise API, or pass `context.bind(callback)` (AsyncResource.bind).');
  } finally {
    await pool.end();
  }
}

/** The logged service on a fresh schema (`tables: false`: no tables, so every query fails). */
async function demoService(schema: string, tables: boolean, level: 'info' | 'debug' = 'info') {
  const pool = await postgres({ schema, max: 4 });
  await resetSchema(pool, schema);
  if (tables) await migrate(pool);
  const capture = new LogCapture();
  let n = 0;
  const { app } = createLoggedService(pool, {
    level,
    time: false,
    destination: capture,
    generateRequestId: () => `req-${++n}`,
  });
  const server = await listen(app);
  const close = async () => {
    await server.close();
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  };
  return { url: server.url, capture, close };
}

async function show(url: string, method: string, path: string, body?: unknown): Promise<void> {
  const res = await fetch(url + path, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  say(`${method} ${path} → ${res.status} ${await res.text()}`);
}

async function layeredSection(): Promise<void> {
  const ok = await demoService('log29_demo', true);
  const broken = await demoService('log29_demo_broken', false);
  try {
    await show(ok.url, 'POST', '/users', { email: 'ada@example.com', name: 'Ada' });
    ok.capture.clear();
    await show(ok.url, 'POST', '/users', { email: 'ada@example.com', name: 'Ada' });
    await show(ok.url, 'GET', '/users/999');
    await show(broken.url, 'GET', '/users/1');
    say("What the log got (the 500 line's stack shortened here):");
    const lines = [...ok.capture.records, ...broken.capture.records].filter(
      (r) => r.msg !== 'request completed',
    );
    for (const r of lines) {
      const err = r.err as { stack?: string } | undefined;
      const shown = err?.stack
        ? {
            ...r,
            err: {
              ...err,
              stack: `${err.stack.split('\n')[0]}\n    at … (${err.stack.split('\n').length} lines)`,
            },
          }
        : r;
      code(JSON.stringify(shown));
    }
    check(!ok.capture.text().includes('Key (email)'), "pg's detail (the row's values) is not in the log");
  } finally {
    await ok.close();
    await broken.close();
  }
}

async function concurrentSection(): Promise<void> {
  const service = await demoService('log29_demo_many', true, 'debug');
  try {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        fetch(`${service.url}/users`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-request-id': `client-${i}` },
          body: JSON.stringify({ email: `u${i}@example.com`, name: `User ${i}` }),
        }).then(async (res) => ({
          id: res.headers.get('x-request-id'),
          status: res.status,
          body: await res.text(),
        })),
      ),
    );
    const byId = new Map<string, string[]>();
    for (const r of service.capture.records) {
      const id = String(r.requestId);
      byId.set(id, [...(byId.get(id) ?? []), String(r.msg)]);
    }
    const expected = 'call started,call done,request completed';
    kv({
      requests: answers.length,
      'log lines (debug level)': service.capture.records.length,
      'distinct request ids in the log': byId.size,
      'lines of client-7': (byId.get('client-7') ?? []).join(' → '),
    });
    check(
      answers.every((a, i) => a.id === `client-${i}` && a.status === 201),
      'every response was a 201 and echoed its own X-Request-Id',
    );
    check(
      byId.size === 50 && [...byId.values()].every((msgs) => msgs.join(',') === expected),
      'every id has exactly its own three lines, in order: no line went to another request',
    );
  } finally {
    await service.close();
  }
}

async function costSection(): Promise<void> {
  const context = new RequestContext();
  const writers = lineWriters(nullStream(), context);
  const fields = { method: 'GET', path: '/users/1/orders', status: 200, durationMs: 3.2, user: { id: 1 } };
  // Interleaved rounds (A B C D, B C D A, …), so a burst of load on the shared machine hits every writer.
  const tasks = Object.fromEntries(
    Object.entries(writers).map(([label, write]) => [
      label,
      () =>
        context.run({ requestId: 'r' }, () => {
          for (let i = 0; i < 500; i++) write(fields, 'request completed');
        }),
    ]),
  );
  const samples = await interleaved(tasks, { rounds: 9, warmupRounds: 2, opsPerCall: 500 });
  const perLine = Object.entries(samples).map(([label, ms]) => ({
    label,
    value: 1000 * summarize(ms).median,
  }));
  bars(perLine, ' µs/line');
  const pino = perLine.find((p) => p.label === 'pino')?.value ?? 0;
  const consoleLog = perLine.find((p) => p.label.startsWith('console'))?.value ?? 0;
  lessonCheck(
    consoleLog > pino,
    'pino writes a JSON line for less than console.log formats one',
    `console.log ${(consoleLog / pino).toFixed(1)}× pino`,
    BENCH,
  );
}

await runDemo({
  title: 'Structured logging and layered error handling',
  subtitle:
    'pino JSON lines, levels from configuration, a request id on AsyncLocalStorage, redaction, errors mapped to HTTP',
  sections: [
    {
      id: 'structured',
      title: 'Structured lines and a level from configuration',
      why: 'Key-value JSON, not f-strings; LOG_LEVEL is validated, not silently defaulted.',
      run: structuredSection,
    },
    {
      id: 'children',
      title: 'Child loggers per module',
      why: 'A child adds `module` to its lines and follows the root level unless given its own.',
      run: childSection,
    },
    {
      id: 'redaction',
      title: 'Redaction of secrets',
      why: 'pino censors listed paths before the line is written; a path is a shape, not a search.',
      run: redactionSection,
    },
    {
      id: 'context',
      title: 'The request id through async calls',
      why: 'AsyncLocalStorage follows awaits and timers; a shared worker started by another request does not.',
      run: contextSection,
    },
    {
      id: 'pg-callback',
      title: "A pooled connection's callback sees the wrong request",
      why: 'Real PostgreSQL: callback API vs promise API vs a bound callback.',
      run: pgCallbackSection,
    },
    {
      id: 'layered-errors',
      title: 'Repository → service → HTTP, logged once',
      why: '23505 becomes 409 at warn, a missing user 404 at info, an unknown table 500 at error with the stack in the log only.',
      run: layeredSection,
    },
    {
      id: 'concurrent',
      title: '50 concurrent requests, ids never mixed',
      why: "Each request's lines carry its own id, whatever order the pool serves them in.",
      run: concurrentSection,
    },
    {
      id: 'cost',
      title: 'What a line costs',
      why: 'The same line through JSON.stringify, console.log, pino and pino with the mixin, to a null stream.',
      run: costSection,
    },
  ],
});
