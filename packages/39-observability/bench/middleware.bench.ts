/**
 * What the metrics middleware adds to a request: the same trivial route (no database, so the middleware is
 * not hidden behind a query) served bare, with the metrics middleware, and with metrics plus the request
 * log. Each sample is 100 keep-alive requests in sequence over loopback; contenders take turns (interleaved),
 * so load from other processes lands on all three alike.
 */
import { interleaved, measureBench } from '@lab/common/bench';
import { type Listening, listen } from '@lab/common/http';
import express from 'express';
import pino from 'pino';
import { httpMetrics, Registry, requestLog } from '../src/index.ts';

const REQUESTS = 100;

function app(layers: 'bare' | 'metrics' | 'metrics + log') {
  const server = express();
  if (layers !== 'bare') server.use(httpMetrics({ registry: new Registry() }).middleware);
  // A real pino logger writing JSON to a sink that drops it: the serialising cost is paid, no disk I/O.
  if (layers === 'metrics + log') server.use(requestLog(pino({ level: 'info' }, { write: () => {} })));
  server.get('/users/:id', (req, res) => {
    res.json({ id: Number(req.params.id), name: 'Ada' });
  });
  return listen(server);
}

async function burst(server: Listening): Promise<void> {
  for (let i = 0; i < REQUESTS; i++) {
    const res = await fetch(`${server.url}/users/${i + 1}`);
    if (res.status !== 200) throw new Error(`status ${res.status}`);
    await res.arrayBuffer();
  }
}

export default [
  measureBench({
    title: `Per request, ${REQUESTS} sequential keep-alive requests a sample: bare route vs metrics middleware`,
    baseline: 'bare',
    unit: 'ms/request',
    better: 'lower',
    measure: async ({ smoke }) => {
      const servers = {
        bare: await app('bare'),
        metrics: await app('metrics'),
        'metrics + log': await app('metrics + log'),
      };
      try {
        return await interleaved(
          Object.fromEntries(Object.entries(servers).map(([name, server]) => [name, () => burst(server)])),
          { rounds: smoke ? 1 : 30, warmupRounds: smoke ? 0 : 3, opsPerCall: REQUESTS },
        );
      } finally {
        for (const server of Object.values(servers)) await server.close();
      }
    },
    claims: [
      {
        says: 'the metrics middleware (counter + histogram, route template at finish) adds under 25% to a trivial request',
        subject: 'metrics',
        below: 1.25,
      },
      {
        says: 'a JSON request log line on top keeps the total under 1.5× the bare request',
        subject: 'metrics + log',
        below: 1.5,
      },
    ],
  }),
];
