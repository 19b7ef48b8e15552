import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { offlineEnv } from './_run.ts';
import {
  buildCjsWithEsbuild,
  buildWithTsc,
  copySampleLib,
  declareCjsTypes,
  type TscResult,
} from './build.ts';
import { createConsumer, type Installed, installTarball } from './consumer.ts';
import { npmPack, type PackResult } from './pack.ts';

/** A temporary folder for one run of the flow; `cleanup()` removes everything it holds. */
export interface Workspace {
  root: string;
  /** The environment every child gets: offline npm with its own cache, this Node first on PATH. */
  env: Record<string, string>;
  cleanup(): void;
}

export function createWorkspace(): Workspace {
  const root = mkdtempSync(join(tmpdir(), 'lab-packaging-'));
  const cache = join(root, 'npm-cache');
  mkdirSync(cache);
  return { root, env: offlineEnv(cache), cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export interface FlowResult {
  libDir: string;
  consumerDir: string;
  tsc: TscResult;
  pack: PackResult;
  installed: Installed;
  /** Wall-clock time of the two builds in this run, for the demo to show (the bench measures them properly). */
  buildMs: { tsc: number; esbuild: number };
}

/**
 * The whole path from source to a user's project: copy the sample library, build it (tsc: ESM + types;
 * esbuild: CJS), `npm pack`, then `npm install` the tarball into a fresh consumer — all with the registry
 * unreachable. What the consumer can then do is asked separately (`runProbe`, `runBin`, `typecheckConsumer`).
 */
export async function buildPackInstall(workspace: Workspace): Promise<FlowResult> {
  const libDir = copySampleLib(workspace.root);
  const t0 = performance.now();
  const tsc = buildWithTsc(libDir);
  const t1 = performance.now();
  if (tsc.errors.length > 0) throw new Error(`tsc refused the library:\n${tsc.errors.join('\n')}`);
  await buildCjsWithEsbuild(libDir);
  const buildMs = { tsc: t1 - t0, esbuild: performance.now() - t1 };
  declareCjsTypes(libDir);
  const pack = await npmPack(libDir, workspace.root, workspace.env);
  const consumerDir = createConsumer(workspace.root);
  const installed = await installTarball(consumerDir, pack.tarball, workspace.env);
  return { libDir, consumerDir, tsc, pack, installed, buildMs };
}
