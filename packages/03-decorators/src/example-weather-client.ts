import type { Clock } from './clock.ts';
import { logged } from './logging.ts';
import { memoize } from './memoize.ts';
import { rateLimit } from './rate-limit.ts';
import { retry } from './retry.ts';
import { timed } from './timing.ts';

/** What the client needs from outside: the upstream call, time, randomness and somewhere to log. */
export interface WeatherDeps {
  /** The flaky upstream (an HTTP call in real life). */
  fetchCelsius: (city: string) => Promise<number>;
  clock: Clock;
  log: (line: string) => void;
  random?: () => number;
}

/**
 * Defines the client class around its dependencies. Decorator arguments are evaluated once, when the class
 * is defined, so injecting a clock means defining the class where the clock is known (a factory like this,
 * or a module that reads its dependencies at import time).
 */
export function defineWeatherClient(deps: WeatherDeps) {
  class WeatherClient {
    /** How many times the method body actually ran. */
    upstreamCalls = 0;

    constructor(readonly units: 'C' | 'F' = 'C') {}

    // Read bottom-up: retry wraps the body, memoize wraps retry (a cache hit skips every attempt; a
    // failure after all retries is not cached), logging wraps everything (one line per caller's call).
    @logged({ log: deps.log })
    @memoize({ ttlMs: 60_000, now: deps.clock.now, key: (city: string) => city.trim().toLowerCase() })
    @retry({
      attempts: 4,
      baseDelayMs: 200,
      sleep: deps.clock.sleep,
      random: deps.random,
      onRetry: ({ attempt, delayMs, error }) =>
        deps.log(
          `  attempt ${attempt} failed (${(error as Error).message}); retrying in ${delayMs.toFixed(0)} ms`,
        ),
    })
    async temperature(city: string): Promise<number> {
      this.upstreamCalls++;
      const celsius = await deps.fetchCelsius(city);
      // `this` is the instance, through three wrappers and an await.
      return this.units === 'C' ? celsius : Math.round((celsius * 9) / 5 + 32);
    }

    @timed({
      now: deps.clock.now,
      report: ({ name, ms }) => deps.log(`  ${name} took ${ms} ms (injected clock)`),
    })
    @rateLimit({ limit: 3, windowMs: 1_000, now: deps.clock.now })
    async alerts(city: string): Promise<string[]> {
      this.upstreamCalls++;
      return (await deps.fetchCelsius(city)) > 30 ? [`heat warning for ${city}`] : [];
    }
  }
  return WeatherClient;
}
