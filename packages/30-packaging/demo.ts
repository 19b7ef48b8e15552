import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, code, formatBytes, formatDuration, kv, lessonCheck, runDemo, say, table } from '@lab/common';
import {
  buildPackInstall,
  CONDITIONS,
  createWorkspace,
  describeRange,
  type ExportsTarget,
  type FlowResult,
  maxSatisfying,
  resolveExports,
  runBin,
  runProbe,
  SAMPLE_LIB_DIR,
  typecheckConsumer,
  type Workspace,
} from './src/index.ts';

interface Manifest {
  exports: ExportsTarget;
  bin: Record<string, string>;
  files: string[];
  engines: Record<string, string>;
  sideEffects: boolean;
}
const manifest = JSON.parse(readFileSync(join(SAMPLE_LIB_DIR, 'package.json'), 'utf8')) as Manifest;

// One build-pack-install serves every section that needs it, run on first use so `--section 5` works alone;
// the temporary folder goes when the process exits.
let workspace: Workspace | undefined;
let flow: Promise<FlowResult> | undefined;
function theFlow(): Promise<{ ws: Workspace; result: FlowResult }> {
  if (!workspace) {
    const ws = createWorkspace();
    workspace = ws;
    process.once('exit', () => ws.cleanup());
    flow = buildPackInstall(ws);
  }
  const ws = workspace;
  return (flow as Promise<FlowResult>).then((result) => ({ ws, result }));
}

function manifestSection(): void {
  kv({
    bin: JSON.stringify(manifest.bin),
    files: JSON.stringify(manifest.files),
    engines: JSON.stringify(manifest.engines),
    sideEffects: String(manifest.sideEffects),
  });
  const rows = Object.entries(CONDITIONS).map(([who, conditions]) => {
    const r = resolveExports(manifest.exports, '.', conditions);
    return {
      resolver: who,
      conditions: conditions.join(' '),
      gets: r.ok ? r.target : r.code,
      via: r.ok ? r.conditions.join(' → ') : '',
    };
  });
  table(rows);
  const deep = resolveExports(manifest.exports, './dist/internal.js', CONDITIONS.nodeImport);
  kv({ "import 'tiny-slug/dist/internal.js'": deep.ok ? deep.target : deep.code });
}

async function buildSection(): Promise<void> {
  const { result } = await theFlow();
  const { tsc, esbuild } = result.buildMs;
  table([
    {
      build: 'tsc: type-check, ESM JavaScript + .d.ts',
      took: formatDuration(tsc),
      wrote: result.tsc.emitted.join(' '),
    },
    {
      build: 'esbuild: the CommonJS bundle, no check',
      took: formatDuration(esbuild),
      wrote: 'dist/index.cjs',
    },
  ]);
  lessonCheck(
    esbuild < tsc / 5,
    'a bundler only strips types; tsc checks the whole program, so it is much slower',
    `esbuild ${formatDuration(esbuild)} vs tsc ${formatDuration(tsc)}`,
    'pnpm bench packaging',
  );
  say(
    'So: esbuild (or tsup/tsdown) writes the JavaScript, `tsc --emitDeclarationOnly` the .d.ts, `tsc --noEmit` gates CI.',
  );
}

async function packSection(): Promise<void> {
  const { result } = await theFlow();
  table(result.pack.entries.map((e) => ({ file: e.path, size: formatBytes(e.size) })));
  check(
    !result.pack.entries.some((e) => e.path.startsWith('src/')),
    'src/ and tsconfig.json stay out: only "files" + package.json, README, LICENSE',
  );
  kv({
    integrity: `${result.pack.integrity.slice(0, 30)}…`,
    'same as sha512 of the bytes': result.pack.integrity === result.pack.computedIntegrity,
  });
}

async function installSection(): Promise<void> {
  const { ws, result } = await theFlow();
  kv({
    registry: `${ws.env.npm_config_registry} (closed port: any network use would fail)`,
    'package.json dependency': result.installed.spec,
    'package-lock.json': JSON.stringify(result.installed.lock),
  });
}

