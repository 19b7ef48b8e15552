import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'stacking-order',
      prompt: 'Two decorator factories are stacked on one method. In what order do the lines print?',
      code: `const tag = (name: string) => {
  console.log('evaluate', name);
  return (method: (this: unknown) => void, _context: ClassMethodDecoratorContext) => {
    console.log('apply', name);
    return function (this: unknown) {
      console.log('enter', name);
      method.call(this);
    };
  };
};
class Greeter {
  @tag('outer')
  @tag('inner')
  greet() {
    console.log('body');
  }
}
new Greeter().greet();`,
      output: 'evaluate outer\nevaluate inner\napply inner\napply outer\nenter outer\nenter inner\nbody',
      explain:
        'As in Python: the decorator expressions are evaluated top-down, the results are applied bottom-up (the one nearest the method wraps it first), so the top one is outermost and its wrapper runs first on every call.',
      see: { section: 'order', file: 'src/example-stacking.ts' },
    },
    {
      id: 'this-after-extraction',
      prompt: 'Two methods are pulled off an instance and called bare. What prints?',
      code: `import { bound } from './src/bound.ts';

class Counter {
  count = 0;
  plain() {
    return ++this.count;
  }
  @bound
  fixed() {
    return ++this.count;
  }
}
const counter = new Counter();
const { plain, fixed } = counter;
try {
  plain();
} catch (error) {
  console.log((error as Error).name);
}
console.log(fixed(), fixed(), counter.count);`,
      output: 'TypeError\n1 2 2',
      explain:
        'A method looks up `this` from the call site; called bare in a module (strict mode), `this` is undefined, so `++this.count` throws before it can count. @bound installs a per-instance bound copy at construction, so the extracted function still counts on the instance.',
      see: { section: 'methods', file: 'src/bound.ts' },
    },
    {
      id: 'sliding-window-limit',
      prompt:
        'At most 2 calls in any 1000 ms (a sliding log of call times). Calls come at t = 0, 600, 900, 1000 and 1100 ms. Which get in?',
      code: `import { manualClock } from './src/clock.ts';
import { withRateLimit } from './src/rate-limit.ts';

const clock = manualClock();
const send = withRateLimit((n: number) => n, { limit: 2, windowMs: 1_000, now: clock.now });
const attempt = (n: number): string => {
  try {
    send(n);
    return \`\${n}:ok\`;
  } catch {
    return \`\${n}:refused\`;
  }
};
const results = [attempt(1)];
for (const [n, step] of [[2, 600], [3, 300], [4, 100], [5, 100]] as const) {
  clock.advance(step);
  results.push(attempt(n));
}
console.log(results.join(' '));`,
      output: '1:ok 2:ok 3:refused 4:ok 5:refused',
      explain:
        'At t = 1000 the call from t = 0 has just left the window, so call 4 fits; at t = 1100 the calls from 600 and 1000 are both still inside it, so call 5 is refused. A fixed window starting at 1000 would have let call 5 in: a sliding log has no burst at the boundary.',
      see: { section: 'rate-limit', file: 'src/rate-limit.ts' },
    },
    {
      id: 'memoize-object-keys',
      prompt: 'How many times does each body run, and what does the object-argument call do?',
      code: `import { withMemo } from './src/memoize.ts';

let runs = 0;
const area = withMemo((w: number, h: number) => { runs++; return w * h; });
area(2, 3);
area(2, 3);
area(3, 2);
console.log(runs);

type Box = { w: number; h: number };
const byBox = withMemo((box: Box) => box.w * box.h);
try {
  byBox({ w: 2, h: 3 });
} catch (error) {
  console.log((error as Error).name);
}
const byKey = withMemo((box: Box) => { runs++; return box.w * box.h; }, { key: (b) => \`\${b.w}x\${b.h}\` });
byKey({ w: 2, h: 3 });
byKey({ w: 2, h: 3 });
console.log(runs);`,
      output: '2\nTypeError\n3',
      explain:
        '(2, 3) and (3, 2) are different keys, so the body runs twice. An object argument would be compared by identity — two equal-looking literals never hit — so this memoize refuses it rather than silently never caching; with an explicit key the second call is a hit.',
      see: { section: 'methods', file: 'src/memoize.ts' },
    },
  ],
});
