import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPackInstall, createWorkspace } from '../src/flow.ts';

describe('createWorkspace', () => {
  it('makes a fresh temporary folder with an npm cache of its own that the offline env points at', () => {
    const workspace = createWorkspace();
    try {
      expect(dirname(workspace.root)).toBe(tmpdir());
      expect(basename(workspace.root)).toMatch(/^lab-packaging-.{6}$/);
      expect(readdirSync(workspace.root)).toEqual(['npm-cache']);
      expect(statSync(join(workspace.root, 'npm-cache')).isDirectory()).toBe(true);
      expect(workspace.env).toMatchObject({
        npm_config_cache: join(workspace.root, 'npm-cache'),
        npm_config_offline: 'true',
        npm_config_registry: 'http://127.0.0.1:9/',
      });
    } finally {
      workspace.cleanup();
    }
  });

  it('cleanup removes the folder with everything in it, and may be called again', () => {
    const workspace = createWorkspace();
    mkdirSync(join(workspace.root, 'app', 'node_modules'), { recursive: true });
    writeFileSync(join(workspace.root, 'app', 'node_modules', 'x.js'), '');
    workspace.cleanup();
    expect(existsSync(workspace.root)).toBe(false);
    workspace.cleanup();
    expect(existsSync(workspace.root)).toBe(false);
  });

  it('gives each workspace its own folder', () => {
    const a = createWorkspace();
    const b = createWorkspace();
    try {
      expect(a.root).not.toBe(b.root);
    } finally {
      a.cleanup();
      b.cleanup();
    }
  });
});

describe('buildPackInstall', () => {
  it('refuses a library tsc rejects, before packing or installing anything', async () => {
    const workspace = createWorkspace();
    try {
      // copySampleLib copies over what is there, so a file placed first stays in the library it builds.
      const broken = join(workspace.root, 'tiny-slug', 'src', 'broken.ts');
      mkdirSync(dirname(broken), { recursive: true });
      writeFileSync(broken, "export const n: number = 'x';\nexport const s: string = 1;\n");
      const at = relative(process.cwd(), broken);
      await expect(buildPackInstall(workspace)).rejects.toThrow(
        new Error(
          'tsc refused the library:\n' +
            `${at}(1,14): error TS2322: Type 'string' is not assignable to type 'number'.\n` +
            `${at}(2,14): error TS2322: Type 'number' is not assignable to type 'string'.`,
        ),
      );
      expect(readdirSync(workspace.root).sort()).toEqual(['npm-cache', 'tiny-slug']);
      expect(readdirSync(join(workspace.root, 'tiny-slug', 'dist'))).not.toContain('index.cjs');
    } finally {
      workspace.cleanup();
    }
  });
});
