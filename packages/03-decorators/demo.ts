import { check, code, heading, kv, medianTimePerCall, note, runDemo, say, table } from '@lab/common';
import { manualClock } from './src/clock.ts';
import { decorate } from './src/compose.ts';
import { appRoutes } from './src/example-http-controllers.ts';
import { Money, PlayerSettings } from './src/example-models.ts';
import { defineTracedGreeter } from './src/example-stacking.ts';
import { defineWeatherClient } from './src/example-weather-client.ts';
import { unwrap } from './src/keep-identity.ts';
import { withLogging } from './src/logging.ts';
import { withMemo } from './src/memoize.ts';
import { withTiming } from './src/timing.ts';

/** Median nanoseconds per call of `fn`, after two warm-up rounds (arguments cycle through 0-7). */
const nsPerCall = (fn: (i: number) => number, calls: number): number =>
  medianTimePerCall((i) => fn(i & 7), { calls, rounds: 7, warmupRounds: 2 }) * 1e6;

await runDemo(
  'Decorators',
  'Part 1, Q3 — TC39 decorators in TypeScript 5, and higher-order functions',
  async () => {
    heading('1. A decorator is a function that returns a replacement');
    note(
      'Without `@` syntax it is just f = wrap(f). A careless wrapper loses the name and length;\nkeepIdentity() is the functools.wraps of this package.',
    );
    function priceWithTax(net: number, rate: number): number {
      return Math.round(net * (1 + rate));
    }
    const naive = (fn: (...args: number[]) => number) =>
      function wrapper(...args: number[]) {
        return fn(...args);
      };
    const lines: string[] = [];
    const careful = decorate(
      priceWithTax,
      (f) => withLogging(f, { log: (line) => lines.push(line) }),
      (f) => withTiming(f, { report: () => {} }),
    );
    careful(100, 0.2);
    table([
      {
        wrapper: 'naive (...args) wrapper',
        name: naive(priceWithTax).name,
        length: naive(priceWithTax).length,
      },
      { wrapper: 'withLogging(withTiming(f))', name: careful.name, length: careful.length },
    ]);
    say(`log lines: ${lines.join('   ')}`);
    check(unwrap(careful) === priceWithTax, 'unwrap() walks back through both wrappers to the original');

    heading('2. Method decorators on an async method: @logged @memoize @retry');
    note(
      'Decorators apply only to classes and their members. The clock is injected, so the backoff below\nis computed and recorded, not waited for.',
    );
    const clock = manualClock();
    let upstream = 0;
    const WeatherClient = defineWeatherClient({
      clock,
      log: say,
      random: () => 0.5,
      fetchCelsius: async (city) => {
        clock.advance(35); // simulated network latency, on the injected clock
        upstream++;
        if (upstream <= 2) throw new Error('503 Service Unavailable');
        return city.length * 3;
      },
    });
    const client = new WeatherClient('F');
    await client.temperature('Oslo');
    await client.temperature('  oslo ');
    kv({
      'pauses asked for (ms)': clock.sleeps.join(', '),
      'method bodies run': client.upstreamCalls,
      'second call': 'served by @memoize (same key after trim + lower-case)',
      'wrapped method name': client.temperature.name,
    });

    heading('3. Stacking order: evaluate top-down, apply bottom-up, call outside-in');
    note('Same as Python. The class decorator expression is evaluated first but applied last.');
    const events: string[] = [];
    const Greeter = defineTracedGreeter(events);
    events.push('— new Greeter() —');
    const greeter = new Greeter();
    events.push("— greeter.greet('Ada') —");
    greeter.greet('Ada');
    code(events.join('\n'));

    heading('4. @rateLimit: a sliding window of 3 calls per second');
    for (let i = 1; i <= 4; i++) {
      try {
        await client.alerts('Seville');
        say(`call ${i}: allowed`);
      } catch (error) {
        say(`call ${i}: refused — ${(error as Error).message}`);
      }
    }

    heading('5. Class decorators and metadata: a route table');
    note(
      '@get/@post write to context.metadata; @controller reads it once the class is defined\n(the FastAPI `@app.get` idea, but on class members: free functions cannot be decorated).',
    );
    table(
      appRoutes.routes.map((r) => ({
        method: r.method,
        path: r.path,
        handler: `${r.controller}.${r.handler}`,
      })),
    );

    heading('6. A class decorator that replaces the class, and an accessor decorator');
    const price = new Money(1999, 'EUR');
    let refused = '';
    try {
      (price as { cents: number }).cents = 1;
    } catch (error) {
      refused = (error as Error).name;
    }
    check(
      Object.isFrozen(price) && refused === 'TypeError',
      `@frozen ${price.constructor.name}: instance is frozen, assigning to cents threw ${refused}`,
    );
    const settings = new PlayerSettings();
    try {
      settings.volume = 140;
    } catch (error) {
      check(
        settings.volume === 50,
        `@range(0, 100) accessor volume: ${(error as Error).message}; still ${settings.volume}`,
      );
    }

    heading('7. What a wrapper costs per call (measured now: median of 7 rounds)');
    note('Wrappers are not free, but their cost is nanoseconds: it matters only on hot paths.');
    const direct = (x: number) => x + 1;
    const passThrough = decorate(direct, (f) => withTiming(f, { now: () => 0, report: () => {} }));
    const slow = (x: number) => {
      let acc = x;
      for (let i = 0; i < 2_000; i++) acc = (acc * 31 + i) % 1_000_003;
      return acc;
    };
    const memoSlow = withMemo(slow);
    const rows = {
      direct: nsPerCall(direct, 2_000_000),
      timed: nsPerCall(passThrough, 300_000),
      slow: nsPerCall(slow, 2_000),
      memoHit: nsPerCall(memoSlow, 300_000),
    };
    table([
      { call: 'direct x + 1', 'ns/call': rows.direct },
      { call: 'same, wrapped by withTiming', 'ns/call': rows.timed },
      { call: '2,000-step loop, recomputed', 'ns/call': rows.slow },
      { call: 'same loop, withMemo cache hit', 'ns/call': rows.memoHit },
    ]);
    say(`wrapper overhead: ${(rows.timed - rows.direct).toFixed(1)} ns per call`);
    say(`memoize hit is ${(rows.slow / rows.memoHit).toFixed(0)}× cheaper than recomputing here`);
  },
);
