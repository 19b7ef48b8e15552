import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONDITIONS, type ExportsTarget, resolveExports, SAMPLE_LIB_DIR } from '../src/index.ts';

const sample = (
  JSON.parse(readFileSync(join(SAMPLE_LIB_DIR, 'package.json'), 'utf8')) as { exports: ExportsTarget }
).exports;

describe('the sample library exports map, per condition set', () => {
  it.each([
    ['nodeImport', './dist/index.js', ['import', 'default']],
    ['nodeRequire', './dist/index.cjs', ['require', 'default']],
    ['typesImport', './dist/index.d.ts', ['import', 'types']],
    ['typesRequire', './dist/index.d.cts', ['require', 'types']],
  ] as const)('%s → %s via %j', (set, target, conditions) => {
    expect(resolveExports(sample, '.', CONDITIONS[set])).toEqual({ ok: true, target, key: '.', conditions });
  });

  it('a bundler for browsers matches neither import nor require here: not exported', () => {
    expect(resolveExports(sample, '.', ['browser'])).toMatchObject({
      ok: false,
      code: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
    });
  });

  it('exposes ./package.json and nothing else', () => {
    expect(resolveExports(sample, './package.json', CONDITIONS.nodeImport)).toMatchObject({
      target: './package.json',
    });
    for (const path of ['./dist/internal.js', './dist/index.js', './src/index.ts', './package', './']) {
      expect(resolveExports(sample, path, CONDITIONS.nodeImport), path).toEqual({
        ok: false,
        code: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
        message: `subpath '${path}' is not defined by "exports"`,
      });
    }
  });
});

describe('condition order is the object’s, not the resolver’s', () => {
  it('"default" before "types" hides the types: TypeScript gets the JavaScript file', () => {
    const wrong = { '.': { default: './index.js', types: './index.d.ts' } };
    const right = { '.': { types: './index.d.ts', default: './index.js' } };
    expect(resolveExports(wrong, '.', CONDITIONS.typesImport)).toMatchObject({
      target: './index.js',
      conditions: ['default'],
    });
    expect(resolveExports(right, '.', CONDITIONS.typesImport)).toMatchObject({
      target: './index.d.ts',
      conditions: ['types'],
    });
    expect(resolveExports(right, '.', CONDITIONS.nodeImport)).toMatchObject({ target: './index.js' });
  });

  it('"require" before "import" wins for a resolver that supports both', () => {
    const both = { require: './a.cjs', import: './a.mjs' };
    expect(resolveExports(both, '.', ['import', 'require'])).toMatchObject({ target: './a.cjs' });
    expect(resolveExports(both, '.', ['import'])).toMatchObject({ target: './a.mjs' });
  });

  it('a nested condition with no match falls through to the next key', () => {
    const map = { '.': { node: { require: './node.cjs' }, default: './any.js' } };
    expect(resolveExports(map, '.', CONDITIONS.nodeImport)).toMatchObject({
      target: './any.js',
      conditions: ['default'],
    });
    expect(resolveExports(map, '.', CONDITIONS.nodeRequire)).toMatchObject({
      target: './node.cjs',
      conditions: ['node', 'require'],
    });
  });
});

