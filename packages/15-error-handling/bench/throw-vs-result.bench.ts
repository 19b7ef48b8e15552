import { type Bench, timeBench } from '@lab/common/bench';
import { parsePort, parsePortOrThrow } from '../src/result.ts';

/** Keeps results alive so V8 cannot drop the work. */
let _sink = 0;

/** Recurses `depth` frames, then runs `f`: a stack as deep as a request handler's is when it throws. */
function atDepth<T>(depth: number, f: () => T): T {
  return depth === 0 ? f() : atDepth(depth - 1, f);
}

/** Runs `run` with `Error.stackTraceLimit` set, restoring it even if `run` throws. */
function withStackLimit(limit: number, run: () => void): void {
  const saved = Error.stackTraceLimit;
  Error.stackTraceLimit = limit;
  try {
    run();
  } finally {
    Error.stackTraceLimit = saved;
  }
}

const rejectPort = () => {
  try {
    _sink += parsePortOrThrow('http');
  } catch (error) {
    if (error instanceof RangeError) _sink++;
  }
};

export default [
  timeBench({
    title: 'A refused port number: return a Result vs throw and catch a RangeError',
    baseline: 'return err(...)',
    tasks: {
      'return err(...)': () => {
        const result = parsePort('http');
        if (!result.ok) _sink++;
      },
      'throw + catch (stackTraceLimit 10)': rejectPort,
      'throw + catch (stackTraceLimit 0)': () => withStackLimit(0, rejectPort),
      'success path, throwing version': () => {
        _sink += parsePortOrThrow('8080');
      },
    },
    claims: [
      {
        says: 'Failing by throw and catch costs over 20× failing by returning a Result: building the Error captures a stack',
        subject: 'throw + catch (stackTraceLimit 10)',
        above: 20,
        seed: 'The series: "don’t use exceptions for control flow — performance penalty"; it gives no figure',
      },
      {
        says: 'Most of a throw’s cost is the stack: with Error.stackTraceLimit = 0 it costs under half as much',
        subject: 'throw + catch (stackTraceLimit 0)',
        against: 'throw + catch (stackTraceLimit 10)',
        below: 0.5,
      },
      {
        says: 'A try block that does not throw costs nothing extra: the success path stays within 3× of returning a Result',
        subject: 'success path, throwing version',
        below: 3,
      },
    ],
  }),
  timeBench({
    title: 'new Error() 50 frames deep: the cost of Error.stackTraceLimit',
    baseline: 'stackTraceLimit 10 (default)',
    tasks: {
      'stackTraceLimit 0': () => withStackLimit(0, () => atDepth(50, () => new Error('x'))),
      'stackTraceLimit 10 (default)': () => withStackLimit(10, () => atDepth(50, () => new Error('x'))),
      'stackTraceLimit 50': () => withStackLimit(50, () => atDepth(50, () => new Error('x'))),
      'stackTraceLimit 10 + read .stack': () =>
        withStackLimit(10, () => {
          _sink += atDepth(50, () => new Error('x')).stack?.length ?? 0;
        }),
    },
    claims: [
      {
        says: 'Capturing no frames makes new Error() several times cheaper: under a third of the default 10',
        subject: 'stackTraceLimit 0',
        below: 1 / 3,
      },
      {
        says: 'Capture grows with the frames kept: 50 frames cost over 1.5× the default 10',
        subject: 'stackTraceLimit 50',
        above: 1.5,
      },
      {
        says: 'Reading .stack formats it (lazily, on first read): over 1.5× the capture alone',
        subject: 'stackTraceLimit 10 + read .stack',
        above: 1.5,
      },
    ],
  }),
] satisfies Bench[];
