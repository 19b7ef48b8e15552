import {
  code,
  formatDuration,
  formatNumber,
  kv,
  lessonCheck,
  medianTimePerCall,
  runDemo,
  say,
  table,
} from '@lab/common';
import {
  ConflictError,
  causeChain,
  DependencyError,
  describeChain,
  describePortProblem,
  errorMessage,
  finallyRunsAfterReturn,
  NotFoundError,
  parseJsonBody,
  parsePort,
  parsePortOrThrow,
  returnInFinallyOverridesReturn,
  returnInFinallySwallowsError,
  runAll,
  runUnhandledInChild,
  splitErrors,
  throwInFinallyReplacesError,
  toError,
  toHttp,
  ValidationError,
  validateAll,
} from './src/index.ts';

/** What `run` threw, or `undefined` when it returned. */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
    return undefined;
  } catch (error) {
    return error;
  }
}

function hierarchySection(): void {
  const errors = [
    new ValidationError('age must be 18 or over', 'invalid_age', { details: { field: 'age' } }),
    new NotFoundError('user', 42),
    new ConflictError('email already registered', 'email_taken'),
    new DependencyError('database unavailable', 'db_unavailable'),
    new TypeError("Cannot read properties of undefined (reading 'id')"),
  ];
  table(
    errors.map((error) => {
      const { status, body } = toHttp(error);
      return { thrown: error.name, status, 'body.code': body.code, 'body.detail': body.detail };
    }),
  );
  say(
    'The last one is a bug, not an AppError: the client gets a generic 500, the log gets the real message.',
  );
}

function causeSection(): void {
  const error = thrownBy(() => parseJsonBody('{"email": "ada@example.com",'));
  kv({
    caught: (error as Error).name,
    'caught.code': (error as ValidationError).code,
    'cause chain': causeChain(error).length,
    'describeChain(caught)': describeChain(error),
  });
  code(
    "throw new ValidationError('the body is not valid JSON', 'invalid_json', { cause: error });  // raise … from error",
  );
}

async function aggregateSection(): Promise<void> {
  const invalid = thrownBy(() =>
    validateAll(
      { email: 'ada', age: 12 },
      {
        email: (v) => (v.includes('@') ? undefined : 'must contain @'),
        age: (v) => (v >= 18 ? undefined : 'must be 18 or over'),
      },
    ),
  ) as AggregateError;
  kv({ [invalid.message]: invalid.errors.map((e: Error) => e.message).join('; ') });
  const group = await runAll([
    async () => 'profile',
    async () => {
      throw new NotFoundError('avatar', 7);
    },
    async () => {
      throw new TypeError('x is undefined');
    },
  ]).catch((e: unknown) => e as AggregateError);
  const { matched, rest } = splitErrors(group, (e) => e instanceof NotFoundError);
  kv({
    runAll: (group as AggregateError).message,
    'split → NotFoundError (handled)': matched.map(errorMessage).join(', '),
    'split → rest (re-thrown)': rest.map(errorMessage).join(', '),
  });
}

function finallySection(): void {
  const log: string[] = [];
  const value = finallyRunsAfterReturn(log);
  table([
    { function: 'try { return } finally { log }', result: `${value} (steps: ${log.join(' → ')})` },
    { function: 'try { return a } finally { return b }', result: returnInFinallyOverridesReturn() },
    { function: 'try { throw } finally { return b }', result: returnInFinallySwallowsError() },
    {
      function: 'try { throw a } finally { throw b }',
      result: `threw '${errorMessage(thrownBy(throwInFinallyReplacesError))}' ('original' is gone)`,
    },
  ]);
  say(
    'Biome (noUnsafeFinally) and ESLint (no-unsafe-finally) flag the last three; Python 3.14 warns on a return in finally.',
  );
}

function unknownSection(): void {
  const thrownValues: unknown[] = [new RangeError('too big'), 'disk full', { status: 503 }, null];
  table(
    thrownValues.map((thrown) => ({
      'throw …':
        thrown === null ? 'null' : thrown instanceof Error ? `new ${thrown.name}(…)` : JSON.stringify(thrown),
      'e instanceof Error': thrown instanceof Error,
      'errorMessage(e)': errorMessage(thrown),
      'toError(e).message': toError(thrown).message,
    })),
  );
}

function resultSection(): void {
  table(
    ['8080', 'http', '70000'].map((input) => {
      const result = parsePort(input);
      return {
        input,
        ok: result.ok,
        'value / problem': result.ok ? String(result.value) : describePortProblem(result.error),
      };
    }),
  );
  const calls = 2_000;
  const viaResult = medianTimePerCall(() => parsePort('http'), { calls, rounds: 9, warmupRounds: 2 });
  const viaThrow = medianTimePerCall(() => thrownBy(() => parsePortOrThrow('http')), {
    calls,
    rounds: 9,
    warmupRounds: 2,
  });
  lessonCheck(
    viaThrow > viaResult * 5,
    'a failure returned as a Result is far cheaper than one thrown and caught',
    `${formatDuration(viaResult)} vs ${formatDuration(viaThrow)} per call, ${formatNumber(viaThrow / viaResult)}×`,
    'pnpm bench error-handling',
  );
}

async function unhandledSection(): Promise<void> {
  const installed = await runUnhandledInChild('install');
  const bare = await runUnhandledInChild('bare');
  kv({
    'with exitOnFatalErrors: exit code': installed.code,
    'with exitOnFatalErrors: stderr': installed.stderr.trim(),
    "Node's default: exit code": bare.code,
    "Node's default: stderr lines": bare.stderr.trim().split('\n').length,
    'either way, the 50 ms timer printed': installed.stdout.length + bare.stdout.length > 0,
  });
}

await runDemo({
  title: 'Error handling',
  subtitle: 'Part 2, Q5 — AppError, cause, AggregateError, finally, unknown, Result, unhandledRejection',
  sections: [
    {
      id: 'hierarchy',
      title: 'An AppError hierarchy with codes, mapped to HTTP',
      why: 'Expected failures carry a status and a stable code; anything else is a bug and gets a generic 500.',
      run: hierarchySection,
    },
    {
      id: 'cause',
      title: 'Chaining with cause (raise … from)',
      why: 'Translate a low-level error into yours without losing it.',
      run: causeSection,
    },
    {
      id: 'aggregate',
      title: 'AggregateError: several failures at once (ExceptionGroup)',
      why: 'validateAll reports every broken rule; runAll groups failed tasks; splitErrors is except*.',
      run: aggregateSection,
    },
    {
      id: 'finally',
      title: 'What finally does to return and throw',
      why: 'finally always runs; a return or throw inside it replaces whatever was on its way out.',
      run: finallySection,
    },
    {
      id: 'unknown',
      title: 'catch (e) is unknown: anything can be thrown',
      why: 'Strict TypeScript types the catch variable as unknown; errorMessage and toError make it safe.',
      run: unknownSection,
    },
    {
      id: 'result',
      title: 'Returning a Result instead of throwing',
      why: 'For expected failures (user input), a typed Result puts the failure in the signature, and costs less.',
      run: resultSection,
    },
    {
      id: 'unhandled',
      title: 'The last resort: process-level unhandledRejection',
      why: 'Log one structured line with the cause chain, then exit 1: a fresh Node process shows both ways.',
      run: unhandledSection,
    },
  ],
});
