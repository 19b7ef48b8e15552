import { describe, expect, it } from 'vitest';
import { LogCapture } from '../src/capture.ts';
import { LogConfigError } from '../src/levels.ts';
import { createLogger, moduleLogger } from '../src/logger.ts';
import { DEFAULT_REDACT_PATHS, REDACTED } from '../src/redaction.ts';
import { RequestContext } from '../src/request-context.ts';

function captured(options: Parameters<typeof createLogger>[0] = {}) {
  const capture = new LogCapture();
  const logger = createLogger({ time: false, ...options, destination: capture });
  return { capture, logger };
}

describe('createLogger: the line', () => {
  it('writes one JSON object per call: level by name, base fields, then the call fields and msg', () => {
    const { capture, logger } = captured({ base: { service: 'orders-api' } });
    logger.info({ orderId: 7 }, 'order placed');
    expect(capture.lines).toEqual([
      '{"level":"info","service":"orders-api","orderId":7,"msg":"order placed"}\n',
    ]);
  });

  it('has no pid or hostname unless base names them', () => {
    const { capture, logger } = captured();
    logger.warn('w');
    expect(capture.records[0]).toEqual({ level: 'warn', msg: 'w' });
  });

  it('stamps an ISO time by default and epoch milliseconds on request', () => {
    const iso = new LogCapture();
    createLogger({ destination: iso }).info('t');
    expect(iso.records[0]?.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const epoch = new LogCapture();
    createLogger({ destination: epoch, time: 'epoch' }).info('t');
    expect(typeof epoch.records[0]?.time).toBe('number');
  });

  it('serialises an error under err with its cause chain in message and stack', () => {
    const { capture, logger } = captured();
    const error = new Error('service failed', { cause: new Error('socket hang up') });
    logger.error({ err: error }, 'boom');
    const err = capture.records[0]?.err as { type: string; message: string; stack: string };
    expect(err.type).toBe('Error');
    expect(err.message).toBe('service failed: socket hang up');
    expect(err.stack).toContain('Error: service failed\n    at ');
    expect(err.stack).toContain('caused by: Error: socket hang up');
  });
});

describe('createLogger: levels', () => {
  it('drops lines below the configured level, keeps the level and above', () => {
    const { capture, logger } = captured({ level: 'warn' });
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(capture.records.map((r) => r.msg)).toEqual(['w', 'e']);
  });

  it('defaults to info', () => {
    const { capture, logger } = captured();
    logger.debug('d');
    logger.info('i');
    expect(capture.records.map((r) => r.msg)).toEqual(['i']);
    expect(logger.level).toBe('info');
  });

  it('takes a level name as configuration spells it', () => {
    expect(captured({ level: 'DEBUG' }).logger.level).toBe('debug');
  });

  it('refuses an unknown level name instead of defaulting', () => {
    expect(() => captured({ level: 'warning' })).toThrow(LogConfigError);
  });

  it('silent writes nothing, even fatal', () => {
    const { capture, logger } = captured({ level: 'silent' });
    logger.fatal('f');
    expect(capture.lines).toEqual([]);
  });
});

describe('moduleLogger', () => {
  it('adds module to every line of the child', () => {
    const { capture, logger } = captured();
    moduleLogger(logger, 'orders').info('x');
    expect(capture.records[0]).toEqual({ level: 'info', module: 'orders', msg: 'x' });
  });

  it('follows the root level when it changes at run time', () => {
    const { capture, logger } = captured();
    const child = moduleLogger(logger, 'orders');
    child.debug('before');
    logger.level = 'debug';
    child.debug('after');
    expect(capture.records.map((r) => r.msg)).toEqual(['after']);
  });

  it('keeps its own level when given one, whatever the root does', () => {
    const { capture, logger } = captured();
    const chatty = moduleLogger(logger, 'pg', 'debug');
    chatty.debug('own level');
    logger.level = 'error';
    chatty.debug('still');
    logger.info('root quiet');
    expect(capture.records.map((r) => r.msg)).toEqual(['own level', 'still']);
  });
});

describe('createLogger: request id from the context', () => {
  it('adds requestId to every line logged inside a request, at any depth', async () => {
    const context = new RequestContext();
    const { capture, logger } = captured({ context });
    await context.run({ requestId: 'r-42' }, async () => {
      logger.info('top');
      await new Promise((resolve) => setTimeout(resolve, 1));
      moduleLogger(logger, 'deep').info('after a timer');
    });
    expect(capture.records.map((r) => [r.msg, r.requestId])).toEqual([
      ['top', 'r-42'],
      ['after a timer', 'r-42'],
    ]);
  });

  it('adds nothing outside a request', () => {
    const context = new RequestContext();
    const { capture, logger } = captured({ context });
    logger.info('boot');
    expect(capture.records[0]).toEqual({ level: 'info', msg: 'boot' });
  });

  it('lets a field of the call override the mixin', () => {
    const context = new RequestContext();
    const { capture, logger } = captured({ context });
    context.run({ requestId: 'ctx' }, () => logger.info({ requestId: 'explicit' }, 'x'));
    expect(capture.records[0]?.requestId).toBe('explicit');
  });
});

describe('createLogger: redaction', () => {
  const secrets = {
    password: 'pw-top-1f3a',
    token: 'tok-top-77c1',
    user: { password: 'pw-nested-9b2e', apiKey: 'key-nested-4d4d' },
    session: { refreshToken: 'rt-nested-0a0a', accessToken: 'at-nested-1b1b', secret: 'sec-nested-2c2c' },
    req: {
      headers: {
        authorization: 'Bearer hdr-auth-5e5e',
        cookie: 'sid=hdr-cookie-6f6f',
        'x-api-key': 'hdr-key-7a7a',
      },
    },
    res: { headers: { 'set-cookie': 'sid=res-cookie-8b8b' } },
  };
  const values = [
    'pw-top-1f3a',
    'tok-top-77c1',
    'pw-nested-9b2e',
    'key-nested-4d4d',
    'rt-nested-0a0a',
    'at-nested-1b1b',
    'sec-nested-2c2c',
    'hdr-auth-5e5e',
    'hdr-cookie-6f6f',
    'hdr-key-7a7a',
    'res-cookie-8b8b',
  ];

  it('censors every default path: no secret anywhere in the stream', () => {
    const { capture, logger } = captured();
    logger.info(secrets, 'login');
    for (const value of values) expect(capture.text()).not.toContain(value);
    const record = capture.records[0] as {
      password: unknown;
      user: Record<string, unknown>;
      req: { headers: Record<string, unknown> };
    };
    expect(record.password).toBe(REDACTED);
    expect(record.user).toEqual({ password: REDACTED, apiKey: REDACTED });
    expect(record.req.headers.authorization).toBe(REDACTED);
  });

  it('keeps the fields that are not secrets', () => {
    const { capture, logger } = captured();
    logger.info({ user: { id: 3, email: 'ada@example.com', password: 'x' } }, 'login');
    expect(capture.records[0]?.user).toEqual({ id: 3, email: 'ada@example.com', password: REDACTED });
  });

  it('does NOT reach two levels down: a path is a shape, not a search', () => {
    const { capture, logger } = captured();
    logger.info({ body: { user: { password: 'pw-deep-3c3c' } } }, 'signup');
    expect(capture.text()).toContain('pw-deep-3c3c');
  });

  it('reaches it once the shape is listed', () => {
    const { capture, logger } = captured({ redact: [...DEFAULT_REDACT_PATHS, 'body.user.password'] });
    logger.info({ body: { user: { password: 'pw-deep-3c3c' } } }, 'signup');
    expect(capture.text()).not.toContain('pw-deep-3c3c');
  });

  it('does not look inside strings: a secret in a message is written as is', () => {
    const { capture, logger } = captured();
    logger.info(`login with password ${secrets.password}`);
    expect(capture.text()).toContain(secrets.password);
  });

  it('redact: false writes everything (what the bench compares against)', () => {
    const { capture, logger } = captured({ redact: false });
    logger.info({ password: 'visible-pw' }, 'x');
    expect(capture.records[0]?.password).toBe('visible-pw');
  });

  it('leaves the logged object untouched', () => {
    const { logger } = captured();
    const input = { password: 'p', user: { password: 'q' } };
    logger.info(input, 'x');
    expect(input).toEqual({ password: 'p', user: { password: 'q' } });
  });
});

describe('LogCapture', () => {
  it('parses each line, filters by msg and clears', () => {
    const { capture, logger } = captured();
    logger.info('a');
    logger.info('b');
    logger.info('a');
    expect(capture.withMessage('a')).toHaveLength(2);
    expect(capture.text()).toBe(
      '{"level":"info","msg":"a"}\n{"level":"info","msg":"b"}\n{"level":"info","msg":"a"}\n',
    );
    capture.clear();
    expect(capture.lines).toEqual([]);
    expect(capture.records).toEqual([]);
  });

  it('throws on a line that is not JSON', () => {
    expect(() => new LogCapture().write('plain text\n')).toThrow(SyntaxError);
  });
});
