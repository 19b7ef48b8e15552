import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/_run.ts';
import {
  buildAllWithEsbuild,
  buildCjsWithEsbuild,
  buildWithTsc,
  cliBuilds,
  copySampleLib,
  declareCjsTypes,
  distFiles,
  ESBUILD_BIN,
  removeDist,
  SAMPLE_LIB_DIR,
  TSC_BIN,
  transpileWithTsc,
} from '../src/build.ts';

// Every test builds in a copy of its own under one temporary parent, removed at the end.
const parent = mkdtempSync(join(tmpdir(), 'lab-packaging-build-'));
let copies = 0;
const freshCopy = (): string => copySampleLib(join(parent, String(copies++)));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

/** The files under a folder, relative to it, sorted ('/' separators). */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();

const SOURCES = [
  'LICENSE',
  'README.md',
  'package.json',
  'src/cli.ts',
  'src/index.ts',
  'src/internal.ts',
  'src/node-globals.d.ts',
  'tsconfig.json',
];

/** Loads a built file in a fresh node, as a consumer would, and prints what slugify and VERSION give. */
async function loadIn(file: string, how: 'import' | 'require'): Promise<string> {
  const script =
    how === 'import'
      ? `import(${JSON.stringify(pathToFileURL(file).href)}).then((m) => console.log(m.slugify('Crème Brûlée, 2!'), m.VERSION))`
      : `const m = require(${JSON.stringify(file)}); console.log(m.slugify('Crème Brûlée, 2!'), m.VERSION)`;
  const result = await run(process.execPath, ['-e', script], { cwd: dirname(file) });
  expect(result.stderr).toBe('');
  return result.stdout;
}

describe('the sample library and the CLIs', () => {
  it('points at the fixture and at the tsc and esbuild CLIs of this package', () => {
    expect(SAMPLE_LIB_DIR.endsWith(`${sep}fixtures${sep}sample-lib${sep}`)).toBe(true);
    expect(existsSync(join(SAMPLE_LIB_DIR, 'package.json'))).toBe(true);
    expect(TSC_BIN.endsWith(join('typescript', 'bin', 'tsc'))).toBe(true);
    expect(ESBUILD_BIN.endsWith(join('esbuild', 'bin', 'esbuild'))).toBe(true);
  });
});

describe('copySampleLib', () => {
  it('copies the sources into <parent>/tiny-slug', () => {
    const into = join(parent, 'explicit');
    const dir = copySampleLib(into);
    expect(dir).toBe(join(into, 'tiny-slug'));
    expect(filesUnder(dir)).toEqual(SOURCES);
    expect(readFileSync(join(dir, 'src/index.ts'), 'utf8')).toBe(
      readFileSync(join(SAMPLE_LIB_DIR, 'src/index.ts'), 'utf8'),
    );
  });

  it('makes a fresh temporary parent when given none', () => {
    const dir = copySampleLib();
    try {
      expect(basename(dir)).toBe('tiny-slug');
      expect(dirname(dirname(dir))).toBe(tmpdir());
      expect(basename(dirname(dir))).toMatch(/^lab-packaging-.{6}$/);
      expect(filesUnder(dir)).toEqual(SOURCES);
    } finally {
      rmSync(dirname(dir), { recursive: true, force: true });
    }
  });

  it('leaves out a dist/ or node_modules/ someone built or installed in the fixture, and nothing else', () => {
    // The fixture is shared: this test adds files with names of its own and removes them (and any folder
    // it had to create) afterwards.
    const mark = `lab-${process.pid}-${Date.now()}`;
    const made: string[] = [];
    const add = (path: string): void => {
      const top = join(SAMPLE_LIB_DIR, path.split('/')[0] as string);
      if (!existsSync(top)) made.push(top);
      mkdirSync(dirname(join(SAMPLE_LIB_DIR, path)), { recursive: true });
      writeFileSync(join(SAMPLE_LIB_DIR, path), 'x');
    };
    const added = [
      `dist/${mark}.js`,
      `node_modules/${mark}/index.js`,
      `${mark}-dist`,
      `${mark}-node_modules`,
      `dist-${mark}`,
      `node_modules-${mark}`,
    ];
    try {
      for (const path of added) add(path);
      const dir = freshCopy();
      expect(existsSync(join(dir, 'dist'))).toBe(false);
      expect(existsSync(join(dir, 'node_modules'))).toBe(false);
      // Only the folders themselves: a name that merely starts or ends with theirs is copied.
      expect(filesUnder(dir).filter((f) => f.includes(mark))).toEqual([
        `dist-${mark}`,
        `${mark}-dist`,
        `${mark}-node_modules`,
        `node_modules-${mark}`,
      ]);
    } finally {
      for (const path of added) rmSync(join(SAMPLE_LIB_DIR, path), { force: true });
      rmSync(join(SAMPLE_LIB_DIR, 'node_modules', mark), { recursive: true, force: true });
      for (const top of made) rmSync(top, { recursive: true, force: true });
    }
  });
});

