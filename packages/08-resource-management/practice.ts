import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'reverse-order',
      prompt: 'Three resources are declared with `using` in one block. In what order are they released?',
      code: `import { tracked } from './src/resources.ts';

const log: string[] = [];
{
  using _db = tracked('db', log);
  using _tx = tracked('tx', log);
  using _lock = tracked('lock', log);
  log.push('body');
}
console.log(log.join(' > '));`,
      output: 'acquire db > acquire tx > acquire lock > body > dispose lock > dispose tx > dispose db',
      explain:
        'Disposal is last-in, first-out, like nested with blocks: the lock taken inside the transaction is released before the transaction, and the connection goes last because the others depend on it.',
      see: { section: 'order', file: 'src/resources.ts' },
    },
    {
      id: 'return-before-dispose',
      prompt:
        'The function returns from inside the scope. What does it return, and what is in the log afterwards?',
      code: `import { tracked } from './src/resources.ts';

const log: string[] = [];
function handle(): number {
  using _conn = tracked('conn', log);
  log.push('query');
  return log.length;
}
console.log(handle());
console.log(log.join(', '));`,
      output: '2\nacquire conn, query, dispose conn',
      explain:
        'The return expression is evaluated first, while the resource is still open (so it may use it), and the disposal runs after, on the way out — as a finally block would. The value returned was computed before dispose pushed its line.',
      see: { section: 'order', file: 'src/resources.ts' },
    },
    {
      id: 'suppressed-error',
      prompt: 'The body throws, and then the resource’s dispose throws too. What does the catch block get?',
      code: `import './src/polyfill.ts';
import { tracked } from './src/resources.ts';

try {
  using _socket = tracked('socket', [], true);
  throw new Error('request failed');
} catch (error) {
  const e = error as SuppressedError;
  console.log(e.name);
  console.log((e.error as Error).message, '|', (e.suppressed as Error).message);
}`,
      output: 'SuppressedError\nsocket failed to dispose | request failed',
      explain:
        'Neither error is lost: a SuppressedError wraps them, with .error the newer one (from dispose) and .suppressed the one it interrupted (from the body). Code that only logs error.message sees the generic message, so log both.',
      see: { section: 'suppressed', file: 'src/polyfill.ts' },
    },
    {
      id: 'stack-move',
      prompt:
        '`open` acquires two resources through a DisposableStack and returns `stack.move()`. What happens when the second one fails, and when both succeed?',
      code: `import './src/polyfill.ts';
import { tracked } from './src/resources.ts';

function open(log: string[], fail: boolean): DisposableStack {
  using stack = new DisposableStack();
  stack.use(tracked('file', log));
  if (fail) throw new Error('socket refused');
  stack.use(tracked('socket', log));
  return stack.move();
}
const failed: string[] = [];
try { open(failed, true); } catch { failed.push('threw'); }
const ok: string[] = [];
const both = open(ok, false);
console.log(failed.join(', '));
console.log(ok.join(', '), both.disposed);`,
      output: 'acquire file, dispose file, threw\nacquire file, acquire socket false',
      explain:
        'On the failure path the `using stack` disposes what was acquired so far before the error leaves open(). On success move() hands every resource to a new stack and marks the old one disposed, so leaving the scope releases nothing: the caller now owns both (ExitStack.pop_all in Python).',
      see: { section: 'stack', file: 'src/polyfill.ts' },
    },
  ],
});
