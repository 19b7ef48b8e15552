import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'await-in-loop-vs-all',
      prompt:
        'The same two "queries", awaited in a loop and then with Promise.all. In what order do the lines print?',
      code: `const query = async (name: string) => {
  console.log('start', name);
  await null; // stands for the round trip to the database
  console.log('end', name);
};

for (const name of ['a', 'b']) await query(name);
console.log('--');
await Promise.all(['c', 'd'].map(query));`,
      output: 'start a\nend a\nstart b\nend b\n--\nstart c\nstart d\nend c\nend d',
      explain:
        'await inside the loop starts the next call only after the previous one finished: round trips add up. map() starts every call before Promise.all waits, so both are in flight at once, which is also why an unbounded Promise.all can take every connection in the pool.',
      see: { section: 'pool-sizing', file: 'src/probe.ts' },
    },
    {
      id: 'lost-update-across-await',
      prompt: 'One thread, no locks. Two concurrent withdrawals of 30 from a balance of 100. What is left?',
      code: `let balance = 100;
const readBalance = async () => balance;
const writeBalance = async (value: number) => {
  balance = value;
};

async function withdraw(amount: number) {
  const current = await readBalance();
  await writeBalance(current - amount);
}

await Promise.all([withdraw(30), withdraw(30)]);
console.log(balance);`,
      output: '70',
      explain:
        'A single thread makes each synchronous stretch atomic, not a whole async function: both withdrawals read 100 before either writes, and the second write overwrites the first. Against a database the fix is an atomic UPDATE … SET balance = balance - $1, or SELECT … FOR UPDATE in a transaction.',
      see: { section: 'deadlines', file: 'src/db.ts' },
    },
    {
      id: 'sync-work-starves-timer',
      prompt: 'A 0 ms timer is scheduled, then the code computes synchronously. What prints first?',
      code: `setTimeout(() => console.log('timer fired'), 0);
Promise.resolve().then(() => console.log('microtask'));

let primes = 0;
for (let n = 2; n < 50_000; n++) {
  let prime = true;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) prime = false;
  if (prime) primes++;
}
console.log('computed', primes);`,
      output: 'computed 5133\nmicrotask\ntimer fired',
      explain:
        'A timer (or a request, or a health check) can only run once the current synchronous work returns to the event loop; microtasks go before it. CPU work inline delays everything else in the process, however short its timer: move it to a worker thread (piscina) or another service.',
      see: { section: 'event-loop', file: 'src/cpu-pool.ts' },
    },
    {
      id: 'all-rejects-others-run',
      prompt: 'Promise.all rejects on the first failure. Do the other calls stop?',
      code: `const call = async (name: string, fail: boolean) => {
  await null;
  if (fail) throw new Error(\`\${name} failed\`);
  for (let i = 0; i < 5; i++) await null; // a longer round trip
  console.log(name, 'finished anyway');
};

try {
  await Promise.all([call('a', false), call('b', true), call('c', false)]);
} catch (error) {
  console.log('caught:', (error as Error).message);
}
await new Promise((resolve) => setImmediate(resolve));`,
      output: 'caught: b failed\na finished anyway\nc finished anyway',
      explain:
        'Promise.all only stops waiting; nothing cancels the calls already started, which keep their connections and finish after the caller has answered. To stop them, pass an AbortSignal down (fetch, undici) or set a statement_timeout; Promise.allSettled waits for all of them instead.',
      see: { section: 'deadlines', file: 'src/upstream.ts' },
    },
    {
      id: 'pools-multiply',
      prompt: 'Five worker processes, each with a pool of 20, against max_connections 100. Does it fit?',
      code: `import { connectionBudget, gunicornWorkers } from './src/pool-sizing.ts';

const budget = connectionBudget({
  maxConnections: 100,
  reserved: 3,
  processes: gunicornWorkers(2),
  poolMax: 20,
});
console.log(budget.demanded, budget.available, budget.fits, budget.largestPoolThatFits);`,
      output: '100 97 false 19',
      explain:
        'Each process opens its own pool, so the demand is processes × pool max (2 × 2 cores + 1 = 5 workers × 20), and superuser-reserved slots are not the app’s. At full load the last connections fail with "too many clients" (53300).',
      see: { section: 'budget', file: 'src/pool-sizing.ts' },
    },
  ],
});