describe('buildWithTsc', () => {
  it('type-checks and writes ESM JavaScript and declarations, listed sorted', () => {
    const dir = freshCopy();
    const result = buildWithTsc(dir);
    const expected = [
      'dist/cli.d.ts',
      'dist/cli.js',
      'dist/index.d.ts',
      'dist/index.js',
      'dist/internal.d.ts',
      'dist/internal.js',
    ];
    expect(result).toEqual({ emitted: expected, errors: [] });
    expect(distFiles(dir)).toEqual(expected);
    expect(readFileSync(join(dir, 'dist/index.js'), 'utf8')).toContain(
      "import { foldAccents } from './internal.js';",
    );
  });

  it('declarationsOnly checks the same program but writes only the .d.ts files', () => {
    const dir = freshCopy();
    const result = buildWithTsc(dir, { declarationsOnly: true });
    expect(result).toEqual({
      emitted: ['dist/cli.d.ts', 'dist/index.d.ts', 'dist/internal.d.ts'],
      errors: [],
    });
    expect(distFiles(dir)).toEqual(result.emitted);
  });

  it('reports type errors as tsc prints them, path relative to the working folder, chains on new lines', () => {
    const dir = freshCopy();
    writeFileSync(
      join(dir, 'src/broken.ts'),
      "const v = { a: 'x' };\nexport const o: { a: number } = v;\nexport const n: number = 'x';\n",
    );
    const result = buildWithTsc(dir);
    const file = relative(process.cwd(), join(dir, 'src/broken.ts'));
    expect(result.errors).toEqual([
      `${file}(2,14): error TS2322: Type '{ a: string; }' is not assignable to type '{ a: number; }'.\n` +
        "  Types of property 'a' are incompatible.\n" +
        "    Type 'string' is not assignable to type 'number'.",
      `${file}(3,14): error TS2322: Type 'string' is not assignable to type 'number'.`,
    ]);
    // tsc still writes the files (no noEmitOnError): refusing the build is the caller's decision.
    expect(result.emitted).toContain('dist/broken.js');
  });

  it('throws when the library has no tsconfig.json', () => {
    const dir = freshCopy();
    rmSync(join(dir, 'tsconfig.json'));
    expect(() => buildWithTsc(dir)).toThrow(/^Cannot read file '.*tsconfig\.json'/);
  });
});

describe('transpileWithTsc', () => {
  it('writes, file by file, the same ESM JavaScript tsc -p writes, skipping .d.ts files', async () => {
    const checked = freshCopy();
    buildWithTsc(checked);
    const dir = freshCopy();
    expect(transpileWithTsc(dir)).toEqual(['dist/cli.js', 'dist/index.js', 'dist/internal.js']);
    expect(distFiles(dir)).toEqual(['dist/cli.js', 'dist/index.js', 'dist/internal.js']);
    for (const file of ['dist/cli.js', 'dist/index.js', 'dist/internal.js']) {
      expect(readFileSync(join(dir, file), 'utf8')).toBe(readFileSync(join(checked, file), 'utf8'));
    }
    // In a "type": "module" package, Node loads it as the ES module it is.
    expect(await loadIn(join(dir, 'dist/index.js'), 'import')).toBe('creme-brulee-2 1.2.3\n');
  });

  it('lists what it wrote sorted, whatever order the tsconfig names the files in', () => {
    const dir = freshCopy();
    const config = JSON.parse(readFileSync(join(dir, 'tsconfig.json'), 'utf8')) as Record<string, unknown>;
    delete config.include;
    config.files = ['src/internal.ts', 'src/index.ts', 'src/cli.ts'];
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config));
    expect(transpileWithTsc(dir)).toEqual(['dist/cli.js', 'dist/index.js', 'dist/internal.js']);
  });

  it('replaces only the .ts extension, and does not type-check: a type error still transpiles', () => {
    const dir = freshCopy();
    writeFileSync(join(dir, 'src/to.tsv.ts'), "export const n: number = 'x';\n");
    expect(transpileWithTsc(dir)).toEqual([
      'dist/cli.js',
      'dist/index.js',
      'dist/internal.js',
      'dist/to.tsv.js',
    ]);
    expect(readFileSync(join(dir, 'dist/to.tsv.js'), 'utf8')).toBe("export const n = 'x';\n");
  });
});

