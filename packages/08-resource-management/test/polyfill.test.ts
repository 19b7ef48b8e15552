import { describe, expect, it, vi } from 'vitest';
import '../src/polyfill.ts';

const NAMES = ['SuppressedError', 'DisposableStack', 'AsyncDisposableStack'] as const;
type Name = (typeof NAMES)[number];
type Installed = {
  polyfilled: string[];
  SuppressedError: SuppressedErrorConstructor;
  DisposableStack: DisposableStackConstructor;
  AsyncDisposableStack: AsyncDisposableStackConstructor;
};

/**
 * Evaluates another copy of src/polyfill.ts — as a second library bundling it would — in a runtime that
 * lacks the `missing` globals, and returns what that copy reported and the globals it left. The globals of
 * this process are put back afterwards, so this works the same on Node 20 (polyfilled) and 24 (native).
 */
async function anotherCopy(missing: readonly Name[] = []): Promise<Installed> {
  const g = globalThis as unknown as Record<Name, unknown>;
  const before = Object.fromEntries(NAMES.map((name) => [name, g[name]]));
  for (const name of missing) delete g[name];
  try {
    vi.resetModules();
    const { polyfilled } = await import('../src/polyfill.ts');
    return {
      polyfilled,
      ...(Object.fromEntries(NAMES.map((name) => [name, g[name]])) as Omit<Installed, 'polyfilled'>),
    };
  } finally {
    Object.assign(g, before);
  }
}

describe('installing', () => {
  it('a second copy installs nothing and leaves the globals it found', async () => {
    const copy = await anotherCopy();
    expect(copy.polyfilled).toEqual([]);
    expect(copy.DisposableStack).toBe(DisposableStack);
    expect(copy.AsyncDisposableStack).toBe(AsyncDisposableStack);
    expect(copy.SuppressedError).toBe(SuppressedError);
  });

  it('installs exactly the globals that are missing, and says which', async () => {
    const copy = await anotherCopy(['DisposableStack']);
    expect(copy.polyfilled).toEqual(['DisposableStack']);
    expect(copy.DisposableStack).not.toBe(DisposableStack);
    expect(copy.AsyncDisposableStack).toBe(AsyncDisposableStack);
    expect(copy.SuppressedError).toBe(SuppressedError);
  });
});

describe("the polyfill's own errors (what Node 20 shows)", () => {
  it('SuppressedError keeps both errors and has a default message', async () => {
    const { SuppressedError: Suppressed } = await anotherCopy(NAMES);
    const newer = new Error('newer');
    const older = new Error('older');
    const error = new Suppressed(newer, older);
    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.message]).toEqual([
      'SuppressedError',
      'An error was suppressed during disposal',
    ]);
    expect([error.error, error.suppressed]).toEqual([newer, older]);
    expect(new Suppressed(newer, older, 'closing the pool').message).toBe('closing the pool');
  });

  it('a disposed stack refuses new work by name, and a value without a dispose method is named too', async () => {
    const { DisposableStack: Sync, AsyncDisposableStack: Async } = await anotherCopy(NAMES);
    const stack = new Sync();
    expect(() => stack.use({} as Disposable)).toThrow(new TypeError('value is not disposable'));
    stack.dispose();
    expect(() => stack.defer(() => {})).toThrow(new ReferenceError('DisposableStack already disposed'));

    const async = new Async();
    expect(() => async.use({} as AsyncDisposable)).toThrow(new TypeError('value is not disposable'));
    await async.disposeAsync();
    expect(() => async.defer(() => {})).toThrow(new ReferenceError('AsyncDisposableStack already disposed'));
  });
});
