import {
  check,
  code,
  formatNumber,
  kv,
  lessonCheck,
  medianTimePerCall,
  runDemo,
  say,
  table,
} from '@lab/common';
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

/** Simulated network latency of the fake upstream, on the injected clock. */
const UPSTREAM_MS = 35;
/** "Nanoseconds, not microseconds": the wrapper overhead the cost section expects to stay under. */
const WRAPPER_BUDGET_NS = 1_000;

/** Median nanoseconds per call of `fn`, after two warm-up rounds (arguments cycle through 0-7). */
const nsPerCall = (fn: (i: number) => number, calls: number): number =>
  medianTimePerCall((i) => fn(i & 7), { calls, rounds: 7, warmupRounds: 2 }) * 1e6;

/** A weather client on a manual clock whose upstream fails its first `failures` calls with a 503. */
function weatherClient(failures: number) {
  const clock = manualClock();
  let upstream = 0;
  const WeatherClient = defineWeatherClient({
    clock,
    log: say,
    random: () => 0.5,
    fetchCelsius: async (city) => {
      clock.advance(UPSTREAM_MS);
      upstream++;
      if (upstream <= failures) throw new Error('503 Service Unavailable');
      return city.length * 3;
    },
  });
  return { clock, client: new WeatherClient('F') };
}

function priceWithTax(net: number, rate: number): number {
  return Math.round(net * (1 + rate));
}

function replacement(): void {
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
}

async function methodDecorators(): Promise<void> {
  const { clock, client } = weatherClient(2);
  await client.temperature('Oslo');
  await client.temperature('  oslo ');
  kv({
    'pauses asked for (ms)': clock.sleeps.join(', '),
    'method bodies run': client.upstreamCalls,
    'second call': 'served by @memoize (same key after trim + lower-case)',
    'wrapped method name': client.temperature.name,
  });
}

function stackingOrder(): void {
  const events: string[] = [];
  const Greeter = defineTracedGreeter(events);
  events.push('— new Greeter() —');
  const greeter = new Greeter();
  events.push("— greeter.greet('Ada') —");
  greeter.greet('Ada');
  code(events.join('\n'));
}

async function rateLimited(): Promise<void> {
  const { client } = weatherClient(0);
  for (let i = 1; i <= 4; i++) {
    try {
      await client.alerts('Seville');
      say(`call ${i}: allowed`);
    } catch (error) {
      say(`call ${i}: refused — ${(error as Error).message}`);
    }
  }
}

function routeTable(): void {
  table(
    appRoutes.routes.map((r) => ({
      method: r.method,
      path: r.path,
      handler: `${r.controller}.${r.handler}`,
    })),
  );
}

function classAndAccessor(): void {
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
    check(false, '@range(0, 100) accessor volume accepted 140');
  } catch (error) {
    check(
      settings.volume === 50,
      `@range(0, 100) accessor volume: ${(error as Error).message}; still ${settings.volume}`,
    );
  }
}

function slowLoop(x: number): number {
  let acc = x;
  for (let i = 0; i < 2_000; i++) acc = (acc * 31 + i) % 1_000_003;
  return acc;
}

function wrapperCost(): void {
  const direct = (x: number) => x + 1;
  const passThrough = decorate(direct, (f) => withTiming(f, { now: () => 0, report: () => {} }));
  const memoSlow = withMemo(slowLoop);
  const ns = {
    direct: nsPerCall(direct, 2_000_000),
    timed: nsPerCall(passThrough, 300_000),
    slow: nsPerCall(slowLoop, 2_000),
    memoHit: nsPerCall(memoSlow, 300_000),
  };
  table([
    { call: 'direct x + 1', 'ns/call': ns.direct },
    { call: 'same, wrapped by withTiming', 'ns/call': ns.timed },
    { call: '2,000-step loop, recomputed', 'ns/call': ns.slow },
    { call: 'same loop, withMemo cache hit', 'ns/call': ns.memoHit },
  ]);
  const overhead = ns.timed - ns.direct;
  lessonCheck(
    overhead < WRAPPER_BUDGET_NS,
    'a wrapper costs nanoseconds per call: it matters only on hot paths',
    `withTiming adds ${formatNumber(overhead)} ns per call`,
    'pnpm bench decorators',
  );
  lessonCheck(
    ns.memoHit < ns.slow,
    'a memoize hit is cheaper than recomputing a costly call',
    `hit ${formatNumber(ns.memoHit)} ns vs recompute ${formatNumber(ns.slow)} ns: ${formatNumber(ns.slow / ns.memoHit)}× cheaper`,
    'pnpm bench decorators',
  );
}

await runDemo({
  title: 'Decorators',
  subtitle: 'Part 1, Q3 — TC39 decorators in TypeScript 5, and higher-order functions',
  sections: [
    {
      id: 'replacement',
      title: 'A decorator is a function that returns a replacement',
      why: 'Without `@` syntax it is just f = wrap(f). A careless wrapper loses the name and length;\nkeepIdentity() is the functools.wraps of this package.',
      run: replacement,
    },
    {
      id: 'methods',
      title: 'Method decorators on an async method: @logged @memoize @retry',
      why: 'Decorators apply only to classes and their members. The clock is injected, so the backoff below\nis computed and recorded, not waited for.',
      run: methodDecorators,
    },
    {
      id: 'order',
      title: 'Stacking order: evaluate top-down, apply bottom-up, call outside-in',
      why: 'Same as Python. The class decorator expression is evaluated first but applied last.',
      run: stackingOrder,
    },
    {
      id: 'rate-limit',
      title: '@rateLimit: a sliding window of 3 calls per second',
      why: `Each call takes ${UPSTREAM_MS} ms on the injected clock, so four calls land in one window: the fourth is refused.`,
      run: rateLimited,
    },
    {
      id: 'routes',
      title: 'Class decorators and metadata: a route table',
      why: '@get/@post write to context.metadata; @controller reads it once the class is defined\n(the FastAPI `@app.get` idea, but on class members: free functions cannot be decorated).',
      run: routeTable,
    },
    {
      id: 'class-accessor',
      title: 'A class decorator that replaces the class, and an accessor decorator',
      why: '@frozen returns a subclass that freezes each instance; @range guards an auto-accessor’s setter.',
      run: classAndAccessor,
    },
    {
      id: 'cost',
      title: 'What a wrapper costs per call (measured now: median of 7 rounds)',
      why: 'Wrappers are not free, but their cost is nanoseconds: it matters only on hot paths.',
      run: wrapperCost,
    },
  ],
});