describe('esbuild builds', () => {
  it('buildCjsWithEsbuild bundles one CommonJS dist/index.cjs that require() loads', async () => {
    const dir = freshCopy();
    await buildCjsWithEsbuild(dir);
    expect(distFiles(dir)).toEqual(['dist/index.cjs']);
    const text = readFileSync(join(dir, 'dist/index.cjs'), 'utf8');
    expect(text).toContain('module.exports = __toCommonJS(');
    expect(text).not.toContain('internal.js');
    expect(await loadIn(join(dir, 'dist/index.cjs'), 'require')).toBe('creme-brulee-2 1.2.3\n');
  });

  it('buildAllWithEsbuild writes the ESM entry, the CLI and the CJS entry, each self-contained', async () => {
    const dir = freshCopy();
    await buildAllWithEsbuild(dir);
    expect(distFiles(dir)).toEqual(['dist/cli.js', 'dist/index.cjs', 'dist/index.js']);
    const index = readFileSync(join(dir, 'dist/index.js'), 'utf8');
    expect(index).toMatch(/^export \{$/m);
    expect(index).not.toContain('internal.js');
    expect(await loadIn(join(dir, 'dist/index.js'), 'import')).toBe('creme-brulee-2 1.2.3\n');
    expect(await loadIn(join(dir, 'dist/index.cjs'), 'require')).toBe('creme-brulee-2 1.2.3\n');
    const cli = await run(process.execPath, [join(dir, 'dist/cli.js'), 'Hello', 'Wörld'], { cwd: dir });
    expect(cli).toMatchObject({ code: 0, stdout: 'hello-world\n', stderr: '' });
  });
});

describe('esbuild builds for Node 20', () => {
  // A module using a Node builtin and a `using` declaration (newer than Node 20's syntax), exported from the
  // library's entry: a build for Node leaves `node:os` to Node and lowers `using` to what Node 20 runs.
  const withNodeOnlyCode = (): string => {
    const dir = freshCopy();
    writeFileSync(
      join(dir, 'src/host.ts'),
      "import { hostname } from 'node:os';\n" +
        'export function hostLength(): number {\n' +
        '  using _scope = { [Symbol.dispose]() {} };\n' +
        '  return hostname().length;\n' +
        '}\n',
    );
    writeFileSync(
      join(dir, 'src/index.ts'),
      `${readFileSync(join(dir, 'src/index.ts'), 'utf8')}export { hostLength } from './host.js';\n`,
    );
    return dir;
  };
  const callHostLength = async (file: string, how: 'import' | 'require'): Promise<string> => {
    const script =
      how === 'import'
        ? `import(${JSON.stringify(pathToFileURL(file).href)}).then((m) => console.log(m.hostLength() === require('node:os').hostname().length))`
        : `console.log(require(${JSON.stringify(file)}).hostLength() === require('node:os').hostname().length)`;
    const result = await run(process.execPath, ['-e', script], { cwd: dirname(file) });
    return `${result.stdout}${result.stderr}`;
  };

  it('the CommonJS build requires node:os and lowers `using`', async () => {
    const dir = withNodeOnlyCode();
    await buildCjsWithEsbuild(dir);
    const text = readFileSync(join(dir, 'dist/index.cjs'), 'utf8');
    expect(text).toContain('require("node:os")');
    expect(text).not.toContain('using _scope');
    expect(await callHostLength(join(dir, 'dist/index.cjs'), 'require')).toBe('true\n');
  });

  it('the ESM build imports node:os and lowers `using`', async () => {
    const dir = withNodeOnlyCode();
    await buildAllWithEsbuild(dir);
    for (const file of ['dist/index.js', 'dist/index.cjs']) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text).toContain('"node:os"');
      expect(text).not.toContain('using _scope');
    }
    expect(readFileSync(join(dir, 'dist/index.js'), 'utf8')).toContain('import { hostname } from "node:os";');
    expect(await callHostLength(join(dir, 'dist/index.js'), 'import')).toBe('true\n');
  });
});