describe('the shapes an exports field can take', () => {
  it('a string is sugar for { ".": string }', () => {
    expect(resolveExports('./main.js', '.', [])).toEqual({
      ok: true,
      target: './main.js',
      key: '.',
      conditions: [],
    });
    expect(resolveExports('./main.js', './x', [])).toMatchObject({ code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
  });

  it('a conditions object without "." keys is sugar too', () => {
    expect(
      resolveExports({ import: './m.js', require: './c.cjs' }, '.', CONDITIONS.nodeRequire),
    ).toMatchObject({
      target: './c.cjs',
    });
  });

  it('mixing subpaths and conditions at one level is an invalid config', () => {
    expect(resolveExports({ '.': './a.js', import: './b.js' }, '.', [])).toMatchObject({
      code: 'ERR_INVALID_PACKAGE_CONFIG',
    });
    expect(
      resolveExports({ '.': { import: './a.js', './x': './y.js' } }, '.', CONDITIONS.nodeImport),
    ).toMatchObject({
      code: 'ERR_INVALID_PACKAGE_CONFIG',
    });
  });

  it('a target outside the package (no ./) is invalid, not merely missing', () => {
    expect(resolveExports({ '.': '../secret.js' }, '.', [])).toMatchObject({
      code: 'ERR_INVALID_PACKAGE_TARGET',
    });
    expect(resolveExports({ '.': 'lodash' }, '.', [])).toMatchObject({ code: 'ERR_INVALID_PACKAGE_TARGET' });
  });

  it('null blocks a subpath a pattern would otherwise expose', () => {
    const map = { './features/*.js': './src/features/*.js', './features/internal/*': null };
    expect(resolveExports(map, './features/a.js', [])).toMatchObject({
      target: './src/features/a.js',
      key: './features/*.js',
    });
    expect(resolveExports(map, './features/internal/x.js', [])).toMatchObject({
      code: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
    });
  });

  it('the longest pattern prefix wins and * may span folders', () => {
    const map = { './*': './dist/*.js', './utils/*': './dist/utils/*.mjs' };
    expect(resolveExports(map, './utils/deep/x', [])).toMatchObject({
      target: './dist/utils/deep/x.mjs',
      key: './utils/*',
    });
    expect(resolveExports(map, './top', [])).toMatchObject({ target: './dist/top.js', key: './*' });
  });

  it('a pattern needs its suffix and a * that matches at least one character, as in Node', () => {
    const map = { './icons/*.svg': './assets/*.svg' };
    expect(resolveExports(map, './icons/a.svg', [])).toMatchObject({ target: './assets/a.svg' });
    expect(resolveExports(map, './icons/a.png', [])).toMatchObject({ ok: false });
    expect(resolveExports(map, './icons.svg', [])).toMatchObject({ ok: false });
    expect(resolveExports({ './a*b*': './x' }, './a1b2', [])).toMatchObject({ ok: false });
    // Node: require.resolve('p/icons/.svg') is ERR_PACKAGE_PATH_NOT_EXPORTED, an empty * is no match.
    expect(resolveExports(map, './icons/.svg', [])).toMatchObject({ code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
    expect(resolveExports(map, './icons/x.svg', [])).toMatchObject({ target: './assets/x.svg' });
    // The prefix and suffix may not overlap: './a*a' does not match './a'.
    expect(resolveExports({ './a*a': './x/*' }, './a', [])).toMatchObject({ ok: false });
    expect(resolveExports({ './a*a': './x/*' }, './aba', [])).toMatchObject({ target: './x/b' });
  });

  it('between patterns with the same prefix, the longer key wins, whatever the order (as Node picks)', () => {
    const expected = { ok: true, target: './long/b.js', key: './a*.js', conditions: [] };
    expect(resolveExports({ './a*': './short/*', './a*.js': './long/*.js' }, './ab.js', [])).toEqual(
      expected,
    );
    expect(resolveExports({ './a*.js': './long/*.js', './a*': './short/*' }, './ab.js', [])).toEqual(
      expected,
    );
    expect(resolveExports({ './a*': './short/*', './a*.js': './long/*.js' }, './ab.cjs', [])).toMatchObject({
      target: './short/b.cjs',
    });
  });

  it('a longer prefix beats a longer key, in either order', () => {
    const utils = { './utils/*': './u/*.js' };
    const other = { './*/deep/x.js': './other.js' };
    for (const map of [
      { ...utils, ...other },
      { ...other, ...utils },
    ]) {
      expect(resolveExports(map, './utils/deep/x.js', [])).toMatchObject({
        target: './u/deep/x.js.js',
        key: './utils/*',
      });
    }
  });

  it('a key with no * or with two is never a pattern', () => {
    expect(resolveExports({ './a': './a.js' }, './b/./a', [])).toMatchObject({ ok: false });
    expect(resolveExports({ './a*b*': './x' }, './a1b*', [])).toMatchObject({ ok: false });
  });

  it('an exact key maps to its target as written, * and all', () => {
    expect(resolveExports({ './a': './x*.js' }, './a', [])).toMatchObject({ target: './x*.js' });
  });

  it('null as the whole exports field exports nothing', () => {
    expect(resolveExports(null, '.', [])).toEqual({
      ok: false,
      code: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
      message: `subpath '.' is not defined by "exports"`,
    });
  });

  it('says in its message what is wrong with an invalid target or config', () => {
    expect(resolveExports({ '.': '../secret.js' }, '.', [])).toMatchObject({
      message: 'target ../secret.js must start with ./',
    });
    expect(resolveExports({ '.': { import: './a.js', './x': './y.js' } }, '.', ['import'])).toMatchObject({
      message: '"./x" inside a conditions object',
    });
    expect(resolveExports({ '.': './a.js', import: './b.js' }, '.', [])).toMatchObject({
      message: 'exports mixes subpaths (".…") with conditions',
    });
  });

  it('an array is a list of fallbacks: the first valid one wins, an invalid one is skipped', () => {
    expect(resolveExports({ '.': [{ worker: './w.js' }, './main.js'] }, '.', [])).toMatchObject({
      target: './main.js',
    });
    expect(resolveExports({ '.': ['nope', './main.js'] }, '.', [])).toMatchObject({ target: './main.js' });
    expect(resolveExports({ '.': ['./first.js', './main.js'] }, '.', [])).toMatchObject({
      target: './first.js',
    });
    expect(resolveExports({ '.': ['./main.js', 'nope'] }, '.', [])).toMatchObject({ target: './main.js' });
    expect(resolveExports({ '.': ['nope'] }, '.', [])).toMatchObject({ code: 'ERR_INVALID_PACKAGE_TARGET' });
    expect(resolveExports({ '.': [{ './x': './y.js' }, './main.js'] }, '.', [])).toMatchObject({
      code: 'ERR_INVALID_PACKAGE_CONFIG',
    });
    expect(resolveExports({ '.': [] }, '.', [])).toMatchObject({ code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
  });

  it('a subpath holding * literally is never an exact match', () => {
    expect(resolveExports({ './*': './dist/*.js' }, './*', [])).toMatchObject({ target: './dist/*.js' });
  });
});
