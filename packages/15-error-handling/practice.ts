import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'return-in-finally-wins',
      prompt: 'The try block throws; finally returns. What does the caller see?',
      code: `function save(): string {
  try {
    throw new Error('disk full');
  } finally {
    // biome-ignore lint/correctness/noUnsafeFinally: the trap
    return 'saved';
  }
}
try {
  console.log(save());
} catch (error) {
  console.log('caught', (error as Error).message);
}`,
      output: 'saved',
      explain:
        'A return in finally replaces whatever was leaving the block, an exception included: the error is silently dropped and the caller sees success. Linters flag it (noUnsafeFinally); Python 3.14 warns too.',
      see: { section: 'finally', file: 'src/finally.ts' },
    },
    {
      id: 'finally-after-return-value',
      prompt: 'finally changes the variable the try block returned. Which value comes back?',
      code: `function count(): number {
  let n = 1;
  try {
    return n;
  } finally {
    n = 2;
    console.log('finally sees', n);
  }
}
console.log('returned', count());`,
      output: 'finally sees 2\nreturned 1',
      explain:
        'The return value is computed before finally runs, and a primitive is copied: changing n afterwards does not change what is returned (mutating a returned object would show).',
      see: { section: 'finally', file: 'src/finally.ts' },
    },
    {
      id: 'subclass-instanceof-and-name',
      prompt: 'A custom error class, caught and inspected. What prints?',
      code: `import { AppError, NotFoundError } from './src/app-error.ts';

try {
  throw new NotFoundError('user', 7);
} catch (error) {
  console.log(error instanceof NotFoundError, error instanceof AppError, error instanceof TypeError);
  const e = error as NotFoundError;
  console.log(e.name, e.status, e.code);
  console.log(JSON.stringify(e));
}`,
      output:
        'true true false\nNotFoundError 404 user_not_found\n{"status":404,"code":"user_not_found","details":{"resource":"user","id":7}}',
      explain:
        'instanceof follows the class chain, as except does in Python. JSON.stringify only writes own enumerable properties: message, name, stack and cause are not among them, so a log that stringifies errors loses the message unless it copies it explicitly.',
      see: { section: 'hierarchy', file: 'src/app-error.ts' },
    },
    {
      id: 'throw-a-string',
      prompt: 'Someone throws a string. What does the catch block get?',
      code: `function legacy() {
  throw 'timeout after 30s';
}
try {
  legacy();
} catch (error) {
  console.log(typeof error, error instanceof Error);
  console.log((error as Error).message, (error as Error).stack);
}`,
      output: 'string false\nundefined undefined',
      explain:
        'JavaScript can throw any value, and a string has no message and no stack: that is why strict TypeScript types the catch variable as unknown. Normalise it first (toError in src/unknown.ts).',
      see: { section: 'unknown', file: 'src/unknown.ts' },
    },
    {
      id: 'aggregate-errors-order',
      prompt: 'Promise.any over three failing calls. What is caught?',
      code: `const fail = (name: string, ms: number) =>
  new Promise((_, reject) => setTimeout(() => reject(new Error(name)), ms));
try {
  await Promise.any([fail('primary', 30), fail('replica', 10), fail('cache', 20)]);
} catch (error) {
  console.log(error instanceof AggregateError, (error as Error).message);
  console.log((error as AggregateError).errors.map((e: Error) => e.message).join(','));
}`,
      output: 'true All promises were rejected\nprimary,replica,cache',
      explain:
        'When every input rejects, Promise.any rejects with an AggregateError (Python: an ExceptionGroup) whose errors are in input order, not in the order they failed.',
      see: { section: 'aggregate', file: 'src/aggregate.ts' },
    },
  ],
});
