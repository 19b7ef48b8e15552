import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** One yes/no question put to V8 about hidden classes, and V8's answer. */
export interface ShapeFinding {
  id: string;
  question: string;
  answer: boolean;
}

const PROBE = fileURLToPath(new URL('./_shape-probe.mjs', import.meta.url));

/**
 * Asks V8 itself which objects share a hidden class (`%HaveSameMap`) and which fell into dictionary mode
 * (`%HasFastProperties`). Those intrinsics exist only under `--allow-natives-syntax`, a flag no production
 * process should carry, so the questions run in a child Node started with it; this process stays normal.
 */
export async function probeShapes(): Promise<ShapeFinding[]> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--allow-natives-syntax', PROBE], {
    // The child inherits nothing that would load a TypeScript loader into a plain .mjs run.
    env: { ...process.env, NODE_OPTIONS: '' },
    timeout: 10_000,
  });
  return parseFindings(stdout);
}

/** Parses and checks the probe's output, so a changed probe fails loudly instead of printing `undefined`. */
export function parseFindings(stdout: string): ShapeFinding[] {
  const parsed: unknown = JSON.parse(stdout);
  if (!Array.isArray(parsed)) throw new TypeError('shape probe: expected a JSON array');
  return parsed.map((item: unknown, i) => {
    const { id, question, answer } = (item ?? {}) as Record<string, unknown>;
    if (typeof id !== 'string' || typeof question !== 'string' || typeof answer !== 'boolean') {
      throw new TypeError(`shape probe: finding ${i} is not { id, question, answer: boolean }`);
    }
    return { id, question, answer };
  });
}
