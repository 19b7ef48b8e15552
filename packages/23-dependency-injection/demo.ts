import {
  check,
  code,
  formatDuration,
  kv,
  lessonCheck,
  listen,
  medianTimePerCall,
  medianTimePerCallAsync,
  note,
  postgres,
  redisOrSkip,
  resetSchema,
  runDemo,
  say,
  table,
} from '@lab/common';
import { deleteKeysWithPrefix } from '@lab/common/services';
import { memoryRepositories, UserService } from '@lab/project-structure';
import type pg from 'pg';
import {
  awilixOptionalRead,
  awilixRequestScope,
  awilixTypo,
  awilixWiring,
  createContainer,
  type Graph,
  type Leaves,
  MemoryUserCache,
  OutOfScopeError,
  outboxMailer,
  PassThroughUnitOfWork,
  RecordingMailer,
  readOutbox,
  SignupService,
  tinyWiring,
  wire,
} from './src/index.ts';
import { migrateOutbox } from './src/outbox-mailer.ts';

const SCHEMA = 'di23_demo';
const PREFIX = 'di23:demo:';
const BENCH = 'pnpm bench dependency-injection';

let database: Promise<pg.Pool> | undefined;
/** The demo's schema, fresh, with topic 21's tables and the outbox. */
function demoDatabase(): Promise<pg.Pool> {
  database ??= (async () => {
    const pool = await postgres({ schema: SCHEMA, max: 4 });
    await resetSchema(pool, SCHEMA);
    const { migrate } = await import('@lab/project-structure');
    await migrate(pool);
    await migrateOutbox(pool);
    return pool;
  })();
  return database;
}

const post = (url: string, body: unknown, requestId: string) =>
  fetch(`${url}/signups`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId },
    body: JSON.stringify(body),
  });

function fakesSection(): Promise<void> {
  const mailer = new RecordingMailer();
  const cache = new MemoryUserCache();
  const signups = new SignupService({
    users: new UserService({ users: memoryRepositories().users }),
    cache,
    mailer,
    unitOfWork: new PassThroughUnitOfWork(),
  });
  code(`new SignupService({ users: new UserService({ users: memoryRepositories().users }),
                    cache: new MemoryUserCache(), mailer: new RecordingMailer(), unitOfWork })`);
  return signups.signUp({ email: 'Ada@Example.com', name: 'Ada' }).then((user) => {
    kv({
      registered: `#${user.id} ${user.email}`,
      'mails recorded': mailer.sent.length,
      'cache sets': cache.stats.sets,
    });
    say(`mail: "${mailer.sent[0]?.subject}" → ${mailer.sent[0]?.to}`);
    check(
      mailer.sent.length === 1,
      'the service never knew it was talking to fakes: no vi.mock, no module patched',
    );
  });
}

async function compositionRootSection(): Promise<void> {
  await demoDatabase();
  const client = await redisOrSkip('the Redis user cache', 'the same graph over an in-memory cache');
  if (!client) {
    // The wiring is the same function; only the cache leaf differs.
    const graph = wire({ pool: await demoDatabase(), cache: new MemoryUserCache() });
    await signUpOverHttp(graph);
    return;
  }
  await deleteKeysWithPrefix(client, PREFIX);
  const container = await createContainer(
    { schema: SCHEMA, redisKeyPrefix: PREFIX, cacheTtlSeconds: 60, poolMax: 4 },
    { postgres: () => postgres({ schema: SCHEMA, max: 4 }), redis: async () => client.duplicate() },
  );
  try {
    const user = await signUpOverHttp(container);
    const key = `${PREFIX}user:${user}`;
    kv({ 'Redis key': key, 'TTL (s)': await container.redis.ttl(key) });
  } finally {
    await deleteKeysWithPrefix(client, PREFIX);
    await container.dispose();
  }
  say(`disposed, in reverse order of opening: ${container.lifecycle.disposed.join(' → ')}`);
}

/** POST /signups on the wired app; prints the outbox row; returns the new user's id. */
async function signUpOverHttp(graph: Graph): Promise<number> {
  const server = await listen(graph.app);
  try {
    const res = await post(server.url, { email: 'grace@example.com', name: 'Grace' }, 'req-42');
    const user = (await res.json()) as { id: number };
    say(`POST /signups → ${res.status}, x-request-id: ${res.headers.get('x-request-id')}`);
    const outbox = await readOutbox(await demoDatabase());
    table(outbox.map((row) => ({ id: row.id, to: row.to, subject: row.subject, request_id: row.requestId })));
    return user.id;
  } finally {
    await server.close();
  }
}

async function rollbackSection(): Promise<void> {
  const pool = await demoDatabase();
  await pool.query('TRUNCATE users, mail_outbox RESTART IDENTITY CASCADE');
  const broken = wire({
    pool,
    cache: new MemoryUserCache(),
    mailer: () => ({
      send: async () => {
        throw new Error('outbox unavailable');
      },
    }),
  });
  const outcome = await broken.signups.signUp({ email: 'lin@example.com', name: 'Lin' }).then(
    () => 'signed up',
    (error: Error) => `rejected: ${error.message}`,
  );
  const users = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM users')).rows[0]?.n;
  kv({
    outcome,
    'users rows': users,
    'outbox rows': (await readOutbox(pool)).length,
    ...broken.unitOfWork.stats,
  });
  check(
    users === 0,
    'the user insert and the mail are one unit of work: the failed mail took the user back with it',
  );
}

