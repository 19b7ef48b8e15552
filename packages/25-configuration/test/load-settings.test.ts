import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadAppSettings } from '../src/app-settings.ts';
import { envInt } from '../src/coerce.ts';
import { ConfigError, type ConfigIssue } from '../src/config-error.ts';
import { resolveLayers } from '../src/layers.ts';
import { loadSettings } from '../src/load-settings.ts';
import { Secret } from '../src/secret.ts';

const DB = 'postgres://app:s3cret-pw@127.0.0.1:5432/app';
const SESSION = 'session-secret-session-secret-32+';
const required = { DATABASE_URL: DB, SESSION_SECRET: SESSION };

/** The ConfigError `run` throws (fails the test if it returns). */
function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const issuesOf = (run: () => unknown): ConfigIssue[] => [...configError(run).issues];

describe('a valid configuration', () => {
  it('is typed, coerced and filled with the schema defaults', () => {
    const settings = loadAppSettings({
      env: { ...required, PORT: '8080', DEBUG: 'yes', ALLOWED_HOSTS: 'a, b' },
    });
    expect(settings.PORT).toBe(8080);
    expect(settings.DEBUG).toBe(true);
    expect(settings.ALLOWED_HOSTS).toEqual(['a', 'b']);
    expect(settings.LOG_LEVEL).toBe('info');
    expect(settings.MAX_CONNECTIONS).toBe(10);
    expect(settings.DATABASE_URL).toBeInstanceOf(Secret);
    expect(settings.DATABASE_URL.reveal()).toBe(DB);
  });

  it('is frozen all the way down', () => {
    const settings = loadAppSettings({ env: required });
    expect(Object.isFrozen(settings)).toBe(true);
    expect(Object.isFrozen(settings.ALLOWED_HOSTS)).toBe(true);
    expect(() => {
      (settings as { PORT: number }).PORT = 1;
    }).toThrow(TypeError);
    expect(() => (settings.ALLOWED_HOSTS as string[]).push('evil.example')).toThrow(TypeError);
  });

  it('prints without its secrets', () => {
    const settings = loadAppSettings({ env: required });
    for (const printed of [
      JSON.stringify(settings),
      inspect(settings, { depth: 9 }),
      String(settings.SESSION_SECRET),
    ]) {
      expect(printed).not.toContain('s3cret-pw');
      expect(printed).not.toContain(SESSION);
    }
    expect(JSON.parse(JSON.stringify(settings)).DATABASE_URL).toBe('[redacted]');
  });

  it('ignores variables the schema does not declare (the environment is shared)', () => {
    const settings = loadAppSettings({ env: { ...required, HOME: '/root', PORTT: 'x' } });
    expect(Object.keys(settings)).not.toContain('HOME');
    expect(Object.keys(settings)).toHaveLength(10);
  });

  it('keeps unicode, as long as it is well-formed', () => {
    const settings = loadAppSettings({ env: { ...required, HOST: 'Zürich-☕-東京' } });
    expect(settings.HOST).toBe('Zürich-☕-東京');
  });
});

describe('the production schema', () => {
  it.each([
    ['DATABASE_URL', 'postgresql://u@h/db', true],
    ['DATABASE_URL', 'notpostgres://u@h/db', false],
    ['DATABASE_URL', 'postgresx://u@h/db', false],
    ['REDIS_URL', 'rediss://h:6380', true],
    ['REDIS_URL', 'xredis://h', false],
    ['REDIS_URL', 'redisx://h', false],
    ['NODE_ENV', 'production', true],
    ['NODE_ENV', 'test', true],
    ['NODE_ENV', 'staging', false],
    ['LOG_LEVEL', 'trace', true],
    ['LOG_LEVEL', 'verbose', false],
  ])('%s=%s accepted: %s', (key, value, accepted) => {
    const load = () => loadAppSettings({ env: { ...required, [key]: value } });
    if (accepted) expect(load()).toBeDefined();
    else expect(issuesOf(load).map((i) => i.key)).toEqual([key]);
  });

  it('its defaults: development on 127.0.0.1:3000, Redis on loopback, no debug', () => {
    const { DATABASE_URL, SESSION_SECRET, ...rest } = loadAppSettings({ env: required });
    expect(rest).toEqual({
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: 3000,
      REDIS_URL: 'redis://127.0.0.1:6379',
      LOG_LEVEL: 'info',
      DEBUG: false,
      MAX_CONNECTIONS: 10,
      ALLOWED_HOSTS: ['localhost'],
    });
    expect([DATABASE_URL.reveal(), SESSION_SECRET.reveal()]).toEqual([DB, SESSION]);
  });
});

