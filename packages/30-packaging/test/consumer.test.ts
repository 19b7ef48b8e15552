import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsumer, LIB_NAME, runBin, runProbe, typecheckConsumer } from '../src/consumer.ts';

// The consumer side on its own, against a stand-in for the installed library written here by hand (no
// build, no npm): each helper is checked for what it hands to Node, TypeScript or the bin.
let parent: string;
let consumer: string;

const write = (path: string, text: string): void => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
};

beforeAll(() => {
  parent = realpathSync(mkdtempSync(join(tmpdir(), 'lab-packaging-consumer-')));
  consumer = createConsumer(join(parent, 'nested'));
  const lib = join(consumer, 'node_modules', LIB_NAME);
  write(
    join(lib, 'package.json'),
    JSON.stringify({
      name: LIB_NAME,
      type: 'module',
      exports: {
        '.': {
          import: { types: './esm.d.ts', default: './esm.js' },
          require: { types: './cjs.d.cts', default: './cjs.cjs' },
        },
      },
    }),
  );
  write(join(lib, 'esm.js'), "export const slugify = (text) => 'esm:' + text.length;\n");
  write(join(lib, 'cjs.cjs'), "exports.slugify = (text) => 'cjs:' + text.length;\n");
  write(
    join(lib, 'esm.d.ts'),
    "export declare function slugify(text: string): string;\nexport declare const kind: 'esm';\n",
  );
  write(
    join(lib, 'cjs.d.cts'),
    "export declare function slugify(text: string): string;\nexport declare const kind: 'cjs';\n",
  );
  // A package of ambient types in node_modules/@types: TypeScript loads these unless `types` says not to.
  write(
    join(consumer, 'node_modules', '@types', 'lab-ambient', 'index.d.ts'),
    'declare const LAB_AMBIENT: string;\n',
  );
});

afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('createConsumer', () => {
  it('makes <parent>/app, creating missing folders, with a private ESM package.json and the two probes', () => {
    expect(consumer).toBe(join(parent, 'nested', 'app'));
    expect(readFileSync(join(consumer, 'package.json'), 'utf8')).toBe(
      '{"name":"app","private":true,"type":"module"}\n',
    );
    expect(readdirSync(consumer).sort()).toEqual([
      'node_modules',
      'package.json',
      'probe-cjs.cjs',
      'probe-esm.mjs',
    ]);
  });
});

describe('runProbe', () => {
  it('the ESM probe imports through the "import" condition and is refused a path outside exports', async () => {
    const probe = await runProbe(consumer, 'esm', {});
    expect(probe).toEqual({
      slug: `esm:${'Crème Brûlée, 2 spoons!'.length}`,
      resolved: `file://${join(consumer, 'node_modules', LIB_NAME, 'esm.js')}`,
      deepImportError: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
    });
  });

  it('the CommonJS probe requires through the "require" condition', async () => {
    const probe = await runProbe(consumer, 'cjs', {});
    expect(probe).toEqual({
      slug: `cjs:${'Crème Brûlée, 2 spoons!'.length}`,
      resolved: join(consumer, 'node_modules', LIB_NAME, 'cjs.cjs'),
      deepImportError: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
    });
  });

  it('throws when the probe fails, with what node printed', async () => {
    const empty = createConsumer(join(parent, 'no-library'));
    await expect(runProbe(empty, 'esm', {})).rejects.toThrow(
      /probe-esm\.mjs exited with 1: .*ERR_MODULE_NOT_FOUND/s,
    );
  });
});

describe('runBin', () => {
  it('runs node_modules/.bin/<name> in the consumer folder with the given environment and arguments', async () => {
    const bin = join(consumer, 'node_modules', '.bin', LIB_NAME);
    write(bin, '#!/bin/sh\nprintf "%s|%s|%s|%s" "$PWD" "$LAB_BIN_VAR" "$LAB_NOT_PASSED" "$*"\nexit 5\n');
    chmodSync(bin, 0o755);
    process.env.LAB_NOT_PASSED = 'parent only';
    try {
      const result = await runBin(consumer, ['a b', 'c'], { LAB_BIN_VAR: 'given' });
      expect(result).toEqual({
        command: `${bin} a b c`,
        code: 5,
        stdout: `${consumer}|given||a b c`,
        stderr: '',
      });
    } finally {
      delete process.env.LAB_NOT_PASSED;
    }
  });
});

describe('typecheckConsumer', () => {
  it('resolves .mts through "import" and .cts through "require", each to its own declarations', () => {
    const esm =
      "import { kind, slugify } from 'tiny-slug';\nexport const k: 'esm' = kind;\nexport const s: string = slugify('x');\n";
    const cjs = "import { kind } from 'tiny-slug';\nexport const k: 'cjs' = kind;\n";
    expect(typecheckConsumer(consumer, { 'ok.mts': esm, 'ok.cts': cjs })).toEqual([]);
    expect(typecheckConsumer(consumer, { 'swap.cts': esm })).toEqual([
      `TS2322: Type '"cjs"' is not assignable to type '"esm"'.`,
    ]);
  });

  it('writes the files into the consumer folder', () => {
    typecheckConsumer(consumer, { 'written.mts': 'export const x = 1;\n' });
    expect(readFileSync(join(consumer, 'written.mts'), 'utf8')).toBe('export const x = 1;\n');
  });

  it('checks strictly, joining a chained message into one line (its indents kept)', () => {
    const code = "export const f = (x) => x;\nconst v = { a: 'x' };\nexport const o: { a: number } = v;\n";
    expect(typecheckConsumer(consumer, { 'strict.mts': code })).toEqual([
      "TS7006: Parameter 'x' implicitly has an 'any' type.",
      "TS2322: Type '{ a: string; }' is not assignable to type '{ a: number; }'.   Types of property 'a' are incompatible.     Type 'string' is not assignable to type 'number'.",
    ]);
  });

  it('gives the consumer ES2022 and nothing else: no DOM, no ambient @types', () => {
    const code =
      'export const last = [1, 2].at(-1);\nexport const a: string = LAB_AMBIENT;\nexport const d = document;\n';
    expect(typecheckConsumer(consumer, { 'env.mts': code })).toEqual([
      "TS2304: Cannot find name 'LAB_AMBIENT'.",
      "TS2584: Cannot find name 'document'. Do you need to change your target library? Try changing the 'lib' compiler option to include 'dom'.",
    ]);
  });

  it("checks the library's own declaration files too", () => {
    const broken = join(parent, 'broken-lib');
    const app = createConsumer(broken);
    write(
      join(app, 'node_modules', 'bad', 'package.json'),
      JSON.stringify({ name: 'bad', types: './index.d.ts' }),
    );
    write(join(app, 'node_modules', 'bad', 'index.d.ts'), 'export declare const x: NoSuchType;\n');
    expect(typecheckConsumer(app, { 'use.mts': "import { x } from 'bad';\nexport const y = x;\n" })).toEqual([
      "TS2304: Cannot find name 'NoSuchType'.",
    ]);
  });
});
