import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { testSchema } from '@lab/common/testing';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { readReadme, topicIndex, withTopicIndex } from '../src/readme-index.ts';
import { listTopics, repoRoot, validateLabField } from '../src/topics.ts';

/** The README sections CONTRIBUTING.md and the GUIDE ask for, in order. */
const README_SECTIONS = [
  '## The question',
  '## The 30-second answer',
  '## Python → TypeScript',
  '## Walkthrough',
  '## Pitfalls',
  '## Measured',
  '## Follow-up questions',
  '## Run it',
];

const folders = readdirSync(join(repoRoot, 'packages')).filter((f) => /^\d\d-/.test(f));

/** Every .ts file under `dir` (recursively), skipping node_modules. */
function tsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * The module specifiers a file imports: static, side-effect, re-export and dynamic `import('…')`. The
 * TypeScript scanner reads tokens, so an import spelled in a comment or inside a string (a demo printing
 * code) is not one.
 */
function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, false).importedFiles.map((f) => f.fileName);
}

const packageName = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? '');

const rootPkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  devDependencies?: Record<string, string>;
};

describe('importsOf (what the structure test reads as an import)', () => {
  it('finds static, side-effect, type, re-export and dynamic imports, and nothing in comments or strings', () => {
    const source = [
      "import a from 'static-a';",
      "import type { B } from 'type-b';",
      "import 'side-c';",
      "export { d } from 're-export-d';",
      "const e = await import('dynamic-e');",
      "// see import('comment-f') and: import g from 'comment-g';",
      'const h = "import h from \'string-h\'";',
    ].join('\n');
    expect(importsOf(source).sort()).toEqual(['dynamic-e', 're-export-d', 'side-c', 'static-a', 'type-b']);
  });
});

describe('every topic package', () => {
  it('exists for every folder and has a valid "lab" field', () => {
    expect(folders.length).toBeGreaterThan(0);
    for (const folder of folders) {
      const pkg = JSON.parse(readFileSync(join(repoRoot, 'packages', folder, 'package.json'), 'utf8'));
      expect(validateLabField(folder, pkg), folder).toEqual([]);
    }
    expect(listTopics().length).toBe(folders.length);
  });

  describe.each(listTopics().map((t) => [t.id, t] as const))('%s', (_, topic) => {
    const has = (path: string) => existsSync(join(topic.dir, path));
    const filesIn = (dir: string, suffix: string) =>
      has(dir) ? readdirSync(join(topic.dir, dir)).filter((f) => f.endsWith(suffix)) : [];

    it('has the GUIDE parts: README, src/index.ts, demo.ts, tests and benchmarks', () => {
      const missing = ['README.md', 'src/index.ts', 'demo.ts', 'tsconfig.json'].filter((p) => !has(p));
      expect(missing).toEqual([]);
      // Tests may mirror src/ in subfolders (test/models/…), as vitest's include does.
      expect(tsFiles(join(topic.dir, 'test')).filter((f) => f.endsWith('.test.ts')).length).toBeGreaterThan(
        0,
      );
      expect(filesIn('bench', '.bench.ts').length).toBeGreaterThan(0);
    });

    it('has the README sections, in order', () => {
      const readme = readFileSync(join(topic.dir, 'README.md'), 'utf8');
      const positions = README_SECTIONS.map((s) => readme.search(new RegExp(`^${s}\\b`, 'm')));
      expect(README_SECTIONS.filter((_, i) => positions[i] === -1)).toEqual([]);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(readme).toContain(`pnpm demo ${topic.slug}`);
      expect(readme).toMatch(/Otherwise:/);
    });

    it('imports only the kit, its own files, its npm dependencies and the topics it declares', () => {
      const pkg = JSON.parse(readFileSync(join(topic.dir, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
        devDependencies?: Record<string, string>;
      };
      const npm = new Set([
        ...Object.keys(pkg.dependencies ?? {}),
        ...Object.keys(pkg.devDependencies ?? {}),
        // The repo's own tools every package runs under.
        ...Object.keys(rootPkg.devDependencies ?? {}).filter((n) => !n.startsWith('@lab/')),
      ]);
      const declared = new Set(topic.buildsOn.map((slug) => `@lab/${slug}`));
      const files = [
        ...['src', 'test', 'bench'].flatMap((d) => tsFiles(join(topic.dir, d))),
        ...['demo.ts', 'practice.ts'].map((f) => join(topic.dir, f)).filter(existsSync),
      ];
      const offending: string[] = [];
      for (const file of files) {
        for (const spec of importsOf(readFileSync(file, 'utf8'))) {
          const where = `${relative(topic.dir, file)}: ${spec}`;
          if (spec.startsWith('.')) {
            const target = resolve(dirname(file), spec);
            if (relative(topic.dir, target).startsWith('..')) offending.push(`${where} (outside the topic)`);
            continue;
          }
          const name = packageName(spec);
          if (spec.startsWith('node:') || builtinModules.includes(name)) continue;
          if (name === '@lab/common') continue;
          if (name.startsWith('@lab/')) {
            if (!declared.has(name)) offending.push(`${where} (declare it in "lab": { "buildsOn" })`);
            continue;
          }
          if (!npm.has(name)) offending.push(`${where} (not a dependency in package.json)`);
        }
      }
      expect(offending).toEqual([]);
      // And what it declares, it depends on: pnpm links only declared workspace packages.
      for (const name of declared) expect(Object.keys(pkg.dependencies ?? {}), name).toContain(name);
    });

    it('default-exports definePractice(...) from practice.ts, when it has one', () => {
      if (!has('practice.ts')) return;
      expect(readFileSync(join(topic.dir, 'practice.ts'), 'utf8')).toMatch(/export default definePractice\(/);
    });

    it('runs its demo inside runDemo (so services are released and failures exit non-zero)', () => {
      expect(readFileSync(join(topic.dir, 'demo.ts'), 'utf8')).toMatch(/runDemo\(/);
    });

    it('takes pg clients out of a pool with checkout() in src/ (a bare pool.connect() crashes on a lost connection)', () => {
      const bare = tsFiles(join(topic.dir, 'src')).filter((file) =>
        /^(?!\s*(\/\/|\*)).*\bpool\.connect\(\s*\)/im.test(readFileSync(file, 'utf8')),
      );
      expect(bare.map((file) => relative(topic.dir, file))).toEqual([]);
    });
  });
});

describe('test isolation names', () => {
  it('are distinct for every test file in the repo (testSchema(import.meta.url))', () => {
    const files = listTopics().flatMap((t) =>
      tsFiles(join(t.dir, 'test')).filter((f) => f.endsWith('.test.ts')),
    );
    const names = files.map((f) => testSchema(pathToFileURL(f).href));
    expect(files.length).toBeGreaterThan(0);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(63);
  });
});

describe('README topic index', () => {
  it('matches the packages (run `pnpm topics:index` if this fails)', () => {
    const readme = readReadme();
    expect(withTopicIndex(readme, topicIndex())).toBe(readme);
  });
});
