/**
 * `pnpm db status` and `pnpm db stop`: the embedded PostgreSQL is left running between runs like a dev
 * database (so a `pnpm test` never cuts off a `pnpm demo --watch`); these say where it is and stop it.
 */
import { style } from '@lab/common/output';
import { type EmbeddedStatus, embeddedStatus, stopEmbeddedPostgres } from '@lab/common/services';
import { argumentError, exitOnEpipe, parseCommandLine, USAGE_ERROR } from './cli.ts';

const USAGE = `usage: pnpm db status   is the embedded PostgreSQL running? where, on which port, who is connected
       pnpm db stop     stop it (open sessions are disconnected); the next run that needs it starts it again`;

/** Who holds the server: its client sessions, by database and application name. */
async function sessions(url: string): Promise<string[]> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, application_name: 'pnpm db status' });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string; app: string; n: number }>(
      `SELECT datname, coalesce(nullif(application_name, ''), '(unnamed)') AS app, count(*)::int AS n
         FROM pg_stat_activity
        WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
        GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`,
    );
    return rows.map((r) => `${r.n} × ${r.datname} · ${r.app}`);
  } finally {
    await client.end();
  }
}

function describeStatus(status: EmbeddedStatus): Array<[string, string]> {
  return [
    ['running', status.running ? style.green('yes') : 'no'],
    ...(status.running
      ? ([
          ['pid', String(status.pid)],
          ['port', String(status.port)],
          ['url', status.url ?? ''],
        ] as Array<[string, string]>)
      : []),
    ['data dir', `${status.dataDir}${status.initialised ? '' : ' (no cluster yet: created on first use)'}`],
    ['log', status.logFile],
  ];
}

async function main(argv: readonly string[]): Promise<number> {
  let command: string | undefined;
  try {
    const { positionals, values } = parseCommandLine(argv, { help: { type: 'boolean', short: 'h' } });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (positionals.length > 1) throw new Error(`one command at a time (got ${positionals.join(', ')})`);
    command = positionals[0] ?? 'status';
  } catch (error) {
    process.stderr.write(`${argumentError(error)}\n${USAGE}\n`);
    return USAGE_ERROR;
  }

  if (command === 'status') {
    const status = embeddedStatus();
    const rows = describeStatus(status);
    if (status.running && status.url) {
      const held = await sessions(status.url).catch((error: Error) => [`(could not ask: ${error.message})`]);
      rows.push(['sessions', held.length ? held.join('\n             ') : 'none']);
    }
    if (process.env.DATABASE_URL)
      rows.push([
        'note',
        `DATABASE_URL is set (${process.env.DATABASE_URL}): runs here use that, not this one`,
      ]);
    const width = Math.max(...rows.map(([k]) => k.length));
    for (const [k, v] of rows) process.stdout.write(`${style.dim(k.padEnd(width))}  ${v}\n`);
    return 0;
  }
  if (command === 'stop') {
    const status = embeddedStatus();
    const stopped = await stopEmbeddedPostgres(status.dataDir);
    process.stdout.write(
      stopped
        ? `stopped the embedded PostgreSQL (pid ${status.pid}, port ${status.port})\n`
        : 'the embedded PostgreSQL is not running\n',
    );
    return 0;
  }
  process.stderr.write(`unknown command '${command}'\n${USAGE}\n`);
  return USAGE_ERROR;
}

exitOnEpipe();
process.exitCode = await main(process.argv.slice(2));
