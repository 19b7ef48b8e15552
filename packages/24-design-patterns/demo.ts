import { kv, listen, manualClock, runDemo, say, table, withRedisKeys } from '@lab/common';
import {
  type BlobStore,
  checkoutFacade,
  checkoutTotal,
  createEventBus,
  createNotifier,
  emitterWhenAListenerThrows,
  errorEventWithoutListener,
  fetchClient,
  type LoggedCall,
  memoryBlobStore,
  type OutgoingMessage,
  PATTERNS,
  PRODUCT_COLUMNS,
  pagedSource,
  paginate,
  pricingFor,
  productSearchQuery,
  redisBlobStore,
  runSingletonScenario,
  SCENARIOS,
  type Scenario,
  SelectBuilder,
  take,
  uncapturedRejectionInChild,
  withLogging,
  withRetry,
} from './src/index.ts';

function creationSection(): void {
  const sent: OutgoingMessage[] = [];
  const make = createNotifier((m) => sent.push(m));
  make('sms').send('+441234567890', 'Your parcel is out for delivery');
  make('slack').send('orders', 'Order 7 shipped');
  table(sent.map((m) => ({ ...m, body: m.body.replace(/\n/g, '⏎') })));
  try {
    make('emial');
  } catch (error) {
    say(`createNotifier('emial') → ${(error as Error).message}`);
  }
  const base = SelectBuilder.from('products', PRODUCT_COLUMNS).where('active', '=', true);
  kv({
    'builder (base + one filter)': base.where('category', '=', 'coffee').limit(10).build().text,
    'base is unchanged': base.build().text.endsWith('WHERE "active" = $1'),
    'options object → same builder': JSON.stringify(productSearchQuery({ maxPriceCents: 1500, limit: 5 })),
  });
}

async function singletonSection(): Promise<void> {
  const runs = await Promise.all((Object.keys(SCENARIOS) as Scenario[]).map(runSingletonScenario));
  table(
    runs.map((r) => ({
      install: SCENARIOS[r.scenario],
      'app counted 2 → sees': r.appCount,
      'plugin counted 1 → sees': r.pluginCount,
      'one singleton?': r.sameInstance ? 'yes' : 'NO: two',
    })),
  );
  say(
    'Each row is a fresh `node main.mjs` over a generated node_modules: a module is a singleton per resolved file.',
  );
}

async function adapterSection(): Promise<void> {
  const exercise = async (name: string, store: BlobStore) => {
    await store.put('session:42', '{"user":7}', 60_000);
    const hit = await store.get('session:42');
    const miss = await store.get('session:43');
    const refused = await store.get('bad\u0000key').then(
      () => 'accepted',
      (e: Error) => e.message,
    );
    await store.delete('session:42');
    return { adapter: name, hit, miss: String(miss), 'NUL in key': refused };
  };
  const rows = [await exercise('memory (Map + clock)', memoryBlobStore())];
  const prefix = `demo:24:${process.pid}:`;
  await withRedisKeys(
    'the Redis adapter',
    prefix,
    async (client) => {
      if (client) rows.push(await exercise('Redis (GET/PSETEX/DEL)', redisBlobStore(client, prefix)));
    },
    'the memory adapter only',
  );
  table(rows);
  say(
    'Same calls, same answers: Redis says null and counts deletions; the adapter turns that into the app’s contract.',
  );
}

async function facadeSection(): Promise<void> {
  const calls: string[] = [];
  /** Records the call, then answers `value`: stand-ins for the four services. */
  const step = async <T>(name: string, value: T): Promise<T> => {
    calls.push(name);
    return value;
  };
  const facade = checkoutFacade({
    inventory: {
      reserve: () => step('reserve', { reservationId: 'r1' }),
      release: () => step('release', undefined),
      commit: () => step('commit', undefined),
    },
    payments: {
      charge: (_customer, cents) =>
        step(
          `charge ${cents}`,
          cents > 5000 ? { ok: false, reason: 'limit exceeded' } : { ok: true, chargeId: 'ch1' },
        ),
    },
    orders: { save: () => step('save', 'o1') },
    mailer: { orderConfirmation: () => step('mail', undefined) },
  });
  const small = await facade.placeOrder('c1', [{ sku: 'coffee', quantity: 2, unitCents: 1200 }], 'req-1');
  const smallCalls = calls.splice(0).join(' → ');
  const big = await facade.placeOrder('c1', [{ sku: 'grinder', quantity: 1, unitCents: 8900 }], 'req-2');
  table([
    { order: '2 × coffee', result: small.ok ? `ok, ${small.orderId}` : small.reason, calls: smallCalls },
    {
      order: '1 × grinder',
      result: big.ok ? 'ok' : `${big.reason}: ${big.detail}`,
      calls: calls.join(' → '),
    },
  ]);
}

/** A loopback upstream that answers 503 to the first two requests of each path, then 200. */
async function flakyUpstream() {
  const hits = new Map<string, number>();
  const server = await listen((req, res) => {
    const n = (hits.get(req.url ?? '') ?? 0) + 1;
    hits.set(req.url ?? '', n);
    res.writeHead(n <= 2 ? 503 : 200).end(n <= 2 ? 'busy' : 'catalog');
  });
  return { ...server, hits: (path: string) => hits.get(path) ?? 0 };
}

