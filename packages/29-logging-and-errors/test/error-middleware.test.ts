import { listen } from '@lab/common/http';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { LogCapture } from '../src/capture.ts';
import { levelForStatus, loggingErrorHandler } from '../src/error-middleware.ts';
import { createLogger } from '../src/logger.ts';

describe('levelForStatus', () => {
  it.each([
    [400, 'info'],
    [401, 'warn'],
    [402, 'info'],
    [403, 'warn'],
    [404, 'info'],
    [408, 'info'],
    [409, 'warn'],
    [410, 'info'],
    [422, 'info'],
    [428, 'info'],
    [429, 'warn'],
    [430, 'info'],
    [499, 'info'],
    [500, 'error'],
    [503, 'error'],
  ] as const)('%i → %s', (status, level) => {
    expect(levelForStatus(status)).toBe(level);
  });
});

/** A bare app whose one route fails with `fail`, behind the logging error middleware (no request context). */
async function failing(fail: (res: express.Response) => void) {
  const capture = new LogCapture();
  const app = express();
  app.get('/fail', (_req, res) => fail(res));
  app.use(loggingErrorHandler({ logger: createLogger({ time: false, destination: capture }) }));
  return { capture, server: await listen(app) };
}

describe('loggingErrorHandler without a context', () => {
  it('turns a thrown string into a 500 with no requestId member, and logs what was thrown', async () => {
    const { capture, server } = await failing(() => {
      throw 'timeout after 30s';
    });
    try {
      const res = await fetch(`${server.url}/fail`);
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({
        type: 'about:blank',
        title: 'Internal Server Error',
        status: 500,
        detail: 'internal error',
        code: 'internal_error',
      });
      expect(capture.records).toEqual([
        {
          level: 'error',
          status: 500,
          code: 'internal_error',
          method: 'GET',
          path: '/fail',
          errorChain: [{ type: 'string', message: 'timeout after 30s' }],
          err: 'timeout after 30s',
          msg: 'request failed',
        },
      ]);
    } finally {
      await server.close();
    }
  });

  it('logs an error raised after the headers went out, and leaves the response to Express (no second status line)', async () => {
    const { capture, server } = await failing((res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('partial');
      throw new Error('failed mid-stream');
    });
    try {
      // Express's final handler destroys the socket: the body never completes.
      const res = await fetch(`${server.url}/fail`);
      expect(res.status).toBe(200);
      await expect(res.text()).rejects.toThrow();
      expect(capture.records).toHaveLength(1);
      expect(capture.records[0]).toMatchObject({ level: 'error', msg: 'request failed', status: 500 });
    } finally {
      await server.close();
    }
  });
});
