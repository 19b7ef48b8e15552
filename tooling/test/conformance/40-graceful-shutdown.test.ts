import { createServer } from 'node:http';
import { type Listening, listen } from '@lab/common/http';
import { afterAll, beforeAll, describe } from 'vitest';
import {
  createDemoApp,
  createLifecycle,
  PendingWork,
} from '../../../packages/40-graceful-shutdown/src/index.ts';
import { conformance, get, post, SURROGATE_IN_URL } from './_problem-cases.ts';

describe('40 graceful-shutdown: the demo app, and its readiness while draining', () => {
  let running: Listening;
  let draining: Listening;
  beforeAll(async () => {
    const app = () => {
      const lifecycle = createLifecycle({ server: createServer() });
      return {
        lifecycle,
        app: createDemoApp({ lifecycle, work: new PendingWork(() => {}), latch: async () => {} }),
      };
    };
    running = await listen(app().app);
    const shutting = app();
    draining = await listen(shutting.app);
    // Shutdown of a server that never listened: the lifecycle turns not-ready, the app keeps answering here.
    void shutting.lifecycle.shutdown('SIGTERM');
  });
  afterAll(async () => {
    await running.close();
    await draining.close();
  });

  conformance('40', () => running.url, [
    { path: 'unknown route', status: 404, send: get('/nowhere') },
    { path: 'NUL in the id', status: 404, send: get('/slow/a%00b') },
    { path: 'lone surrogate in the id', status: 400, send: get(`/slow/${SURROGATE_IN_URL}`) },
    { path: '10k-char id', status: 404, send: get(`/slow/${'x'.repeat(10_000)}`) },
    { path: 'wrong method', status: 404, send: post('/fast', '{}', 'application/json', 'DELETE') },
  ]);
  conformance('40 draining', () => draining.url, [
    { path: 'readiness', status: 503, send: get('/health/ready') },
  ]);
});