async function decoratorSection(): Promise<void> {
  const upstream = await flakyUpstream();
  try {
    const inside: LoggedCall[] = [];
    const outside: LoggedCall[] = [];
    const clock = manualClock();
    const retry = { attempts: 4, baseDelayMs: 200, clock };
    const loggedEachTry = withRetry(
      withLogging(fetchClient, (e) => inside.push(e)),
      retry,
    );
    const loggedOnce = withLogging(withRetry(fetchClient, retry), (e) => outside.push(e));
    const response = await loggedEachTry({ method: 'GET', url: `${upstream.url}/a` });
    await loggedOnce({ method: 'GET', url: `${upstream.url}/b` });
    kv({
      'final answer': `${response.status} ${response.body}`,
      'requests the upstream saw': upstream.hits('/a'),
      'backoff waits (manual clock)': clock.sleeps
        .slice(0, 2)
        .map((ms) => `${ms} ms`)
        .join(', '),
      'withRetry(withLogging(client)) logged': inside.map((e) => e.status).join(', '),
      'withLogging(withRetry(client)) logged': outside.map((e) => e.status).join(', '),
    });
    const post = await loggedEachTry({ method: 'POST', url: `${upstream.url}/orders`, body: '{}' });
    say(
      `A POST is not retried (it may have been applied): ${post.status} after ${upstream.hits('/orders')} request.`,
    );
  } finally {
    await upstream.close();
  }
}

function strategySection(): void {
  const cart = [
    { sku: 'coffee', unitCents: 1000, quantity: 4 },
    { sku: 'mug', unitCents: 550, quantity: 1 },
  ];
  table(
    (['guest', 'member', 'vip'] as const).map((tier) => {
      const { totalCents, savedCents } = checkoutTotal(cart, pricingFor[tier]);
      return { tier, total: `${(totalCents / 100).toFixed(2)}`, saved: `${(savedCents / 100).toFixed(2)}` };
    }),
  );
  say(
    'member = cheapestOf(percentOff(5), everyNthFree("coffee", 3)): strategies are functions, so they compose.',
  );
}

async function observerSection(): Promise<void> {
  const bus = createEventBus<{ 'order.placed': { id: number } }>();
  const ran: string[] = [];
  bus.on('order.placed', () => void ran.push('first'));
  bus.on('order.placed', () => {
    throw new Error('mailer down');
  });
  bus.on('order.placed', () => void ran.push('third'));
  const report = bus.emit('order.placed', { id: 1 });
  const plain = emitterWhenAListenerThrows();
  const child = await uncapturedRejectionInChild();
  const asyncBus = createEventBus<{ 'order.placed': { id: number } }>();
  asyncBus.on('order.placed', async () => {
    throw new Error('async listener failed');
  });
  const asyncReport = await asyncBus.emitAsync('order.placed', { id: 2 });
  table([
    {
      when: 'a listener throws',
      'typed bus': `ran ${ran.join(', ')}; report: ${report.failed.length} failed`,
      EventEmitter: `ran ${plain.ran.join(', ')}; emit threw '${plain.emitThrew}'`,
    },
    {
      when: "emit('error') and no listener",
      'typed bus': 'no special event',
      EventEmitter: `throws (${errorEventWithoutListener('x').code})`,
    },
    {
      when: 'an async listener rejects',
      'typed bus': `emitAsync report: ${asyncReport.failed.length} failed; process runs on`,
      EventEmitter: `unhandled: process exit ${child.exitCode}`,
    },
  ]);
  say(
    'The bus’s cost next to EventEmitter.emit is measured by `pnpm bench design-patterns` (see the README).',
  );
}

async function iteratorSection(): Promise<void> {
  const source = pagedSource(
    Array.from({ length: 95 }, (_, i) => `order-${i + 1}`),
    20,
  );
  let released = 0;
  const first25 = await take(
    paginate(source.fetchPage, () => released++),
    25,
  );
  kv({
    'take(paginate(…), 25)': `${first25[0]} … ${first25.at(-1)}`,
    'pages fetched (20 per page, 5 exist)': source.calls(),
    'generator finally ran on break': released === 1,
  });
}

await runDemo({
  title: 'Design patterns, the TypeScript way',
  subtitle: 'Part 3, Q4 — the classic forms, and what TypeScript code writes instead',
  sections: [
    {
      id: 'table',
      title: 'The classic form beside the TypeScript form',
      why: 'Functions, closures and modules replace most of the class machinery the patterns were written in.',
      run: () => table(PATTERNS.map((p) => ({ ...p }))),
    },
    {
      id: 'creation',
      title: 'Factory and builder',
      why: 'A record of makers replaces the Creator hierarchy; an immutable builder composes SQL safely.',
      run: creationSection,
    },
    {
      id: 'singleton',
      title: 'The module singleton, and the installs that break it',
      why: 'A module is evaluated once per resolved file: two copies of a package are two singletons.',
      run: singletonSection,
    },
    {
      id: 'adapter',
      title: 'Adapter: one store interface, memory and Redis behind it',
      why: 'Code depends on the interface it owns; adapters bend each driver to it.',
      run: adapterSection,
    },
    {
      id: 'facade',
      title: 'Facade: one placeOrder over four services',
      why: 'The facade holds the order of calls and the compensation, so no route handler gets them wrong.',
      run: facadeSection,
    },
    {
      id: 'decorator',
      title: 'Decorator: retries around an HTTP client, and why the order of wrapping matters',
      why: 'Same function type in and out; a loopback server answers 503 twice, then 200.',
      run: decoratorSection,
    },
    {
      id: 'strategy',
      title: 'Strategy: pricing rules as plain functions',
      why: 'The checkout takes a function; the tier picks it from a table.',
      run: strategySection,
    },
    {
      id: 'observer',
      title: 'Observer: a typed event bus against EventEmitter; iterator: an async generator',
      why: 'Errors in one listener should not reach the emitter or the other listeners.',
      run: async () => {
        await observerSection();
        await iteratorSection();
      },
    },
  ],
});
