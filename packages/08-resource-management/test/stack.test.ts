import { describe, expect, it } from 'vitest';
import { polyfilled, tracked } from '../src/index.ts';

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
});
