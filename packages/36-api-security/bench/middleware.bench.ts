import http from 'node:http';
import { interleaved, measureBench, timeBench } from '@lab/common/bench';
import { type Listening, listen } from '@lab/common/http';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { problemErrorHandler } from '../src/errors.ts';
import { forbiddenKeyReviver } from '../src/json-guard.ts';
import { securityMiddleware } from '../src/security-middleware.ts';

const ORIGIN = 'https://app.example.test';
const BODY = JSON.stringify({ displayName: 'Grace Hopper', email: 'grace@example.test' });
const REQUESTS_PER_CALL = 40;

/** The same route behind three stacks: what differs is only what runs before the handler. */
function app(stack: 'bare' | 'helmet' | 'security'): Express {
  const a = express();
  a.disable('x-powered-by');
  a.set('etag', false);
  if (stack === 'bare') a.use(express.json({ limit: '16kb' }));
  if (stack === 'helmet') a.use(helmet(), express.json({ limit: '16kb' }));
  if (stack === 'security') a.use(securityMiddleware({ cors: { origins: [ORIGIN], credentials: true } }));
  a.patch('/users/:id', (req, res) => {
    res.json({ id: Number(req.params.id), ...(req.body as object) });
  });
  a.use(problemErrorHandler(() => {}));
  return a;
}

/** Sends `count` PATCH requests one after another on one kept-alive socket; throws on anything but 200. */
function client(server: Listening) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const req = http.request(
        `${server.url}/users/7`,
        {
          method: 'PATCH',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(BODY),
            origin: ORIGIN,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`)),
          );
        },
      );
      req.on('error', reject);
      req.end(BODY);
    });
  return {
    run: async (count: number) => {
      for (let i = 0; i < count; i++) await one();
    },
    close: () => agent.destroy(),
  };
}

const CONTENDERS = {
  'bare Express (express.json only)': 'bare',
  'helmet + express.json': 'helmet',
  'securityMiddleware (helmet, CORS allowlist, JSON-only, limit, forbidden-key reviver)': 'security',
} as const;

/** A 4 KB settings document, the size the preferences endpoint sees at most. */
const DOCUMENT = JSON.stringify(
  Object.fromEntries(
    Array.from({ length: 60 }, (_, i) => [
      `setting${i}`,
      { enabled: i % 2 === 0, label: `label ${i}`, weight: i },
    ]),
  ),
);

export default [
  measureBench({
    title: `Cost per request of the security middleware (Express 5, a small JSON PATCH, loopback HTTP, ${REQUESTS_PER_CALL} sequential requests per sample)`,
    baseline: 'bare Express (express.json only)',
    unit: 'ms/request',
    better: 'lower',
    measure: async ({ smoke }) => {
      const servers: Listening[] = [];
      const clients: Array<ReturnType<typeof client>> = [];
      const tasks: Record<string, () => Promise<void>> = {};
      try {
        for (const [name, stack] of Object.entries(CONTENDERS)) {
          const server = await listen(app(stack));
          const c = client(server);
          servers.push(server);
          clients.push(c);
          tasks[name] = () => c.run(smoke ? 2 : REQUESTS_PER_CALL);
        }
        // In turns, so a burst of load from elsewhere on the machine hits every stack alike.
        return await interleaved(tasks, {
          rounds: smoke ? 2 : 30,
          warmupRounds: smoke ? 1 : 3,
          opsPerCall: smoke ? 2 : REQUESTS_PER_CALL,
        });
      } finally {
        for (const c of clients) c.close();
        await Promise.all(servers.map((s) => s.close()));
      }
    },
    claims: [
      {
        says: 'the whole security stack costs less than 2× a bare Express request (headers and checks, no extra I/O)',
        subject: 'securityMiddleware (helmet, CORS allowlist, JSON-only, limit, forbidden-key reviver)',
        below: 2,
      },
      {
        says: 'helmet alone stays within 1.5× a bare Express request (it only sets a dozen headers)',
        subject: 'helmet + express.json',
        below: 1.5,
      },
    ],
  }),
  timeBench({
    title: 'Parsing a 4 KB JSON document: JSON.parse vs JSON.parse with the forbidden-key reviver',
    baseline: 'JSON.parse',
    tasks: {
      'JSON.parse': () => JSON.parse(DOCUMENT),
      'JSON.parse + forbiddenKeyReviver': () => JSON.parse(DOCUMENT, forbiddenKeyReviver),
    },
    claims: [
      {
        says: 'the reviver makes JSON.parse at least 1.5× slower: V8 calls it once per key and value',
        subject: 'JSON.parse + forbiddenKeyReviver',
        above: 1.5,
      },
    ],
  }),
];