async function requestScopeSection(): Promise<void> {
  const pool = await demoDatabase();
  await pool.query('TRUNCATE users, mail_outbox RESTART IDENTITY CASCADE');
  let waiting = 0;
  let release!: () => void;
  const bothIn = new Promise<void>((resolve) => {
    release = resolve;
  });
  const graph = wire({
    pool,
    cache: new MemoryUserCache(),
    mailer: (context) => ({
      send: async (message) => {
        // Hold each request inside its transaction until the other one is there too: they overlap.
        if (++waiting === 2) release();
        await bothIn;
        await outboxMailer(context).send(message);
      },
    }),
  });
  const server = await listen(graph.app);
  try {
    await Promise.all([
      post(server.url, { email: 'a@example.com', name: 'A' }, 'req-a'),
      post(server.url, { email: 'b@example.com', name: 'B' }, 'req-b'),
    ]);
  } finally {
    await server.close();
  }
  const rows = await readOutbox(pool);
  table(rows.map((row) => ({ to: row.to, request_id: row.requestId })));
  check(
    rows.every((row) => row.requestId === `req-${row.to[0]}`),
    'two overlapping requests, one singleton mailer: each row carries its own request id',
  );
  try {
    graph.requestScope.current();
  } catch (error) {
    if (error instanceof OutOfScopeError) say(`outside a request: ${error.message}`);
  }
}

function containersSection(leaves: Leaves): void {
  const tiny = tinyWiring(leaves);
  const awilix = awilixWiring(leaves);
  say(`TinyContainer.resolve('signups') → ${tiny.resolve('signups').constructor.name}`);
  say(`awilix.resolve('signups')       → ${awilix.resolve('signups').constructor.name}`);
  code(`tiny.resolve('singups')
//            ~~~~~~~~~ TS2345: Argument of type '"singups"' is not assignable to parameter of type '"users" | "unitOfWork" | …'`);
  say(`awilix, a typo in a factory's destructured name — compiles, then at resolve time:`);
  say(`  ${awilixTypo(leaves).message.replace(/\n+/g, ' ')}`);
  const optional = awilixOptionalRead(leaves);
  say(`awilix, reading an optional dependency through the cradle: ${(optional as Error).name}`);
  note('manual wiring has neither failure: the constructor call is type-checked like any other call');
}

async function costSection(leaves: Leaves): Promise<void> {
  const tiny = tinyWiring(leaves);
  const awilix = awilixWiring(leaves);
  const request = (i: number) => ({ requestId: `r${i}` });
  const options = { calls: 2_000, rounds: 5, warmupRounds: 2 };
  const tinyScope = medianTimePerCall(
    (i) => tiny.createScope({ request: request(i) }).resolve('logger'),
    options,
  );
  const awilixScope = medianTimePerCall(
    (i) => awilixRequestScope(awilix, request(i)).resolve('logger'),
    options,
  );
  const pool = await demoDatabase();
  const select = await medianTimePerCallAsync(() => pool.query('SELECT 1'), {
    calls: 20,
    rounds: 5,
    warmupRounds: 1,
  });
  kv({
    'TinyContainer request scope': formatDuration(tinyScope),
    'awilix request scope': formatDuration(awilixScope),
    'one SELECT 1 on loopback': formatDuration(select),
  });
  lessonCheck(
    awilixScope < select / 4,
    'a container costs microseconds per request; one database round trip costs more than all of it',
    `awilix scope ${formatDuration(awilixScope)} vs SELECT 1 ${formatDuration(select)}`,
    BENCH,
  );
}

const leaves = (pool: pg.Pool): Leaves => ({ pool, cache: new MemoryUserCache(), sink: () => {} });

await runDemo({
  title: 'Dependency injection and the composition root',
  subtitle: "topic 21's users service, wired by hand, by a 40-line typed container and by awilix",
  sections: [
    {
      title: 'Constructor injection: fakes in, no mocking',
      id: 'fakes',
      why: 'A class that receives its collaborators can be handed fakes by a test with one constructor call.',
      run: fakesSection,
    },
    {
      title: 'The composition root on PostgreSQL and Redis',
      id: 'composition-root',
      why: 'One function opens the infrastructure, wires the graph and closes it all in reverse order.',
      run: compositionRootSection,
    },
    {
      title: 'One unit of work: the user and its welcome mail',
      id: 'unit-of-work',
      why: 'The outbox mailer writes on the same transaction as the user: a failure takes both back.',
      run: rollbackSection,
    },
    {
      title: 'Request scope with AsyncLocalStorage',
      id: 'request-scope',
      why: 'Singletons read per-request values at call time; overlapping requests never see each other’s.',
      run: requestScopeSection,
    },
    {
      title: 'Containers: what a string key costs',
      id: 'containers',
      why: 'awilix resolves by name at run time; a typed container or plain constructors fail at compile time.',
      run: async () => containersSection(leaves(await demoDatabase())),
    },
    {
      title: 'What resolving costs per request',
      id: 'cost',
      why: 'A container is chosen for structure, not speed: its cost next to one query decides nothing.',
      run: async () => costSection(leaves(await demoDatabase())),
    },
  ],
});
