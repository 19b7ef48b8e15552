import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SERVICE_LAYERS } from '../../src/architecture/index.ts';
import {
  checkLayers,
  describeViolation,
  layerOf,
  OUTSIDE_LAYERS,
  resolveSpecifier,
} from '../../src/architecture/layers.ts';
import { readSourceTree } from '../../src/architecture/source-tree.ts';

const folder = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const check = (files: Record<string, string>) => checkLayers(new Map(Object.entries(files)), SERVICE_LAYERS);

describe("this topic's own src/", () => {
  const report = checkLayers(readSourceTree(folder('../../src')), SERVICE_LAYERS);

  it('has no upward import', () => {
    expect(report.violations.map(describeViolation)).toEqual([]);
  });

  it('has every downward edge the layering promises, and no layer skips the one below it to reach pg', () => {
    const pairs = new Set(report.edges.map((e) => `${e.fromLayer} → ${e.toLayer}`));
    for (const pair of [
      'api → services',
      'services → repositories',
      'services → models',
      'repositories → models',
    ])
      expect(pairs).toContain(pair);
    expect([...(report.packages.get('services') ?? [])]).not.toContain('pg');
    expect([...(report.packages.get('models') ?? [])]).toEqual(['zod']);
    expect(report.packages.get('api')).toEqual(new Set(['express', '@lab/common/problem']));
  });
});

describe('the fixture with an upward import (test/fixtures/upward)', () => {
  const fixture = folder('../fixtures/upward');
  const report = checkLayers(readSourceTree(fixture), SERVICE_LAYERS);
  // Lines are looked up, not typed: a tool that prepends a header to every file (Stryker) must not break this.
  const lineOf = (file: string, text: string) =>
    readFileSync(`${fixture}/${file}`, 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(text)) + 1;
  const upward = lineOf('models/greeting.ts', "import { shout } from '../services/shout.ts'");

  it('fails with exactly one violation, named by file, line and layers', () => {
    expect(upward).toBeGreaterThan(0);
    expect(report.violations.map(describeViolation)).toEqual([
      `models/greeting.ts:${upward} models → services (static import of '../services/shout.ts')`,
    ]);
  });

  it('still sees the allowed edges: a dynamic import and a type-only import downward', () => {
    expect(report.edges.map((e) => `${e.from}:${e.line} ${e.kind} → ${e.to}`)).toEqual([
      `api/routes.ts:${lineOf('api/routes.ts', "from '../services/greeter.ts'")} static → services/greeter.ts`,
      `api/routes.ts:${lineOf('api/routes.ts', "import('../models/greeting.ts')")} dynamic → models/greeting.ts`,
      `models/greeting.ts:${upward} static → services/shout.ts`,
      `services/greeter.ts:${lineOf('services/greeter.ts', 'import type')} type → models/greeting.ts`,
      `services/greeter.ts:${lineOf('services/greeter.ts', "from './shout.ts'")} static → services/shout.ts`,
    ]);
  });
});

