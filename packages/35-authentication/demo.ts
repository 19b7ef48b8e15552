import { scryptSync } from 'node:crypto';
import {
  check,
  formatDuration,
  kv,
  lessonCheck,
  listen,
  loopTurnsDuring,
  note,
  postgres,
  resetSchema,
  runDemo,
  say,
  table,
  withRedisKeys,
} from '@lab/common';
import { type ManualClock, manualClock } from '@lab/common/clock';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import {
  algNoneToken,
  createAuthApp,
  createUsersTable,
  DEFAULT_COST,
  decodeSegments,
  generateSigningKey,
  hashPassword,
  insertUser,
  needsRehash,
  nodeScrypt,
  type ScryptCost,
  type ScryptFn,
  TokenService,
  tamperPayload,
  verifyPassword,
} from './src/index.ts';

const SCHEMA = 'auth35_demo';
const PREFIX = 'auth35:demo:';
/** The app's logins use a lower cost than DEFAULT_COST so the tour stays under 15 s on a busy machine. */
const DEMO_COST: ScryptCost = { N: 2 ** 14, r: 8, p: 1 };

interface Stack {
  url: string;
  tokens: TokenService;
  clock: ManualClock;
  scryptCalls: { count: number };
}

let users: Promise<pg.Pool> | undefined;
/** The demo database, made on first use: one user and one admin. */
function usersDb(): Promise<pg.Pool> {
  users ??= (async () => {
    const pool = await postgres({ schema: SCHEMA, max: 4 });
    await resetSchema(pool, SCHEMA);
    await createUsersTable(pool);
    await insertUser(pool, {
      email: 'ada@example.com',
      passwordHash: await hashPassword('correct horse', { cost: DEMO_COST }),
    });
    await insertUser(pool, {
      email: 'root@example.com',
      passwordHash: await hashPassword('battery staple', { cost: DEMO_COST }),
      role: 'admin',
    });
    return pool;
  })();
  return users;
}

/** The auth API on a loopback port (EdDSA tokens, a pinned clock), or a skip line when Redis is missing. */
async function withStack(what: string, fn: (stack: Stack) => Promise<void>): Promise<void> {
  await withRedisKeys(what, PREFIX, async (redis: Redis | undefined) => {
    if (!redis) return;
    const pool = await usersDb();
    const clock = manualClock(Date.now());
    const key = await generateSigningKey('EdDSA');
    const tokens = new TokenService({
      key,
      issuer: 'https://auth.demo',
      audience: 'demo-api',
      redis,
      prefix: PREFIX,
      now: clock.now,
    });
    const scryptCalls = { count: 0 };
    const scrypt: ScryptFn = (...args) => {
      scryptCalls.count++;
      return nodeScrypt(...args);
    };
    const server = await listen(createAuthApp({ pool, tokens, passwords: { cost: DEMO_COST, scrypt } }));
    try {
      await fn({ url: server.url, tokens, clock, scryptCalls });
    } finally {
      await server.close();
    }
  });
}

interface Reply {
  status: number;
  body: Record<string, unknown>;
  challenge: string | null;
}

async function call(
  url: string,
  path: string,
  init: { token?: string; json?: unknown } = {},
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url + path, {
    method: init.json === undefined ? (path === '/auth/logout' ? 'POST' : 'GET') : 'POST',
    headers,
    ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? JSON.parse(text) : {},
    challenge: res.headers.get('www-authenticate'),
  };
}

const login = (url: string, email: string, password: string) =>
  call(url, '/auth/login', { json: { email, password } });
const pairOf = (reply: Reply) => ({
  access: String(reply.body.accessToken),
  refresh: String(reply.body.refreshToken),
});

