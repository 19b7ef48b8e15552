import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const preload = fileURLToPath(new URL('../src/exit-on-epipe.ts', import.meta.url));
const printer = fileURLToPath(new URL('./fixtures/printer.ts', import.meta.url));

/** Runs the printer, reads its first chunk, closes the pipe, and resolves with how the process ended. */
function readOneChunkAndHangUp(preloads: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...preloads, printer], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  child.stdout.once('data', () => child.stdout.destroy());
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

describe('a closed pipe (pnpm demo 05 | head)', () => {
  it('ends a printing process quietly with exit code 0 when the CLI preloads exit-on-epipe', async () => {
    const { code, stderr } = await readOneChunkAndHangUp(['--import', preload]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('is an unhandled EPIPE without it: the kit itself installs nothing', async () => {
    const { code, stderr } = await readOneChunkAndHangUp([]);
    expect(stderr).toMatch(/EPIPE/);
    expect(code).not.toBe(0);
  });
});
