import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, heading, kv, note, postgres, resetSchema, runDemo, say } from '@lab/common';
import { begin, openFile, polyfilled, stopwatch, tempDir, tracked } from './src/index.ts';

await runDemo(
  'Context managers → try/finally, using and disposables',
  "Part 1, Q8 · Python's `with`, as try/finally and `using`",
  async () => {
    heading('What this runtime has');
    note(
      '`using` is lowered by tsx on Node 20; the stack helpers and SuppressedError arrive natively in Node 24.',
    );
    kv({
      node: process.version,
      polyfilled: polyfilled.length ? polyfilled.join(', ') : 'nothing (all native)',
    });

    heading('Disposal runs in reverse order, like nested `with` blocks');
    const log: string[] = [];
    {
      using _db = tracked('connection', log);
      using _tx = tracked('transaction', log);
      using _lock = tracked('lock', log);
      log.push('body');
    }
    say(log.join(' → '));

    heading('An error while disposing does not hide the original one');
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

    heading('A real transaction: commit on success, ROLLBACK on throw');
    const pool = await postgres({ schema: 'lab08_demo', max: 2 });
    await resetSchema(pool, 'lab08_demo');
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

    heading('Files, temp dirs and timers');
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
  },
);
