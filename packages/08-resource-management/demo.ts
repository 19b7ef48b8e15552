import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, kv, postgres, resetSchema, runDemo, say } from '@lab/common';
import { begin, openFile, polyfilled, stopwatch, tempDir, tracked } from './src/index.ts';

const SCHEMA = 'lab08_demo';

function runtimeSection(): void {
  kv({
    node: process.version,
    polyfilled: polyfilled.length ? polyfilled.join(', ') : 'nothing (all native)',
  });
}

function orderSection(): void {
  const log: string[] = [];
  {
    using _db = tracked('connection', log);
    using _tx = tracked('transaction', log);
    using _lock = tracked('lock', log);
    log.push('body');
  }
  say(log.join(' → '));
}

function suppressedSection(): void {
  try {
    using _flaky = tracked('flaky socket', [], true);
    throw new Error('request failed');
  } catch (error) {
    const e = error as SuppressedError;
    kv({
      thrown: e.name,
      '.error (from dispose)': (e.error as Error).message,
      '.suppressed (from body)': (e.suppressed as Error).message,
    });
  }
}

/** Opens two resources as one: if the second fails the first is released; on success the caller owns both. */
function openPair(log: string[], secondFails: boolean): DisposableStack {
  using stack = new DisposableStack();
  stack.use(tracked('cache file', log));
  if (secondFails) throw new Error('socket refused');
  stack.use(tracked('socket', log));
  return stack.move();
}

function stackSection(): void {
  const failed: string[] = [];
  try {
    openPair(failed, true);
  } catch (error) {
    failed.push(`threw: ${(error as Error).message}`);
  }
  say(`second resource fails: ${failed.join(' → ')}`);
  const owned: string[] = [];
  {
    using _pair = openPair(owned, false);
    owned.push('caller uses both');
  }
  say(`both open, moved out: ${owned.join(' → ')}`);
}

async function transactionSection(): Promise<void> {
  const pool = await postgres({ schema: SCHEMA, max: 2 });
  await resetSchema(pool, SCHEMA);
  await pool.query('CREATE TABLE ledger (id serial PRIMARY KEY, note text NOT NULL)');
  {
    await using tx = await begin(pool);
    await tx.query("INSERT INTO ledger (note) VALUES ('deposit')");
    await tx.commit();
  }
  try {
    await using tx = await begin(pool);
    await tx.query("INSERT INTO ledger (note) VALUES ('withdrawal')");
    throw new Error('insufficient funds');
  } catch (error) {
    say(`second transaction threw: ${(error as Error).message}`);
  }
  const { rows } = await pool.query<{ note: string }>('SELECT note FROM ledger ORDER BY id');
  check(
    rows.length === 1,
    `rows in ledger: ${rows.map((r) => r.note).join(', ')} (the withdrawal was rolled back)`,
  );
  check(
    pool.idleCount === pool.totalCount,
    `pool clients idle: ${pool.idleCount} of ${pool.totalCount} (none leaked)`,
  );
}

async function filesSection(): Promise<void> {
  let dirPath = '';
  {
    using dir = tempDir('lab08-');
    dirPath = dir.path;
    const file = join(dir.path, 'report.txt');
    writeFileSync(file, 'quarterly numbers');
    using _t = stopwatch('read report', (label, ms) => say(`stopwatch: ${label} took ${ms.toFixed(2)} ms`));
    await using f = await openFile(file);
    say(`read ${(await f.handle.readFile('utf8')).length} bytes through fd ${f.handle.fd}`);
  }
  check(!existsSync(dirPath), `temp dir ${dirPath} is gone after the block`);
}

await runDemo({
  title: 'Context managers → try/finally, using and disposables',
  subtitle: "Part 1, Q8 · Python's `with`, as try/finally and `using`",
  sections: [
    {
      id: 'runtime',
      title: 'What this runtime has',
      why: '`using` is lowered by tsx on Node 20; the stack helpers and SuppressedError arrive natively in Node 24.',
      run: runtimeSection,
    },
    {
      id: 'order',
      title: 'Disposal runs in reverse order, like nested `with` blocks',
      why: 'Each `using` registers its resource; leaving the block disposes the last one acquired first.',
      run: orderSection,
    },
    {
      id: 'suppressed',
      title: 'An error while disposing does not hide the original one',
      why: 'Both errors survive in one SuppressedError; a try/finally that throws in finally loses the first.',
      run: suppressedSection,
    },
    {
      id: 'stack',
      title: 'DisposableStack.move(): acquire several, keep all or none',
      why: "contextlib.ExitStack's pop_all(): if a later acquisition fails, the earlier ones are released; on success the caller owns them.",
      run: stackSection,
    },
    {
      id: 'transaction',
      title: 'A real transaction: commit on success, ROLLBACK on throw',
      why: '`await using tx = await begin(pool)` rolls back unless commit() ran, and always returns the client to the pool.',
      run: transactionSection,
    },
    {
      id: 'files',
      title: 'Files, temp dirs and timers',
      why: 'The same protocol covers a file handle, a temporary directory and a stopwatch that reports at scope end.',
      run: filesSection,
    },
  ],
});
