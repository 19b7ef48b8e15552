import { deferred } from '@lab/common/sync';
import { describe, expect, it } from 'vitest';
import { polyfilled, tracked } from '../src/index.ts';

/** What `run` threw (synchronously or by rejecting); fails the test if it did not throw. */
async function thrown(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

const fail = (log: string[], name: string) => () => {
  log.push(name);
  throw new Error(`${name} failed`);
};

describe('DisposableStack (native on Node 24+, polyfilled before)', () => {
  it('polyfills exactly what the runtime lacks: all three before Node 24, nothing from 24 on', () => {
    const major = Number(process.versions.node.split('.')[0]);
    expect(polyfilled).toEqual(
      major >= 24 ? [] : ['SuppressedError', 'DisposableStack', 'AsyncDisposableStack'],
    );
    expect([typeof DisposableStack, typeof AsyncDisposableStack, typeof SuppressedError]).toEqual([
      'function',
      'function',
      'function',
    ]);
  });

  it('use, adopt and defer dispose last-in first-out', () => {
    const log: string[] = [];
    const stack = new DisposableStack();
    stack.use(tracked('a', log));
    stack.adopt('b', (v) => log.push(`adopted ${v} released`));
    stack.defer(() => log.push('deferred ran'));
    stack.dispose();
    expect(log).toEqual(['acquire a', 'deferred ran', 'adopted b released', 'dispose a']);
    expect(stack.disposed).toBe(true);
    expect(() => stack.use(tracked('late', log))).toThrow(ReferenceError);
  });

  it('move() hands the resources to a new owner: the constructor pattern', () => {
    const log: string[] = [];
    const open = (fail: boolean) => {
      using stack = new DisposableStack();
      stack.use(tracked('first', log));
      if (fail) throw new Error('second could not open');
      stack.use(tracked('second', log));
      return stack.move();
    };
    expect(() => open(true)).toThrow('second could not open');
    expect(log).toEqual(['acquire first', 'dispose first']);
    log.length = 0;
    const owned = open(false);
    expect(log).toEqual(['acquire first', 'acquire second']);
    owned.dispose();
    expect(log.slice(2)).toEqual(['dispose second', 'dispose first']);
  });

  it('a failing disposer is rethrown as it is, after the others ran', async () => {
    const log: string[] = [];
    const stack = new DisposableStack();
    stack.defer(() => log.push('a'));
    stack.defer(fail(log, 'b'));
    stack.defer(() => log.push('c'));
    const error = await thrown(() => stack.dispose());
    expect(log).toEqual(['c', 'b', 'a']);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(SuppressedError);
    expect((error as Error).message).toBe('b failed');
  });

  it('two failing disposers: every disposer runs, and the later failure wraps the earlier one', async () => {
    const log: string[] = [];
    const stack = new DisposableStack();
    stack.defer(fail(log, 'a'));
    stack.defer(() => log.push('b'));
    stack.defer(fail(log, 'c'));
    const error = (await thrown(() => stack.dispose())) as SuppressedError;
    expect(log).toEqual(['c', 'b', 'a']);
    expect(error).toBeInstanceOf(SuppressedError);
    expect(error.message).toBe('An error was suppressed during disposal');
    expect((error.error as Error).message).toBe('a failed');
    expect((error.suppressed as Error).message).toBe('c failed');
  });

  it('use() skips null and undefined and refuses a value that is not disposable', () => {
    const stack = new DisposableStack();
    expect(stack.use(null)).toBe(null);
    expect(stack.use(undefined)).toBe(undefined);
    expect(() => stack.use({} as Disposable)).toThrow(TypeError);
    // The refused value left nothing behind: the stack still works and disposes cleanly.
    const log: string[] = [];
    stack.use(tracked('a', log));
    stack.dispose();
    expect(log).toEqual(['acquire a', 'dispose a']);
  });

  it('after move() the old stack is disposed and owns nothing', () => {
    const log: string[] = [];
    const old = new DisposableStack();
    old.use(tracked('a', log));
    const owner = old.move();
    expect([old.disposed, owner.disposed]).toEqual([true, false]);
    expect(() => old.defer(() => {})).toThrow(ReferenceError);
    expect(() => old.move()).toThrow(ReferenceError);
    old.dispose();
    expect(log).toEqual(['acquire a']);
    owner.dispose();
    expect(log).toEqual(['acquire a', 'dispose a']);
  });

  it('dispose() a second time, even from inside a disposer, does nothing', () => {
    const log: string[] = [];
    const stack = new DisposableStack();
    stack.defer(() => log.push('a'));
    stack.defer(() => {
      stack.dispose();
      log.push('b');
    });
    stack.dispose();
    stack.dispose();
    expect(log).toEqual(['b', 'a']);
  });

  it('both stacks name themselves like the native ones', () => {
    expect(Object.prototype.toString.call(new DisposableStack())).toBe('[object DisposableStack]');
    expect(Object.prototype.toString.call(new AsyncDisposableStack())).toBe('[object AsyncDisposableStack]');
  });

  it('AsyncDisposableStack awaits each disposer in reverse order', async () => {
    const log: string[] = [];
    const stack = new AsyncDisposableStack();
    stack.defer(async () => {
      await Promise.resolve();
      log.push('one');
    });
    stack.use({
      async [Symbol.asyncDispose]() {
        log.push('two');
      },
    });
    await stack.disposeAsync();
    expect(log).toEqual(['two', 'one']);
  });

  it('AsyncDisposableStack: use() takes sync disposables and skips null, adopt() passes the value back', async () => {
    const log: string[] = [];
    const stack = new AsyncDisposableStack();
    stack.use(tracked('sync', log));
    expect(stack.use(null)).toBe(null);
    expect(() => stack.use({} as AsyncDisposable)).toThrow(TypeError);
    expect(
      stack.adopt('handle', async (h) => {
        log.push(`closed ${h}`);
      }),
    ).toBe('handle');
    await stack.disposeAsync();
    expect(log).toEqual(['acquire sync', 'closed handle', 'dispose sync']);
    expect(stack.disposed).toBe(true);
    expect(() => stack.defer(() => {})).toThrow(ReferenceError);
  });

  it('AsyncDisposableStack: failures are combined as in the sync stack', async () => {
    const log: string[] = [];
    const stack = new AsyncDisposableStack();
    stack.defer(fail(log, 'a'));
    stack.defer(async () => {
      log.push('b');
    });
    const one = await thrown(() => stack.disposeAsync());
    expect(log).toEqual(['b', 'a']);
    expect(one).not.toBeInstanceOf(SuppressedError);
    expect((one as Error).message).toBe('a failed');

    const two = new AsyncDisposableStack();
    two.defer(fail(log, 'c'));
    two.defer(async () => fail(log, 'd')());
    const error = (await thrown(() => two.disposeAsync())) as SuppressedError;
    expect(error).toBeInstanceOf(SuppressedError);
    expect(error.message).toBe('An error was suppressed during disposal');
    expect((error.error as Error).message).toBe('c failed');
    expect((error.suppressed as Error).message).toBe('d failed');
  });

  it('AsyncDisposableStack: move() hands over, and a second disposeAsync() does not start disposers early', async () => {
    const log: string[] = [];
    const old = new AsyncDisposableStack();
    const gate = deferred();
    old.defer(async () => {
      log.push('a');
    });
    old.defer(async () => {
      await gate.promise;
      log.push('b');
    });
    const stack = old.move();
    expect([old.disposed, stack.disposed]).toEqual([true, false]);
    expect(() => old.use(null)).toThrow(ReferenceError);
    await old.disposeAsync();
    expect(log).toEqual([]);

    const first = stack.disposeAsync();
    await stack.disposeAsync();
    // 'b' still waits at the gate, and 'a' must not run before it.
    expect(log).toEqual([]);
    gate.resolve();
    await first;
    expect(log).toEqual(['b', 'a']);
  });

  it('await using an AsyncDisposableStack disposes it when the scope ends', async () => {
    const log: string[] = [];
    {
      await using stack = new AsyncDisposableStack();
      stack.defer(async () => {
        log.push('closed');
      });
      log.push('body');
    }
    expect(log).toEqual(['body', 'closed']);
  });
});