async function consumeSection(): Promise<void> {
  const { ws, result } = await theFlow();
  const esm = await runProbe(result.consumerDir, 'esm', ws.env);
  const cjs = await runProbe(result.consumerDir, 'cjs', ws.env);
  const bin = await runBin(result.consumerDir, ['Crème', 'Brûlée'], ws.env);
  const short = (path: string) => path.slice(path.indexOf('node_modules'));
  table([
    {
      consumer: "import { slugify } from 'tiny-slug'",
      got: esm.slug,
      resolved: short(esm.resolved),
      'deep import': esm.deepImportError,
    },
    {
      consumer: "require('tiny-slug')",
      got: cjs.slug,
      resolved: short(cjs.resolved),
      'deep import': cjs.deepImportError,
    },
    {
      consumer: 'node_modules/.bin/tiny-slug Crème Brûlée',
      got: bin.stdout.trim(),
      resolved: 'bin → dist/cli.js',
      'deep import': '',
    },
  ]);
}

async function typesSection(): Promise<void> {
  const { result } = await theFlow();
  const good =
    "import { slugify } from 'tiny-slug';\nexport const s: string = slugify('Hi', { maxLength: 10 });\n";
  const wrong = "import { slugify } from 'tiny-slug';\nexport const n: number = slugify('Hi');\n";
  code(wrong.trim());
  const errors = typecheckConsumer(result.consumerDir, {
    'ok.mts': good,
    'ok.cts': good,
    'wrong.mts': wrong,
  });
  kv({ 'tsc on ok.mts, ok.cts, wrong.mts': errors.join('; ') });
  say(
    'An error proves the .d.ts was found: without types, strict TS would say TS7016 (implicit any), not TS2322.',
  );
}

function rangesSection(): void {
  const published = ['1.2.3', '1.2.4', '1.3.0', '1.4.0-beta.1', '2.0.0'];
  const ranges = ['^1.2.3', '~1.2.3', '1.x', '>=1.2.3', '1.2.3', '^0.2.3'];
  table(
    ranges.map((range) => ({
      'package.json': range,
      means: describeRange(range),
      'fresh install picks': maxSatisfying(published, range) ?? 'nothing: install fails',
    })),
  );
  say(
    `Published: ${published.join(', ')}. With a lockfile, \`npm ci\` installs the locked version and its integrity, whatever is newer.`,
  );
}

await runDemo({
  title: 'Packaging and distribution',
  subtitle:
    'package.json as pyproject: exports, bin, files, engines; build, npm pack, install offline, use it',
  sections: [
    {
      id: 'manifest',
      title: 'The manifest: exports by condition, bin, files',
      why: 'exports decides what consumers may import and which file each resolver gets; order of conditions matters.',
      run: manifestSection,
    },
    {
      id: 'build',
      title: 'Build: tsc checks and declares, esbuild bundles',
      why: 'Two jobs, two tools: types need the whole checked program, JavaScript only needs the types stripped.',
      run: buildSection,
    },
    {
      id: 'pack',
      title: 'npm pack: what really ships',
      why: 'The tarball is what users get; "files" is an allow-list, and npm adds package.json, README and LICENSE.',
      run: packSection,
    },
    {
      id: 'install',
      title: 'npm install <tarball>, with the registry cut off',
      why: 'A package without dependencies installs from its tarball alone; the lockfile pins its bytes by integrity.',
      run: installSection,
    },
    {
      id: 'consume',
      title: 'Use it: ESM, CommonJS, the bin, a deep import',
      why: 'The same specifier resolves to a different file per condition; anything outside exports is refused.',
      run: consumeSection,
    },
    {
      id: 'types',
      title: 'Types, from the consumer’s side',
      why: 'A library ships .d.ts next to its JavaScript; a consumer on nodenext finds them through the "types" condition.',
      run: typesSection,
    },
    {
      id: 'ranges',
      title: 'Semver ranges vs the lockfile',
      why: 'A range is what you accept; the lockfile is what you got. Fresh installs float within the range.',
      run: rangesSection,
    },
  ],
});
