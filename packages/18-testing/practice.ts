import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'esm-namespace-cannot-be-patched',
      prompt: 'A test tries Python’s way of patching: assign a fake onto the imported module. What prints?',
      code: `import * as http from './src/_http.ts';
import { convert } from './src/rates.ts';

try {
  (http as unknown as Record<string, unknown>).getJson = async () => ({ rates: { USD: 2 } });
  console.log('patched');
} catch (error) {
  console.log((error as Error).name);
}
console.log(await convert(100, 'EUR', 'USD', async () => 3));`,
      output: 'TypeError\n300',
      explain:
        'An ES module namespace is sealed: its exports are read-only live bindings, so monkeypatching throws. vi.mock works by swapping the module in vitest’s loader before anything imports it; passing the dependency in (the last line) needs no patching at all.',
      see: { section: 'doubles', file: 'src/rates.ts' },
    },
    {
      id: 'mock-return-once-then-impl',
      prompt: 'A mock with an implementation and one queued return value is called twice. What prints?',
      code: `import { vi } from 'vitest';

const double = vi.fn((n: number) => n * 2).mockReturnValueOnce(100);
console.log(double(1), double(2));
console.log(double.mock.calls.length, JSON.stringify(double.mock.calls));`,
      output: '100 4\n2 [[1],[2]]',
      explain:
        'Queued “once” values are used first, one per call, and the implementation takes over when they run out. mock.calls records every call’s arguments whichever answered.',
      see: { section: 'doubles', file: 'sample/doubles.test.ts' },
    },
    {
      id: 'toequal-ignores-class-and-undefined',
      prompt: 'Three matchers compare a class instance and equal-looking literals. Which pass?',
      code: `import { expect } from 'vitest';

class Money {
  constructor(readonly cents: number, readonly note?: string) {}
}
const outcome = (check: () => void) => {
  try {
    check();
    return 'pass';
  } catch {
    return 'fail';
  }
};
console.log(outcome(() => expect(new Money(100)).toEqual({ cents: 100 })));
console.log(outcome(() => expect(new Money(100)).toStrictEqual({ cents: 100 })));
console.log(outcome(() => expect({ cents: 100 }).toBe({ cents: 100 })));`,
      output: 'pass\nfail\nfail',
      explain:
        'toEqual compares values recursively and ignores the class and properties that are undefined (note is set to undefined here). toStrictEqual checks both; toBe is Object.is, identity, like Python’s `is` rather than `==`.',
      see: { section: 'report', file: 'test/pricing.test.ts' },
    },
    {
      id: 'spy-calls-through',
      prompt: 'vi.spyOn wraps a real method; then the spy is reset. What does the method return each time?',
      code: `import { vi } from 'vitest';

const greeter = { greet: (name: string) => \`hi \${name}\` };
const spy = vi.spyOn(greeter, 'greet');
console.log(greeter.greet('ada'), spy.mock.calls.length);
spy.mockReturnValue('stubbed');
console.log(greeter.greet('ada'));
spy.mockReset();
console.log(greeter.greet('ada'), spy.mock.calls.length);`,
      output: 'hi ada 1\nstubbed\nhi ada 1',
      explain:
        'A spy calls the real method until told otherwise, recording each call. Since vitest 3, mockReset on a spy goes back to the original implementation (Jest returns undefined) and clears the recorded calls, so only the call after the reset is counted.',
      see: { section: 'doubles', file: 'sample/doubles.test.ts' },
    },
  ],
});
