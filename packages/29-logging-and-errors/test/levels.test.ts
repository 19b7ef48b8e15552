import { describe, expect, it } from 'vitest';
import { DEFAULT_LOG_LEVEL, LOG_LEVELS, LogConfigError, levelFromEnv, parseLogLevel } from '../src/levels.ts';

describe('parseLogLevel', () => {
  it.each(LOG_LEVELS)('accepts pino level %s', (level) => {
    expect(parseLogLevel(level)).toBe(level);
  });

  it('ignores case and surrounding spaces', () => {
    expect(parseLogLevel(' WARN ')).toBe('warn');
    expect(parseLogLevel('Debug')).toBe('debug');
  });

  it('falls back to the default on a missing or blank value', () => {
    expect(DEFAULT_LOG_LEVEL).toBe('info');
    expect(parseLogLevel(undefined)).toBe('info');
    expect(parseLogLevel('   ')).toBe('info');
    expect(parseLogLevel('', { fallback: 'error' })).toBe('error');
  });

  it("refuses Python's WARNING with a did-you-mean naming pino's warn", () => {
    const error = (() => {
      try {
        parseLogLevel('WARNING');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(LogConfigError);
    const e = error as LogConfigError;
    expect(e.suggestion).toBe('warn');
    expect(e.variable).toBe('LOG_LEVEL');
    expect(e.value).toBe('WARNING');
    expect(e.message).toBe(
      `LOG_LEVEL="WARNING" is not a log level (fatal, error, warn, info, debug, trace, silent); did you mean 'warn'?`,
    );
  });

  it('refuses a name with no close match, without a suggestion', () => {
    expect(() => parseLogLevel('verbose-ish', { variable: 'APP_LOG' })).toThrow(
      'APP_LOG="verbose-ish" is not a log level (fatal, error, warn, info, debug, trace, silent)',
    );
    try {
      parseLogLevel('verbose-ish');
    } catch (error) {
      expect((error as LogConfigError).suggestion).toBeUndefined();
      expect((error as Error).message).not.toContain('did you mean');
    }
  });

  it('refuses NUL, a lone surrogate and 10k characters, quoting at most 40 of them', () => {
    for (const raw of ['info\u0000', '\ud800', 'x'.repeat(10_000)]) {
      expect(() => parseLogLevel(raw)).toThrow(LogConfigError);
    }
    try {
      parseLogLevel('x'.repeat(10_000));
    } catch (error) {
      expect((error as Error).message).toContain(`"${'x'.repeat(40)}"`);
      expect((error as Error).message.length).toBeLessThan(200);
    }
  });
});

describe('levelFromEnv', () => {
  it('reads LOG_LEVEL from the given environment', () => {
    expect(levelFromEnv({ LOG_LEVEL: 'debug' })).toBe('debug');
    expect(levelFromEnv({})).toBe('info');
  });

  it('reads another variable, with its own fallback, and names it in the error', () => {
    expect(levelFromEnv({ ORDERS_LOG: 'trace' }, 'ORDERS_LOG')).toBe('trace');
    expect(levelFromEnv({}, 'ORDERS_LOG', 'warn')).toBe('warn');
    expect(() => levelFromEnv({ ORDERS_LOG: 'loud' }, 'ORDERS_LOG')).toThrow(/^ORDERS_LOG="loud"/);
  });
});
