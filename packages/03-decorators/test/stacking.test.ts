import { describe, expect, it } from 'vitest';

import { defineTracedGreeter } from '../src/example-stacking.ts';
import { tracedClass } from '../src/trace.ts';

describe('stacked decorators', () => {
  it('evaluates top to bottom, applies bottom to top, then the class decorator last', () => {
    const events: string[] = [];
    defineTracedGreeter(events);
    expect(events).toEqual([
      'evaluate class decorator', // every @expression is evaluated first, in source order
      'evaluate outer',
      'evaluate inner',
      'apply inner to greet', // the decorator nearest the method wraps it first
      'apply outer to greet',
      'apply class decorator to class Greeter', // after all member decorators
      'init class decorator (class defined: Greeter)',
    ]);
  });

  it('runs method initializers per instance, at construction', () => {
    const events: string[] = [];
    const Greeter = defineTracedGreeter(events);
    events.length = 0;
    new Greeter();
    new Greeter();
    expect(events).toEqual(['init inner', 'init outer', 'init inner', 'init outer']);
  });

  it('calls the outermost wrapper first and unwinds in reverse', () => {
    const events: string[] = [];
    const greeter = new (defineTracedGreeter(events))();
    events.length = 0;
    expect(greeter.greet('Ada')).toBe('hello, Ada');
    expect(events).toEqual(['enter outer', 'enter inner', 'method body', 'exit inner', 'exit outer']);
    expect(greeter.greet.name).toBe('greet');
  });

  it('calls a class without a name "(anonymous)"', () => {
    const events: string[] = [];
    const [Anonymous] = [
      @tracedClass('label', events)
      class {},
    ];
    expect(Anonymous?.name).toBe('');
    expect(events).toEqual([
      'evaluate label',
      'apply label to class (anonymous)',
      'init label (class defined: )',
    ]);
  });
});
