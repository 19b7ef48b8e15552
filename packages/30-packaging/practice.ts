import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'caret-below-one',
      prompt:
        'A dependency is at 0.2.3 and package.json says ^0.2.3. Which updates will a fresh install accept?',
      code: `import { satisfies } from './src/semver.ts';

for (const v of ['0.2.9', '0.3.0', '1.0.0']) {
  console.log(v, satisfies(v, '^0.2.3'));
}`,
      output: '0.2.9 true\n0.3.0 false\n1.0.0 false',
      explain:
        'The caret keeps the left-most non-zero digit fixed. Below 1.0.0 that is the minor, so ^0.2.3 means >=0.2.3 <0.3.0: 0.x minors are treated as breaking, and you only get patches.',
      see: { section: 'ranges', file: 'src/semver.ts' },
    },
    {
      id: 'prerelease-not-picked',
      prompt: 'The registry has 1.2.3, 1.9.0 and 2.0.0-rc.1. What does each range install?',
      code: `import { maxSatisfying } from './src/semver.ts';

const published = ['1.2.3', '1.9.0', '2.0.0-rc.1'];
console.log(maxSatisfying(published, '>=1.2.3'));
console.log(maxSatisfying(published, '^1.2.3'));
console.log(maxSatisfying(published, '^2.0.0-rc.0'));`,
      output: '1.9.0\n1.9.0\n2.0.0-rc.1',
      explain:
        '2.0.0-rc.1 is above 1.2.3, yet >=1.2.3 skips it: a prerelease is admitted only when the range itself names a prerelease of the same x.y.z. That is how nobody gets a release candidate by accident.',
      see: { section: 'ranges', file: 'src/semver.ts' },
    },
    {
      id: 'default-before-types',
      prompt:
        'A package writes "default" before "types" in its exports. What does TypeScript (types, node, import) get?',
      code: `import { CONDITIONS, resolveExports } from './src/exports-map.ts';

const exportsField = { '.': { default: './index.js', types: './index.d.ts' } };
const r = resolveExports(exportsField, '.', CONDITIONS.typesImport);
console.log(r.ok && r.target, r.ok && r.conditions.join(','));`,
      output: './index.js default',
      explain:
        'Conditions are tried in the object’s key order and "default" always matches, so everything after it is dead. TypeScript gets a JavaScript file and the types are lost: "types" goes first, "default" last.',
      see: { section: 'manifest', file: 'src/exports-map.ts' },
    },
    {
      id: 'deep-import-not-exported',
      prompt: 'The file exists in the package. Can a consumer import it directly?',
      code: `import { CONDITIONS, resolveExports } from './src/exports-map.ts';

const exportsField = { '.': './dist/index.js', './package.json': './package.json' };
for (const path of ['.', './dist/index.js', './package.json']) {
  const r = resolveExports(exportsField, path, CONDITIONS.nodeImport);
  console.log(path, r.ok ? r.target : r.code);
}`,
      output:
        '. ./dist/index.js\n./dist/index.js ERR_PACKAGE_PATH_NOT_EXPORTED\n./package.json ./package.json',
      explain:
        'Once a package has "exports", only the listed subpaths exist for consumers, even files that are in the tarball. Adding exports to an existing package is therefore a breaking change for anyone who deep-imported.',
      see: { section: 'consume', file: 'src/exports-map.ts' },
    },
  ],
});
