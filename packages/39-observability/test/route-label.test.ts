import { listen } from '@lab/common/http';
import express, { type Request } from 'express';
import { describe, expect, it } from 'vitest';
import { mountRouter, rawPathLabel, routeLabel, UNMATCHED } from '../src/index.ts';

/** An app that records each request's label at 'finish', as the metrics middleware reads it. */
async function labelsFor(paths: string[], label: (req: Request) => string = routeLabel) {
  const seen: string[] = [];
  const app = express();
  app.use((req, res, next) => {
    res.once('finish', () => seen.push(label(req)));
    next();
  });
  const orders = express.Router({ mergeParams: true });
  // Router-level middleware answering before any route matched, as an auth check does.
  orders.use((req, res, next) => (req.path === '/guarded' ? res.status(401).json({}) : next()));
  orders.get('/', (_req, res) => {
    res.json([]);
  });
  orders.get('/:orderId', (_req, res) => {
    res.json({});
  });
  orders.get('/boom/now', async () => {
    throw new Error('boom');
  });
  mountRouter(app, '/users/:userId/orders', orders);
  app.get('/users/:id', (_req, res) => {
    res.json({});
  });
  app.get('/users/:id/orders/extra/:x', (_req, res) => {
    res.json({});
  });
  app.get(['/a', '/b'], (_req, res) => {
    res.json({});
  });
  app.use((_req, res) => {
    res.status(404).json({});
  });
  app.use((_error: unknown, _req: Request, res: express.Response, _next: express.NextFunction) => {
    res.status(500).json({});
  });
  const server = await listen(app);
  try {
    for (const path of paths) await (await fetch(`${server.url}${path}`)).text();
  } finally {
    await server.close();
  }
  return seen;
}

describe('routeLabel', () => {
  it('labels a route by its template, never by the ids in the path', async () => {
    expect(await labelsFor(['/users/1', '/users/22', '/users/333'])).toEqual([
      '/users/:id',
      '/users/:id',
      '/users/:id',
    ]);
  });

  it("includes the template of a router mounted on a pattern (Express's baseUrl is the concrete path)", async () => {
    expect(await labelsFor(['/users/7/orders/9', '/users/8/orders'])).toEqual([
      '/users/:userId/orders/:orderId',
      '/users/:userId/orders',
    ]);
  });

  it('keeps the mount template when an error leaves the router (Express rewinds baseUrl then)', async () => {
    expect(await labelsFor(['/users/7/orders/boom/now'])).toEqual(['/users/:userId/orders/boom/now']);
  });

  it("labels a router's own middleware answer by its mount, and forgets a mount the router fell through", async () => {
    expect(await labelsFor(['/users/7/orders/guarded', '/users/7/orders/extra/1'])).toEqual([
      '/users/:userId/orders/*',
      '/users/:id/orders/extra/:x',
    ]);
  });

  it('gives every unmatched path the same label, and joins an array route', async () => {
    const labels = await labelsFor(['/nope', '/wp-admin.php', `/${'x'.repeat(5000)}`, '/b']);
    expect(labels).toEqual([UNMATCHED, UNMATCHED, UNMATCHED, '/a|/b']);
  });

  it('contrast: the raw path makes one label per id', async () => {
    expect(await labelsFor(['/users/1?x=1', '/users/2'], rawPathLabel)).toEqual(['/users/1', '/users/2']);
  });
});