describe('layers: defaults < .env file < environment', () => {
  const schema = z.object({ A: z.string(), B: z.string(), C: z.string(), D: z.string().optional() });
  const options = {
    defaults: { A: 'default', B: 'default', C: 'default' },
    envFile: { name: '.env', text: 'B=file\nC=file' },
    env: { C: 'env' },
  };

  it('each key takes the highest layer that sets it', () => {
    expect(loadSettings(schema, options)).toEqual({ A: 'default', B: 'file', C: 'env' });
  });

  it('records which layer each key came from', () => {
    expect(resolveLayers(['A', 'B', 'C', 'D'], options).sources).toEqual({
      A: 'default',
      B: 'file',
      C: 'env',
    });
  });

  it('an empty string is a value, not "unset": it wins over the lower layers', () => {
    expect(loadSettings(schema, { ...options, env: { C: '' } }).C).toBe('');
  });

  it('an explicitly undefined variable is unset', () => {
    expect(loadSettings(schema, { ...options, env: { C: undefined } }).C).toBe('file');
  });

  it('reads a real .env file; a missing one is skipped unless required', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-config-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, '.env');
    writeFileSync(path, 'A=1\nB=2\nC=3\n');
    expect(loadSettings(schema, { envFile: path, env: {} })).toEqual({ A: '1', B: '2', C: '3' });
    const missing = join(dir, 'nope.env');
    expect(loadSettings(schema, { envFile: missing, env: { A: 'a', B: 'b', C: 'c' } }).A).toBe('a');
    expect(
      issuesOf(() =>
        loadSettings(schema, { envFile: missing, envFileRequired: true, env: { A: 'a', B: 'b', C: 'c' } }),
      ),
    ).toEqual([{ key: missing, expected: 'a readable .env file', found: 'no such file' }]);
  });

  it('defaults to process.env when no env is given', () => {
    const key = `LAB_CONFIG_TEST_${process.pid}`;
    process.env[key] = 'from-process';
    try {
      expect(loadSettings(z.object({ [key]: z.string() }))).toEqual({ [key]: 'from-process' });
    } finally {
      delete process.env[key];
    }
  });
});

describe('every failure is reported, all at once', () => {
  it('missing required settings', () => {
    expect(issuesOf(() => loadAppSettings({ env: {} }))).toEqual([
      { key: 'DATABASE_URL', expected: 'a value (required)', found: 'nothing' },
      { key: 'SESSION_SECRET', expected: 'a value (required)', found: 'nothing' },
    ]);
  });

  it('one issue per broken setting, in schema order, with the layer it came from', () => {
    const issues = issuesOf(() =>
      loadAppSettings({
        env: { ...required, PORT: '0x10', DEBUG: 'false-ish', LOG_LEVEL: 'verbose', MAX_CONNECTIONS: '' },
        envFile: { name: '.env', text: 'NODE_ENV=prod' },
      }),
    );
    expect(issues.map(({ key, source }) => `${key}<${source}`)).toEqual([
      'NODE_ENV<file',
      'PORT<env',
      'LOG_LEVEL<env',
      'DEBUG<env',
      'MAX_CONNECTIONS<env',
    ]);
    expect(issues[1]).toEqual({
      key: 'PORT',
      source: 'env',
      expected: 'expected an integer from 1 to 65535',
      found: '"0x10"',
    });
    expect(issues[4]?.found).toBe('""');
  });

  it('the message lists every problem, one line each', () => {
    const error = configError(() => loadAppSettings({ env: { PORT: 'abc' } }));
    expect(error.name).toBe('ConfigError');
    expect(error.message).toBe(
      [
        'Invalid configuration, 3 problems:',
        '  - PORT (from the environment): expected an integer from 1 to 65535; found "abc"',
        '  - DATABASE_URL: a value (required); found nothing',
        '  - SESSION_SECRET: a value (required); found nothing',
      ].join('\n'),
    );
  });

  it('names the layer each bad value came from', () => {
    const error = configError(() =>
      loadSettings(z.object({ A: envInt(), B: envInt() }), {
        env: {},
        envFile: { name: '.env', text: 'A=x' },
        defaults: { B: 'y' },
      }),
    );
    expect(error.message.split('\n').slice(1)).toEqual([
      '  - A (from the .env file): expected an integer from -9007199254740991 to 9007199254740991; found "x"',
      '  - B (from the defaults): expected an integer from -9007199254740991 to 9007199254740991; found "y"',
    ]);
  });

  it('an unreadable .env (a directory) throws instead of being skipped as missing', () => {
    expect(() => loadSettings(z.object({ A: z.string() }), { env: { A: 'a' }, envFile: tmpdir() })).toThrow(
      /EISDIR/,
    );
  });

  it('a single problem says "1 problem"', () => {
    expect(configError(() => loadAppSettings({ env: { DATABASE_URL: DB } })).message).toMatch(
      /^Invalid configuration, 1 problem:\n/,
    );
  });

  it('never shows the value of a secret, even an invalid one', () => {
    const leaked = 'mysql://root:TOPSECRET@db';
    const error = configError(() =>
      loadAppSettings({ env: { DATABASE_URL: leaked, SESSION_SECRET: 'TOPSECRET' } }),
    );
    expect(error.issues).toEqual([
      {
        key: 'DATABASE_URL',
        source: 'env',
        expected: 'expected a postgres:// URL',
        found: '[redacted] (25 characters)',
      },
      {
        key: 'SESSION_SECRET',
        source: 'env',
        expected: 'expected at least 32 characters',
        found: '[redacted] (9 characters)',
      },
    ]);
    for (const printed of [
      error.message,
      inspect(error),
      JSON.stringify(error.issues),
      String(error.stack),
    ]) {
      expect(printed).not.toContain('TOPSECRET');
    }
  });

  it('the issues list is frozen', () => {
    const error = configError(() => loadAppSettings({ env: {} }));
    expect(Object.isFrozen(error.issues)).toBe(true);
  });
});