async function hashingSection(): Promise<void> {
  const started = performance.now();
  const stored = await hashPassword('correct horse');
  const ms = performance.now() - started;
  say(`hashPassword('correct horse') → ${stored}`);
  kv({
    'chosen cost': `N=2^${Math.log2(DEFAULT_COST.N)}, r=${DEFAULT_COST.r}, p=${DEFAULT_COST.p} (32 MiB a hash)`,
    'this hash took': formatDuration(ms),
  });
  // The rest at a cheaper cost, to keep the tour short: the format and the checks are the same.
  const [older, again] = await Promise.all(
    [1, 2].map(() => hashPassword('correct horse', { cost: DEMO_COST })),
  );
  const saltOf = (hash = '') => hash.split('$')[4];
  say(
    `the same password twice at N=2^14 → salts ${saltOf(older)} and ${saltOf(again)}: two different hashes`,
  );
  check(await verifyPassword('correct horse', older ?? ''), 'verifyPassword with the right password → true');
  check(
    !(await verifyPassword('correct horsE', older ?? '')),
    'one letter off → false (timingSafeEqual on 32 bytes)',
  );
  say(`a hash made under an older, cheaper policy → needsRehash: ${needsRehash(older ?? '')}`);
  note(
    'the format names its own cost, so raising DEFAULT_COST upgrades each user at their next successful login',
  );
}

async function eventLoopSection(): Promise<void> {
  const salt = Buffer.alloc(16, 7);
  const password = Buffer.from('pw');
  const asyncTurns = await loopTurnsDuring(() =>
    Promise.all([1, 2].map(() => nodeScrypt(password, salt, 32, DEMO_COST))),
  );
  const syncTurns = await loopTurnsDuring(() => {
    for (let i = 0; i < 2; i++) scryptSync(password, salt, 32, DEMO_COST);
  });
  table([
    { how: 'await scrypt() ×2 (libuv pool)', 'event-loop turns meanwhile': asyncTurns },
    { how: 'scryptSync() ×2 (main thread)', 'event-loop turns meanwhile': syncTurns },
  ]);
  lessonCheck(
    asyncTurns > 0 && syncTurns === 0,
    'while scryptSync runs, no other request is served; async scrypt leaves the loop free',
    `${asyncTurns} turns vs ${syncTurns}`,
    'pnpm test --project authentication',
  );
  note(
    'the pool has 4 threads (UV_THREADPOOL_SIZE): a login burst queues behind hashes, and so do fs and dns.lookup',
  );
}

async function loginSection(): Promise<void> {
  await withStack('the login API', async ({ url, scryptCalls }) => {
    const reply = await login(url, 'ada@example.com', 'correct horse');
    const { access } = pairOf(reply);
    const { header, payload } = decodeSegments(access);
    say(`POST /auth/login → ${reply.status}, expiresIn ${reply.body.expiresIn} s`);
    kv({ header: JSON.stringify(header), payload: JSON.stringify(payload) });
    const me = await call(url, '/me', { token: access });
    say(`GET /me with the access token → ${me.status} ${JSON.stringify(me.body)}`);
    const rows = [];
    for (const [email, password] of [
      ['ada@example.com', 'wrong password'],
      ['nobody@example.com', 'wrong password'],
    ] as const) {
      const before = scryptCalls.count;
      const failed = await login(url, email, password);
      rows.push({
        email,
        status: failed.status,
        code: String(failed.body.code),
        'scrypt runs': scryptCalls.count - before,
      });
    }
    table(rows);
    note('same answer, same work: the unknown email was checked against a dummy hash at the same cost');
  });
}

async function forgedTokensSection(): Promise<void> {
  await withStack('the token checks', async ({ url, tokens, clock }) => {
    const { accessToken } = await tokens.startSession({ id: '1', role: 'user' });
    const { refreshToken } = await tokens.startSession({ id: '1', role: 'user' });
    const claims = decodeSegments(accessToken).payload;
    const attempts: Array<[string, string | undefined]> = [
      ['no token', undefined],
      ['garbage', 'not-a-jwt'],
      ['alg: none, empty signature', algNoneToken(claims, { typ: 'at+jwt' })],
      ['payload edited to role: admin', tamperPayload(accessToken, { role: 'admin' })],
      ['refresh token as access token', refreshToken],
      ['the real token', accessToken],
    ];
    const rows = [];
    for (const [what, token] of attempts) {
      const reply = await call(url, '/me', token ? { token } : {});
      rows.push({ token: what, status: reply.status, 'WWW-Authenticate': reply.challenge ?? '' });
    }
    clock.advance(15 * 60_000);
    const expired = await call(url, '/me', { token: accessToken });
    rows.push({
      token: 'the real token, 15 min later',
      status: expired.status,
      'WWW-Authenticate': expired.challenge ?? '',
    });
    table(rows);
  });
}

