/**
 * Explicit resource management on Node 20: `Symbol.dispose` and `Symbol.asyncDispose` exist and tsx
 * lowers `using` declarations, but `DisposableStack`, `AsyncDisposableStack` and `SuppressedError` arrived
 * with V8 13.x (Node 24). This module installs exactly those three, and only when they are missing.
 */

/** Which globals this process got from the polyfill (empty on Node 24+). */
export const polyfilled: string[] = [];

type Globals = {
  SuppressedError?: SuppressedErrorConstructor;
  DisposableStack?: DisposableStackConstructor;
  AsyncDisposableStack?: AsyncDisposableStackConstructor;
};
const g = globalThis as Globals;

class SuppressedErrorPolyfill extends Error {
  override name = 'SuppressedError';
  constructor(
    readonly error: unknown,
    readonly suppressed: unknown,
    message = 'An error was suppressed during disposal',
  ) {
    super(message);
  }
}

const Suppressed: new (error: unknown, suppressed: unknown, message?: string) => Error =
  g.SuppressedError ?? SuppressedErrorPolyfill;

/** Runs disposers last-in first-out; a later failure wraps the earlier one, as the spec requires. */
function disposeAll(disposers: Array<() => void>): void {
  let failed = false;
  let failure: unknown;
  while (disposers.length > 0) {
    const dispose = disposers.pop()!;
    try {
      dispose();
    } catch (error) {
      failure = failed ? new Suppressed(error, failure) : error;
      failed = true;
    }
  }
  if (failed) throw failure;
}

async function disposeAllAsync(disposers: Array<() => unknown>): Promise<void> {
  let failed = false;
  let failure: unknown;
  while (disposers.length > 0) {
    const dispose = disposers.pop()!;
    try {
      await dispose();
    } catch (error) {
      failure = failed ? new Suppressed(error, failure) : error;
      failed = true;
    }
  }
  if (failed) throw failure;
}

class DisposableStackPolyfill {
  #disposers: Array<() => void> = [];
  #disposed = false;

  get disposed(): boolean {
    return this.#disposed;
  }

  #check(): void {
    if (this.#disposed) throw new ReferenceError('DisposableStack already disposed');
  }

  use<T extends Disposable | null | undefined>(value: T): T {
    this.#check();
    if (value != null) {
      const dispose = value[Symbol.dispose];
      if (typeof dispose !== 'function') throw new TypeError('value is not disposable');
      this.#disposers.push(() => dispose.call(value));
    }
    return value;
  }

  adopt<T>(value: T, onDispose: (value: T) => void): T {
    this.#check();
    this.#disposers.push(() => onDispose(value));
    return value;
  }

  defer(onDispose: () => void): void {
    this.#check();
    this.#disposers.push(onDispose);
  }

  move(): DisposableStackPolyfill {
    this.#check();
    const next = new DisposableStackPolyfill();
    next.#disposers = this.#disposers;
    this.#disposers = [];
    this.#disposed = true;
    return next;
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    disposeAll(this.#disposers);
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  get [Symbol.toStringTag](): string {
    return 'DisposableStack';
  }
}

class AsyncDisposableStackPolyfill {
  #disposers: Array<() => unknown> = [];
  #disposed = false;

  get disposed(): boolean {
    return this.#disposed;
  }

  #check(): void {
    if (this.#disposed) throw new ReferenceError('AsyncDisposableStack already disposed');
  }

  use<T extends AsyncDisposable | Disposable | null | undefined>(value: T): T {
    this.#check();
    if (value != null) {
      const v = value as Partial<AsyncDisposable & Disposable>;
      const dispose = v[Symbol.asyncDispose] ?? v[Symbol.dispose];
      if (typeof dispose !== 'function') throw new TypeError('value is not disposable');
      this.#disposers.push(() => dispose.call(value));
    }
    return value;
  }

  adopt<T>(value: T, onDisposeAsync: (value: T) => unknown): T {
    this.#check();
    this.#disposers.push(() => onDisposeAsync(value));
    return value;
  }

  defer(onDisposeAsync: () => unknown): void {
    this.#check();
    this.#disposers.push(onDisposeAsync);
  }

  move(): AsyncDisposableStackPolyfill {
    this.#check();
    const next = new AsyncDisposableStackPolyfill();
    next.#disposers = this.#disposers;
    this.#disposers = [];
    this.#disposed = true;
    return next;
  }

  async disposeAsync(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    await disposeAllAsync(this.#disposers);
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.disposeAsync();
  }

  get [Symbol.toStringTag](): string {
    return 'AsyncDisposableStack';
  }
}

if (!g.SuppressedError) {
  g.SuppressedError = SuppressedErrorPolyfill as unknown as SuppressedErrorConstructor;
  polyfilled.push('SuppressedError');
}
if (!g.DisposableStack) {
  g.DisposableStack = DisposableStackPolyfill as unknown as DisposableStackConstructor;
  polyfilled.push('DisposableStack');
}
if (!g.AsyncDisposableStack) {
  g.AsyncDisposableStack = AsyncDisposableStackPolyfill as unknown as AsyncDisposableStackConstructor;
  polyfilled.push('AsyncDisposableStack');
}