describe('declareCjsTypes', () => {
  it('copies index.d.ts to index.d.cts byte for byte', () => {
    const dir = freshCopy();
    buildWithTsc(dir, { declarationsOnly: true });
    declareCjsTypes(dir);
    expect(readFileSync(join(dir, 'dist/index.d.cts'), 'utf8')).toBe(
      readFileSync(join(dir, 'dist/index.d.ts'), 'utf8'),
    );
    expect(distFiles(dir)).toEqual([
      'dist/cli.d.ts',
      'dist/index.d.cts',
      'dist/index.d.ts',
      'dist/internal.d.ts',
    ]);
  });
});

describe('cliBuilds', () => {
  it('tsc -p as a process writes what the in-process build writes, silently', async () => {
    const dir = freshCopy();
    const result = await cliBuilds.tsc(dir);
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(result.command).toBe(`${process.execPath} ${TSC_BIN} -p ${dir}`);
    expect(distFiles(dir)).toEqual([
      'dist/cli.d.ts',
      'dist/cli.js',
      'dist/index.d.ts',
      'dist/index.js',
      'dist/internal.d.ts',
      'dist/internal.js',
    ]);
  });

  it('the tsc CLI fails on a type error with exit code 2', async () => {
    const dir = freshCopy();
    writeFileSync(join(dir, 'src/broken.ts'), "export const n: number = 'x';\n");
    // tsc prints its diagnostics on stdout, so the error carries the exit code and an empty stderr.
    await expect(cliBuilds.tsc(dir)).rejects.toThrow(` -p ${dir} exited with 2: `);
  });

  it('esbuild bundles the ESM entry and CLI for node into dist/, printing nothing', async () => {
    const dir = freshCopy();
    const result = await cliBuilds.esbuild(dir);
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(distFiles(dir)).toEqual(['dist/cli.js', 'dist/index.js']);
    const index = readFileSync(join(dir, 'dist/index.js'), 'utf8');
    expect(index).toMatch(/^export \{$/m);
    expect(index).not.toContain('internal.js');
    expect(await loadIn(join(dir, 'dist/index.js'), 'import')).toBe('creme-brulee-2 1.2.3\n');
    const cli = await run(process.execPath, [join(dir, 'dist/cli.js'), '--version'], { cwd: dir });
    expect(cli).toMatchObject({ code: 0, stdout: '1.2.3\n', stderr: '' });
  });
});

describe('distFiles and removeDist', () => {
  it('lists files at any depth under dist/, not folders, relative and sorted', () => {
    const dir = join(parent, 'dist-listing');
    mkdirSync(join(dir, 'dist/b/c'), { recursive: true });
    mkdirSync(join(dir, 'dist/empty'), { recursive: true });
    writeFileSync(join(dir, 'dist/z.js'), '');
    writeFileSync(join(dir, 'dist/b/c/deep.js'), '');
    writeFileSync(join(dir, 'dist/a.js'), '');
    writeFileSync(join(dir, 'outside.js'), '');
    expect(distFiles(dir)).toEqual(['dist/a.js', join('dist', 'b', 'c', 'deep.js'), 'dist/z.js']);
  });

  it('removeDist deletes dist/ with everything in it, and is fine when there is none', () => {
    const dir = join(parent, 'dist-removal');
    mkdirSync(join(dir, 'dist/nested'), { recursive: true });
    writeFileSync(join(dir, 'dist/nested/file.js'), '');
    writeFileSync(join(dir, 'keep.txt'), '');
    removeDist(dir);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
    expect(existsSync(join(dir, 'keep.txt'))).toBe(true);
    removeDist(dir);
    expect(() => distFiles(dir)).toThrow(/ENOENT/);
  });
});
