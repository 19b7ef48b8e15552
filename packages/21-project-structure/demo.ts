import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  check,
  code,
  formatDuration,
  kv,
  lessonCheck,
  listen,
  note,
  postgres,
  resetSchema,
  runDemo,
  say,
  table,
} from '@lab/common';
import {
  checkLayers,
  coldImport,
  composeServices,
  createPostgresService,
  DomainError,
  describeViolation,
  memoryRepositories,
  migrate,
  readSourceTree,
  renderLayerGraph,
  renderTree,
  SERVICE_LAYERS,
} from './src/index.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const SRC = here('./src');
const SCHEMA = 'ps21_demo';
const LAYERS = [...SERVICE_LAYERS];
const BENCH = 'pnpm bench project-structure';

function treeSection() {
  const src = readSourceTree(SRC);
  const tests = readSourceTree(here('./test'));
  for (const line of renderTree(
    [...src.keys()].filter((f) => !f.startsWith('architecture/')),
    'src/',
  ))
    say(line);
  note('(src/architecture/ — the checker this demo runs — left out: it is outside the layers)');
  // A test folder per layer is the mirror the question asks for; computed, not claimed.
  const mirrored = LAYERS.filter((layer) => [...tests.keys()].some((f) => f.startsWith(`${layer}/`)));
  check(
    mirrored.length === LAYERS.length,
    `test/ mirrors every layer: ${mirrored.map((l) => `test/${l}/`).join(', ')}`,
  );
}

function graphSection() {
  const report = checkLayers(readSourceTree(SRC), LAYERS);
  for (const line of renderLayerGraph(report, LAYERS)) code(line);
  table(
    LAYERS.map((layer) => ({
      layer,
      'packages it imports': [...(report.packages.get(layer) ?? [])].sort().join(', ') || '—',
    })),
  );
  const servicesUsePg = report.packages.get('services')?.has('pg') ?? false;
  check(
    !servicesUsePg,
    'services import repository INTERFACES, never pg: only repositories/ knows the driver',
  );
  check(
    report.violations.length === 0,
    `${report.edges.length} imports read, ${report.violations.length} upward`,
  );
}

function upwardSection() {
  const fixture = here('./test/fixtures/upward');
  const report = checkLayers(readSourceTree(fixture), LAYERS);
  for (const violation of report.violations) {
    const source = readFileSync(`${fixture}/${violation.from}`, 'utf8').split('\n');
    say(`test/fixtures/upward/${violation.from}, line ${violation.line}:`);
    code(source[violation.line - 1] ?? '');
    check(false, describeViolation(violation));
  }
  note('The test that runs this on src/ fails the same way the day someone writes that import.');
  note('Type-only, re-export and dynamic imports count too: each is a dependency in the design.');
}

async function httpSection() {
  const pool = await postgres({ schema: SCHEMA, max: 4 });
  await resetSchema(pool, SCHEMA);
  await migrate(pool);
  const server = await listen(createPostgresService(pool).app);
  try {
    const send = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(server.url + path, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const json = (await response.json()) as {
        id?: number;
        code?: string;
        totalCents?: number;
        status?: unknown;
      };
      return {
        request: `${method} ${path}`,
        status: response.status,
        answer: json.code ?? summary(json),
        json,
      };
    };
    const lines = [{ sku: 'BOOK-1', quantity: 2, unitPriceCents: 1999 }];
    const ada = await send('POST', '/users', { email: ' Ada@Example.com', name: 'Ada' });
    const order = await send('POST', `/users/${ada.json.id}/orders`, { lines });
    const rows = [
      ada,
      await send('POST', '/users', { email: 'ada@example.com', name: 'Ada again' }),
      await send('POST', '/users', { email: 'nul@example.com', name: 'A\u0000B' }),
      order,
      await send('POST', `/orders/${order.json.id}/cancel`),
      await send('POST', `/orders/${order.json.id}/cancel`),
      await send('GET', '/users/999999'),
      await send('GET', '/users/abc'),
    ];
    table(rows.map(({ request, status, answer }) => ({ request, status, answer })));
    note(
      'Each error is a problem body; the service threw a domain error, problemForError picked the status.',
    );
  } finally {
    await server.close();
    await pool.end();
  }
}

const summary = (json: { id?: number; totalCents?: number; status?: unknown }) =>
  json.totalCents === undefined
    ? `id ${json.id}`
    : `order ${json.id}, ${json.totalCents} cents, ${json.status}`;

