import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../src/app-error.ts';
import { exitOnFatalErrors, type ProcessLike, runUnhandledInChild } from '../src/fatal.ts';
import { describePortProblem, err, map, ok, parsePort, parsePortOrThrow, tryCatch } from '../src/result.ts';

describe('Result instead of throwing', () => {
  it.each([
    ['8080', ok(8080)],
    [' 443 ', ok(443)],
    ['1', ok(1)],
    ['65535', ok(65_535)],
    ['http', err({ kind: 'not-a-number', input: 'http' })],
    ['-1', err({ kind: 'not-a-number', input: '-1' })],
    ['', err({ kind: 'not-a-number', input: '' })],
    ['0', err({ kind: 'out-of-range', port: 0 })],
    ['65536', err({ kind: 'out-of-range', port: 65_536 })],
  ])('parsePort(%j)', (input, expected) => {
    expect(parsePort(input)).toEqual(expected);
  });

  it('the throwing variant throws the described problem', () => {
    expect(parsePortOrThrow('80')).toBe(80);
    expect(() => parsePortOrThrow('99999')).toThrow(new RangeError('99999 is outside 1-65535'));
    expect(describePortProblem({ kind: 'not-a-number', input: 'x' })).toBe("'x' is not a port number");
  });

  it('tryCatch turns a throw into a typed failure, and map only touches successes', () => {
    const parsed = tryCatch(
      () => JSON.parse('{') as unknown,
      (thrown) => (thrown instanceof SyntaxError ? 'bad-json' : 'other'),
    );
    expect(parsed).toEqual({ ok: false, error: 'bad-json' });
    expect(map(parsed, () => 1)).toBe(parsed);
    expect(map(ok(2), (n) => n * 10)).toEqual(ok(20));
  });
});

describe('process-level unhandledRejection', () => {
  it('logs each fatal event with its cause chain and exits once, with code 1', () => {
    const target = new EventEmitter();
    const logged: string[] = [];
    const exits: number[] = [];
    const remove = exitOnFatalErrors(target as unknown as ProcessLike, {
      log: (entry) => logged.push(`${entry.event}: ${entry.error}`),
      exit: (code) => exits.push(code),
    });
    target.emit('unhandledRejection', new ValidationError('bad config', 'bad', { cause: new Error('eof') }));
    target.emit('uncaughtException', new Error('second'));
    expect(logged).toEqual([
      'unhandledRejection: ValidationError: bad config ← Error: eof',
      'uncaughtException: Error: second',
    ]);
    expect(exits).toEqual([1]);
    remove();
    expect([target.listenerCount('unhandledRejection'), target.listenerCount('uncaughtException')]).toEqual([
      0, 0,
    ]);
  });

  it('in a real process: one JSON log line, exit code 1, and later timers never run', async () => {
    const run = await runUnhandledInChild('install');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(JSON.parse(run.stderr.trim())).toEqual({
      level: 'fatal',
      event: 'unhandledRejection',
      error: 'ValidationError: config is broken ← SyntaxError: Unexpected token',
    });
  });

  it("without handlers Node's default also exits 1, with a stack on stderr instead of a log line", async () => {
    const run = await runUnhandledInChild('bare');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('ValidationError: config is broken');
  });
});
