/** The worker process reads its settings from its environment; the parse is a plain function, tested here. */
import { describe, expect, it } from 'vitest';
import { settingsFromEnv } from '../src/worker-protocol.ts';

const BASE = { REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: 'p:' };

describe('settingsFromEnv', () => {
  it('defaults to a 30 s lease, one job at a time and no hold point', () => {
    expect(settingsFromEnv({ ...BASE })).toEqual({
      redisUrl: 'redis://127.0.0.1:6379',
      prefix: 'p:',
      visibilityTimeoutMs: 30_000,
      concurrency: 1,
      hold: 'none',
    });
  });

  it('reads the lease, the concurrency and the hold point from the environment', () => {
    expect(
      settingsFromEnv({
        ...BASE,
        VISIBILITY_TIMEOUT_MS: '250',
        WORKER_CONCURRENCY: '4',
        WORKER_HOLD: 'after-publish',
      }),
    ).toEqual({
      redisUrl: BASE.REDIS_URL,
      prefix: 'p:',
      visibilityTimeoutMs: 250,
      concurrency: 4,
      hold: 'after-publish',
    });
  });

  it.each(['before-publish', 'after-publish', 'none'] as const)('accepts the hold point %s', (hold) => {
    expect(settingsFromEnv({ ...BASE, WORKER_HOLD: hold }).hold).toBe(hold);
  });

  it('refuses an unknown hold point, naming it', () => {
    expect(() => settingsFromEnv({ ...BASE, WORKER_HOLD: 'midway' })).toThrow(
      'WORKER_HOLD is before-publish, after-publish or none, got midway',
    );
    // The empty string is set but not a hold point: `??` keeps it, and the check refuses it.
    expect(() => settingsFromEnv({ ...BASE, WORKER_HOLD: '' })).toThrow(/got $/);
  });

  it('refuses to start without a Redis URL or without a key prefix', () => {
    const message = 'a worker process needs REDIS_URL and QUEUE_PREFIX';
    expect(() => settingsFromEnv({ QUEUE_PREFIX: 'p:' })).toThrow(message);
    expect(() => settingsFromEnv({ REDIS_URL: BASE.REDIS_URL })).toThrow(message);
    expect(() => settingsFromEnv({ REDIS_URL: '', QUEUE_PREFIX: '' })).toThrow(message);
  });
});