async function swapSection() {
  const store = memoryRepositories();
  const { users, orders } = composeServices(store);
  const ada = await users.register({ email: 'ada@example.com', name: 'Ada' });
  const order = await orders.place(ada.id, { lines: [{ sku: 'PEN-2', quantity: 3, unitPriceCents: 150 }] });
  const outcome = (error: unknown) => (error instanceof DomainError ? error.code : String(error));
  const duplicate = await users.register({ email: 'ADA@example.com', name: 'x' }).catch(outcome);
  const missing = await orders
    .place(42, { lines: [{ sku: 'PEN-2', quantity: 1, unitPriceCents: 150 }] })
    .catch(outcome);
  kv({
    'placed (no database)': `order ${order.id}, ${order.totalCents} cents`,
    'same email again': duplicate,
    'order for user 42': missing,
    'units of work': `${store.transactions.started} started, ${store.transactions.committed} committed, ${store.transactions.rolledBack} rolled back`,
  });
  check(
    duplicate === 'email_taken' && missing === 'user_not_found',
    'same services, same rules, other storage',
  );
  note('This is how test/services/ runs: the business rules tested in milliseconds, without PostgreSQL.');
}

async function barrelSection() {
  const direct = await coldImport(here('./src/architecture/layers.ts'), 'checkLayers');
  const barrel = await coldImport(here('./src/index.ts'), 'checkLayers');
  table([
    {
      'import checkLayers from': 'src/architecture/layers.ts',
      modules: direct.modules,
      time: formatDuration(direct.ms),
    },
    {
      'import checkLayers from': 'src/index.ts (deep barrel)',
      modules: barrel.modules,
      time: formatDuration(barrel.ms),
    },
  ]);
  check(
    barrel.modules > 20 * direct.modules,
    `the barrel loads ${barrel.modules} modules for a function that needs ${direct.modules}`,
  );
  lessonCheck(
    barrel.ms > direct.ms,
    'the barrel import is slower',
    `${(barrel.ms / direct.ms).toFixed(1)}× the direct import, one fresh process each`,
    BENCH,
  );
}

function monorepoSection() {
  const root = here('../..');
  kv({
    'packages/common/': '@lab/common, the kit: output, services, testing, bench API, problem bodies',
    'packages/NN-slug/': 'one topic each, this one included',
    'tooling/': 'topic discovery, README index, vitest setup, CLI conventions',
    'demos/ benchmarks/ practice/': 'the pnpm demo, pnpm bench and pnpm practice runners',
  });
  const builders = readdirSync(`${root}/packages`).filter((folder) => {
    const pkg = JSON.parse(readFileSync(`${root}/packages/${folder}/package.json`, 'utf8')) as {
      lab?: { buildsOn?: string[] };
    };
    return pkg.lab?.buildsOn?.includes('project-structure') ?? false;
  });
  say(`Topics that build on this service (their "lab".buildsOn): ${builders.join(', ') || 'none yet'}`);
  note('The same rule as the layers, one level up: topics import the kit and what they declare; the kit');
  note(
    'imports no topic; tooling runs the repo and no topic imports it. The structure test reads every import.',
  );
}

await runDemo({
  title: 'Project structure and dependency direction',
  subtitle: 'Part 3, Q1 — a users-and-orders service in layers, an import checker, and what a barrel costs',
  sections: [
    {
      id: 'tree',
      title: 'The tree: four layers, tests mirroring them',
      why: 'Folders named for what they hold.',
      run: treeSection,
    },
    {
      id: 'graph',
      title: 'The dependency graph, read from the imports',
      why: 'api → services → repositories → models: every arrow points down.',
      run: graphSection,
    },
    {
      id: 'upward',
      title: 'An upward import, caught (test/fixtures/upward)',
      why: 'A model that imports a service: the checker names the file, the line and the two layers.',
      run: upwardSection,
    },
    {
      id: 'http',
      title: 'The service at work: HTTP → services → PostgreSQL',
      why: 'Each layer translates errors for the one above: 23505 → DuplicateKeyError → ConflictError → 409.',
      run: httpSection,
    },
    {
      id: 'swap',
      title: 'Swap the bottom layer: the same services on two Maps',
      why: 'Services take repository interfaces in their constructor; the composition root picks the implementation.',
      run: swapSection,
    },
    {
      id: 'barrel',
      title: 'What a deep barrel costs at start-up',
      why: 'One function imported through src/index.ts loads every layer and express, pg and zod with it.',
      run: barrelSection,
    },
    {
      id: 'monorepo',
      title: "This monorepo's own layout",
      why: 'The same dependency rule, one level up: topics → kit, never the other way.',
      run: monorepoSection,
    },
  ],
});