describe('checkLayers rules', () => {
  it('flags an upward re-export, dynamic import and type-only import alike', () => {
    const report = check({
      'models/a.ts': "export { x } from '../repositories/x.ts';",
      'repositories/x.ts': "export const x = () => import('../services/s.ts');",
      'services/s.ts': "import type { App } from '../api/app.ts';",
      'api/app.ts': 'export type App = string;',
    });
    expect(report.violations.map((v) => `${v.fromLayer}→${v.toLayer} ${v.kind}`)).toEqual([
      'models→repositories re-export',
      'repositories→services dynamic',
      'services→api type',
    ]);
  });

  it('allows same-layer and downward imports at every distance (api → models skips two layers)', () => {
    const report = check({
      'api/a.ts': "import '../models/m.ts'; import './b.ts';",
      'api/b.ts': '',
      'models/m.ts': '',
    });
    expect(report.edges).toHaveLength(2);
    expect(report.violations).toEqual([]);
  });

  it('flags a layer importing the root barrel (it would import every layer, itself included)', () => {
    const report = check({
      'index.ts': "export * from './models/m.ts';",
      'models/m.ts': "import { x } from '../index.ts';",
    });
    expect(report.violations.map(describeViolation)).toEqual([
      `models/m.ts:1 models → ${OUTSIDE_LAYERS} (static import of '../index.ts')`,
    ]);
  });

  it('lets files outside the layers import any layer (the composition root wires them all)', () => {
    const report = check({ 'compose.ts': "import '../src/api/a.ts'; import './api/a.ts';", 'api/a.ts': '' });
    expect(report.violations).toEqual([]);
    expect(report.edges.map((e) => e.toLayer)).toEqual([OUTSIDE_LAYERS, 'api']);
  });

  it('counts package imports by layer instead of as edges', () => {
    const report = check({ 'repositories/r.ts': "import pg from 'pg';\nimport { join } from 'node:path';" });
    expect(report.edges).toEqual([]);
    expect(report.packages.get('repositories')).toEqual(new Set(['pg', 'node:path']));
  });
});

describe('checkLayers output', () => {
  it('lists edges by file path then line, whatever order the tree was read in', () => {
    const report = check({
      'services/s.ts': "import '../models/m.ts';",
      'api/b.ts': "import '../services/s.ts';\nimport '../models/m.ts';",
      'api/a.ts': "import '../models/m.ts';",
      'models/m.ts': '',
    });
    expect(report.edges.map((e) => `${e.from}:${e.line}`)).toEqual([
      'api/a.ts:1',
      'api/b.ts:1',
      'api/b.ts:2',
      'services/s.ts:1',
    ]);
  });

  it('names the pseudo-layer of files outside the layers', () => {
    expect(OUTSIDE_LAYERS).toBe('(outside the layers)');
  });

  it('collects several packages of one layer in one set', () => {
    const report = check({
      'api/a.ts': "import express from 'express';",
      'api/b.ts': "import { z } from 'zod';\nimport express from 'express';",
    });
    expect(report.packages).toEqual(new Map([['api', new Set(['express', 'zod'])]]));
  });
});

describe('layerOf and resolveSpecifier', () => {
  it('gives a file the layer of its first folder, or OUTSIDE_LAYERS', () => {
    expect(layerOf('api/app.ts', SERVICE_LAYERS)).toBe('api');
    expect(layerOf('models/deep/x.ts', SERVICE_LAYERS)).toBe('models');
    expect(layerOf('index.ts', SERVICE_LAYERS)).toBe(OUTSIDE_LAYERS);
    expect(layerOf('api.ts', SERVICE_LAYERS)).toBe(OUTSIDE_LAYERS);
    expect(layerOf('architecture/layers.ts', SERVICE_LAYERS)).toBe(OUTSIDE_LAYERS);
  });

  it('resolves as written, .js to .ts, an added .ts, or a folder index.ts', () => {
    const tree = new Map([
      ['models/user.ts', ''],
      ['models/index.ts', ''],
    ]);
    expect(resolveSpecifier(tree, 'api/a.ts', '../models/user.ts')).toBe('models/user.ts');
    expect(resolveSpecifier(tree, 'api/a.ts', '../models/user.js')).toBe('models/user.ts');
    expect(resolveSpecifier(tree, 'api/a.ts', '../models/user')).toBe('models/user.ts');
    expect(resolveSpecifier(tree, 'api/a.ts', '../models')).toBe('models/index.ts');
    expect(resolveSpecifier(tree, 'api/a.ts', '../models/missing.ts')).toBe('models/missing.ts');
    // Only a final .js becomes .ts: a.json.js is a.json.ts, not a.tson.js.
    const dotted = new Map([['models/a.json.ts', '']]);
    expect(resolveSpecifier(dotted, 'api/a.ts', '../models/a.json.js')).toBe('models/a.json.ts');
  });
});
