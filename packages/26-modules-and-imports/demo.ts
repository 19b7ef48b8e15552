import { existsSync } from 'node:fs';
import { kv, lessonCheck, runDemo, say, summarize, table } from '@lab/common';
import {
  CYCLE_CASES,
  type CycleCase,
  coldImport,
  EXPORTS_CASES,
  type ExportsCase,
  emittedImport,
  exportReport,
  type NodeRun,
  runBindings,
  runCycle,
  runCycleEnteredFromCustomers,
  runExportsCase,
  runLoadOrder,
  runRequireEsm,
  spreadsheetModuleLoads,
  TYPE_IMPORTS,
  type TypeImportForm,
  writeModuleGraph,
} from './src/index.ts';

/** One line for a child run: what it printed, then the error that ended it, if one did. */
const outcome = (run: NodeRun) =>
  [...run.lines, ...(run.error ? [`exit ${run.code}: ${run.error.name}: ${run.error.message}`] : [])].join(
    ' | ',
  );

async function loadOrderSection(): Promise<void> {
  const [esm, cjs, bindings] = await Promise.all([runLoadOrder('esm'), runLoadOrder('cjs'), runBindings()]);
  table(
    esm.lines.map((line, i) => ({ 'main.mjs (import)': line, 'main.cjs (require)': cjs.lines[i] ?? '' })),
  );
  say('Both files log first, then load config and users: ESM hoists its imports, require runs in place.');
  kv(Object.fromEntries(bindings.lines.map((line) => line.split(': ') as [string, string])));
}

async function importTypeSection(): Promise<void> {
  const forms = Object.keys(TYPE_IMPORTS) as TypeImportForm[];
  const rows = [];
  for (const form of forms)
    rows.push({
      source: form,
      'emitted (verbatimModuleSyntax)': (await emittedImport(form, true)) || '(nothing)',
      'emitted (without it)': (await emittedImport(form, false)) || '(nothing)',
    });
  table(rows);
  say('An emitted `import {}` still loads and runs the module; `import type` never does.');
}

async function exportsSection(): Promise<void> {
  const files = Object.keys(EXPORTS_CASES) as ExportsCase[];
  const runs = await Promise.all(files.map(runExportsCase));
  table(files.map((file, i) => ({ consumer: EXPORTS_CASES[file], printed: outcome(runs[i] as NodeRun) })));
}

async function requireEsmSection(): Promise<void> {
  const nodes = [
    process.execPath,
    ...['node22', 'node24'].map((v) => `/opt/nodes/${v}/package/bin/node`),
  ].filter(existsSync);
  const runs = await Promise.all(nodes.map((node) => runRequireEsm(node)));
  table(
    runs.map((run, i) => ({
      node: nodes[i]?.includes('/opt/nodes/') ? (nodes[i]?.split('/')[3] ?? '') : `this (${process.version})`,
      printed: run.lines.join(' | '),
    })),
  );
}

async function circularSection(): Promise<void> {
  const ids = Object.keys(CYCLE_CASES) as CycleCase[];
  const runs = await Promise.all(ids.map(runCycle));
  table(ids.map((id, i) => ({ variant: CYCLE_CASES[id], result: outcome(runs[i] as NodeRun) })));
  const reversed = await runCycleEnteredFromCustomers();
  say(`esm-broken entered from customers.mjs instead: ${outcome(reversed)} — the entry order decides.`);
}

async function barrelSection(): Promise<void> {
  const graph = await writeModuleGraph(300);
  try {
    const direct = [];
    const barrel = [];
    for (let i = 0; i < 2; i++) {
      direct.push(await coldImport(graph.direct, graph.pick));
      barrel.push(await coldImport(graph.viaBarrel, graph.pick));
    }
    const directMs = summarize(direct.map((r) => r.ms)).median;
    const barrelMs = summarize(barrel.map((r) => r.ms)).median;
    table([
      {
        import: `{ ${graph.pick} } from './m150.mjs'`,
        'modules evaluated': direct[0]?.modules,
        'median ms': directMs.toFixed(1),
      },
      {
        import: `{ ${graph.pick} } from './index.mjs'`,
        'modules evaluated': barrel[0]?.modules,
        'median ms': barrelMs.toFixed(1),
      },
    ]);
    lessonCheck(
      barrelMs > directMs * 3,
      'a barrel makes every importer load everything it re-exports',
      `${(barrelMs / directMs).toFixed(1)}× the time of the direct import, 2 cold processes each`,
      'pnpm bench modules-and-imports',
    );
  } finally {
    await graph.remove();
  }
}

async function lazySection(): Promise<void> {
  const rows = [
    ['sku', 'qty'],
    ['c-1', '2'],
  ];
  const before = spreadsheetModuleLoads();
  await exportReport(rows, 'csv');
  const afterCsv = spreadsheetModuleLoads();
  await exportReport(rows, 'xml');
  await exportReport(rows, 'xml');
  kv({
    'spreadsheet module loads at start': before,
    'after a CSV export': afterCsv,
    'after two XML exports': spreadsheetModuleLoads(),
  });
}

await runDemo({
  title: 'Imports, ESM/CJS, barrels and circular imports',
  subtitle: 'Part 3, Q6 — every lesson in a fresh Node process, from the files in fixtures/',
  sections: [
    {
      id: 'load-order',
      title: 'ESM vs CommonJS: when modules run, and what you get',
      why: 'Imports are hoisted and live; require runs in place and copies.',
      run: loadOrderSection,
    },
    {
      id: 'import-type',
      title: 'import type: what reaches the JavaScript',
      why: 'verbatimModuleSyntax makes elision predictable: only `import type` is erased whole.',
      run: importTypeSection,
    },
    {
      id: 'exports',
      title: 'package.json "exports" as the public API (__init__.py / __all__)',
      why: 'Conditions pick ESM or CJS; unlisted paths are refused by name.',
      run: exportsSection,
    },
    {
      id: 'require-esm',
      title: 'require(esm) on Node 20, 22 and 24',
      why: 'CommonJS can now load ES modules synchronously — unless they use top-level await.',
      run: requireEsmSection,
    },
    {
      id: 'circular',
      title: 'Circular imports: the TDZ error, the half-initialised export, three fixes',
      why: 'Same two modules, eight ways, each in its own process.',
      run: circularSection,
    },
    {
      id: 'barrel',
      title: 'Barrel files: one function, 300 modules loaded',
      why: 'Node cannot tree-shake: `export *` loads every file it names.',
      run: barrelSection,
    },
    {
      id: 'lazy',
      title: 'Lazy import(): pay for a module when it is used',
      why: 'A rarely used, heavy dependency stays out of start-up.',
      run: lazySection,
    },
  ],
});
