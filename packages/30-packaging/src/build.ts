import { copyFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import ts from 'typescript';
import { mustRun, type RunResult } from './_run.ts';

/** The sample library this topic builds, packs and installs (its own package.json, src/, tsconfig). */
export const SAMPLE_LIB_DIR = fileURLToPath(new URL('../fixtures/sample-lib/', import.meta.url));

const require = createRequire(import.meta.url);
/** The CLIs the bench spawns, resolved from this package's own dependencies. */
export const TSC_BIN = require.resolve('typescript/bin/tsc');
export const ESBUILD_BIN = require.resolve('esbuild/bin/esbuild');

/** A fresh copy of the sample library's sources in a temporary folder (no dist/, no node_modules/). */
export function copySampleLib(parent: string = mkdtempSync(join(tmpdir(), 'lab-packaging-'))): string {
  const dir = join(parent, 'tiny-slug');
  cpSync(SAMPLE_LIB_DIR, dir, {
    recursive: true,
    // The path is relative to the fixture, so a top-level dist/ is `dist`, with no separator before it.
    filter: (source) => !/^(dist|node_modules)([\\/]|$)/.test(relative(SAMPLE_LIB_DIR, source)),
  });
  return dir;
}

export interface TscResult {
  /** Files tsc wrote, relative to the library folder, sorted. */
  emitted: string[];
  /** Type errors, formatted as tsc prints them; a build with any is refused. */
  errors: string[];
}

/** The library's tsconfig.json, read the way `tsc -p` reads it, with `overrides` on top. */
function readProject(dir: string, overrides: ts.CompilerOptions): ts.ParsedCommandLine {
  const configPath = join(dir, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(config.config, ts.sys, dir, overrides, configPath);
}

const formatHost: ts.FormatDiagnosticsHost = {
  getCanonicalFileName: (f) => f,
  getCurrentDirectory: () => process.cwd(),
  getNewLine: () => '\n',
};

/**
 * `tsc -p <dir>` in-process: type-checks the whole program, then writes ESM JavaScript and `.d.ts`
 * declarations to dist/. `declarationsOnly` keeps the check and skips the JavaScript (a bundler writes it).
 */
export function buildWithTsc(dir: string, options: { declarationsOnly?: boolean } = {}): TscResult {
  const project = readProject(dir, options.declarationsOnly ? { emitDeclarationOnly: true } : {});
  const program = ts.createProgram(project.fileNames, project.options);
  const written: string[] = [];
  const emit = program.emit(undefined, (file, text) => {
    ts.sys.writeFile(file, text);
    written.push(relative(dir, file));
  });
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emit.diagnostics];
  return {
    emitted: written.sort(),
    errors: diagnostics.map((d) => ts.formatDiagnostic(d, formatHost).trim()),
  };
}

/**
 * What a bundler or `tsx` does with TypeScript: strip the types file by file (`ts.transpileModule`), with
 * no program, no type-check and no declarations. Returns the files written.
 */
export function transpileWithTsc(dir: string): string[] {
  const project = readProject(dir, {});
  // transpileModule reads no package.json, so under `module: nodenext` it takes every .ts file for CommonJS
  // and would write `exports.x = …` into a "type": "module" package. The library is ESM: say so.
  const compilerOptions: ts.CompilerOptions = { ...project.options, module: ts.ModuleKind.ESNext };
  const written: string[] = [];
  for (const file of project.fileNames.filter((f) => !f.endsWith('.d.ts'))) {
    const { outputText } = ts.transpileModule(ts.sys.readFile(file) ?? '', {
      compilerOptions,
      fileName: file,
    });
    const out = join(dir, 'dist', relative(join(dir, 'src'), file).replace(/\.ts$/, '.js'));
    ts.sys.writeFile(out, outputText);
    written.push(relative(dir, out));
  }
  return written.sort();
}

/** The CommonJS build for `require` consumers, by esbuild: one bundled `dist/index.cjs`. */
export async function buildCjsWithEsbuild(dir: string): Promise<void> {
  await build({
    entryPoints: [join(dir, 'src/index.ts')],
    outfile: join(dir, 'dist/index.cjs'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
  });
}

/**
 * The ESM types copied to `index.d.cts`, so TypeScript reads them as describing a CommonJS module: a
 * `.d.ts` beside a `.cjs` would be taken for ESM types (the "masquerading" that type checkers for
 * packages flag). Safe here because the declarations import nothing relative.
 */
export function declareCjsTypes(dir: string): void {
  copyFileSync(join(dir, 'dist/index.d.ts'), join(dir, 'dist/index.d.cts'));
}

/** Every JavaScript file, by esbuild alone: the ESM entry and CLI, then the CJS entry. No types. */
export async function buildAllWithEsbuild(dir: string): Promise<void> {
  await build({
    entryPoints: [join(dir, 'src/index.ts'), join(dir, 'src/cli.ts')],
    outdir: join(dir, 'dist'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
  });
  await buildCjsWithEsbuild(dir);
}

/** The command-line builds a developer types, each a fresh process (what `npm run build` costs). */
export const cliBuilds = {
  tsc: (dir: string): Promise<RunResult> => mustRun(process.execPath, [TSC_BIN, '-p', dir], { cwd: dir }),
  esbuild: (dir: string): Promise<RunResult> =>
    mustRun(
      ESBUILD_BIN,
      [
        'src/index.ts',
        'src/cli.ts',
        '--bundle',
        '--format=esm',
        '--platform=node',
        '--outdir=dist',
        '--log-level=warning',
      ],
      { cwd: dir },
    ),
};

/** The files under dist/, relative to the library folder, sorted. */
export function distFiles(dir: string): string[] {
  return readdirSync(join(dir, 'dist'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

export const removeDist = (dir: string): void => rmSync(join(dir, 'dist'), { recursive: true, force: true });