async function refreshSection(): Promise<void> {
  await withStack('refresh rotation', async ({ url }) => {
    const first = pairOf(await login(url, 'ada@example.com', 'correct horse'));
    const second = await call(url, '/auth/refresh', { json: { refreshToken: first.refresh } });
    say(`refresh with token #1 → ${second.status} (token #2 issued, #1 marked used)`);
    const replay = await call(url, '/auth/refresh', { json: { refreshToken: first.refresh } });
    say(
      `replay token #1       → ${replay.status} ${replay.body.code} — a thief or a bug: the whole family is revoked`,
    );
    const afterward = await call(url, '/auth/refresh', { json: { refreshToken: pairOf(second).refresh } });
    say(`the rightful token #2 → ${afterward.status} ${afterward.body.code}`);
    const fresh = pairOf(await login(url, 'ada@example.com', 'correct horse'));
    const race = await Promise.all(
      [1, 2].map(() => call(url, '/auth/refresh', { json: { refreshToken: fresh.refresh } })),
    );
    say(
      `two refreshes with one token at once → ${race.map((r) => r.status).join(' and ')} (one Lua script: exactly one wins)`,
    );
  });
}

async function rolesSection(): Promise<void> {
  await withStack('roles and revocation', async ({ url, tokens }) => {
    const user = pairOf(await login(url, 'ada@example.com', 'correct horse'));
    const root = pairOf(await login(url, 'root@example.com', 'battery staple'));
    const rows = [];
    for (const [who, token] of [
      ['nobody', undefined],
      ['a user', user.access],
      ['an admin', root.access],
    ] as const) {
      const reply = await call(url, '/admin/stats', token ? { token } : {});
      rows.push({
        'GET /admin/stats as': who,
        status: reply.status,
        code: String(reply.body.code ?? '(ok)'),
      });
    }
    table(rows);
    const claims = await tokens.signer.verifyAccess(root.access);
    await tokens.revokeAccessToken(claims);
    const ttl = await tokens.sessions.revokedJtiTtl(claims.jti);
    say(
      `revoke the admin's jti → denylisted for ${formatDuration(ttl)} (its remaining life); /me → ${(await call(url, '/me', { token: root.access })).status}`,
    );
    const out = await call(url, '/auth/logout', { token: user.access });
    say(
      `POST /auth/logout → ${out.status}; then /me → ${(await call(url, '/me', { token: user.access })).status}, refresh → ${(await call(url, '/auth/refresh', { json: { refreshToken: user.refresh } })).status}`,
    );
  });
}

await runDemo({
  title: 'Authentication and authorization',
  subtitle: 'scrypt passwords, short-lived JWTs, rotating refresh tokens, 401 vs 403',
  sections: [
    {
      id: 'hashing',
      title: 'Password hashing with scrypt',
      why: 'A slow, salted, memory-hard hash in a format that names its cost.',
      run: hashingSection,
    },
    {
      id: 'event-loop',
      title: 'Async scrypt vs scryptSync',
      why: 'A hash takes hundreds of ms: on the main thread it stops every other request.',
      run: eventLoopSection,
    },
    {
      id: 'login',
      title: 'Login: an access and a refresh token',
      why: 'Credentials once, then a signed, short-lived token on each request.',
      run: loginSection,
    },
    {
      id: 'forged',
      title: 'What the verifier refuses',
      why: 'A JWT is readable text; only a pinned algorithm, a checked signature and checked claims make it trustworthy.',
      run: forgedTokensSection,
    },
    {
      id: 'refresh',
      title: 'Refresh rotation and reuse detection',
      why: 'Each refresh token works once; a second use means it leaked, so the session ends.',
      run: refreshSection,
    },
    {
      id: 'roles',
      title: '401 vs 403, revocation and logout',
      why: '401: who are you? 403: I know you, and no. A denylist makes a stateless token revocable.',
      run: rolesSection,
    },
  ],
});