describe('.env file problems join the same report', () => {
  it('a duplicate key, an unknown key with a suggestion, and a syntax error', () => {
    const issues = issuesOf(() =>
      loadAppSettings({
        env: required,
        envFile: { name: '.env', text: 'PORT=1\nDATABSE_URL=x\nPORT=2\nnonsense\nZZZ_UNRELATED=1' },
      }),
    );
    expect(issues).toEqual([
      {
        key: '.env:2',
        expected: 'a setting this service reads',
        found: 'DATABSE_URL (did you mean DATABASE_URL?)',
      },
      { key: '.env:3', expected: 'valid .env syntax, each key once', found: 'PORT is already set on line 1' },
      { key: '.env:4', expected: 'valid .env syntax, each key once', found: 'no "=" on this line' },
      { key: '.env:5', expected: 'a setting this service reads', found: 'ZZZ_UNRELATED' },
    ]);
  });
});

describe('adversarial values are refused at the boundary', () => {
  const schema = z.object({ NAME: z.string() });

  it('NUL (PostgreSQL text refuses it, process.env truncates at it)', () => {
    expect(issuesOf(() => loadSettings(schema, { env: { NAME: 'a\u0000b' } }))).toEqual([
      { key: 'NAME', source: 'env', expected: 'no NUL characters', found: '"a\\u0000b"' },
    ]);
  });

  it('NUL in the .env file', () => {
    expect(
      issuesOf(() => loadSettings(schema, { env: {}, envFile: { name: 'f', text: 'NAME=x\u0000' } }))[0],
    ).toMatchObject({
      key: 'NAME',
      source: 'file',
      expected: 'no NUL characters',
    });
  });

  it('a lone surrogate', () => {
    expect(issuesOf(() => loadSettings(schema, { env: { NAME: 'x\ud800' } }))).toEqual([
      {
        key: 'NAME',
        source: 'env',
        expected: 'well-formed Unicode (no lone surrogates)',
        found: '"x\\ud800"',
      },
    ]);
  });

  it('a paired surrogate (an emoji) is fine', () => {
    expect(loadSettings(schema, { env: { NAME: '😀' } }).NAME).toBe('😀');
  });

  it('10k characters: refused, and the report quotes 40 of them', () => {
    const [issue] = issuesOf(() => loadSettings(schema, { env: { NAME: 'x'.repeat(10_000) } }));
    expect(issue?.expected).toBe('at most 4096 characters');
    expect(issue?.found).toBe(`"${'x'.repeat(40)}"… (10000 characters)`);
  });

  it('the length cap is inclusive and configurable', () => {
    expect(loadSettings(schema, { env: { NAME: 'xxxxx' }, maxValueLength: 5 }).NAME).toBe('xxxxx');
    expect(
      issuesOf(() => loadSettings(schema, { env: { NAME: 'xxxxxx' }, maxValueLength: 5 }))[0]?.expected,
    ).toBe('at most 5 characters');
  });

  it('a value of the wrong type (not a string)', () => {
    const env = { NAME: 42 } as unknown as Record<string, string>;
    expect(issuesOf(() => loadSettings(schema, { env }))).toEqual([
      { key: 'NAME', source: 'env', expected: 'a string', found: 'a number' },
    ]);
  });

  it('a refused value is reported once, even when the schema has a default for it', () => {
    const withDefault = z.object({ NAME: z.string().default('d') });
    expect(issuesOf(() => loadSettings(withDefault, { env: { NAME: '\u0000' } }))).toHaveLength(1);
  });
});
