import { traced, tracedClass } from './trace.ts';

/** Defines a class with two stacked method decorators and a class decorator, all recording into `events`. */
export function defineTracedGreeter(events: string[]) {
  @tracedClass('class decorator', events)
  class Greeter {
    @traced('outer', events)
    @traced('inner', events)
    greet(name: string): string {
      events.push('method body');
      return `hello, ${name}`;
    }
  }
  return Greeter;
}
