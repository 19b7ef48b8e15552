import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'error-under-the-wrong-key',
      prompt: 'The same error logged three ways. What does each line keep of it?',
      code: `import { createLogger, LogCapture } from './src/index.ts';

const capture = new LogCapture();
const logger = createLogger({ time: false, destination: capture });
const err = new Error('db down', { cause: new Error('ECONNREFUSED') });

console.log(JSON.stringify({ err }));
logger.error({ err }, 'failed');
logger.error({ error: err }, 'failed');
console.log((capture.records[0]?.err as { message: string }).message);
console.log(JSON.stringify(capture.records[1]?.error));`,
      output: '{"err":{}}\ndb down: ECONNREFUSED\n{}',
      explain:
        "An Error's message, stack and cause are not enumerable own properties, so JSON.stringify writes {}. pino's error serializer runs for the key `err` only (its default): under `error` the error is stringified like any object and the log keeps nothing.",
      see: { section: 'layered-errors', file: 'src/logger.ts' },
    },
    {
      id: 'redact-two-levels-down',
      prompt: 'The default paths include `password` and `*.password`. Which lines still contain the secret?',
      code: `import { createLogger, LogCapture } from './src/index.ts';

const capture = new LogCapture();
const logger = createLogger({ time: false, destination: capture });
logger.info({ password: 's3cret' }, 'top');
logger.info({ user: { password: 's3cret' } }, 'one down');
logger.info({ body: { user: { password: 's3cret' } } }, 'two down');
logger.info('password is s3cret');
for (const line of capture.lines) console.log(line.includes('s3cret'));`,
      output: 'false\nfalse\ntrue\ntrue',
      explain:
        'A redact path is an exact shape: `*` stands for one key, so `*.password` reaches one level down and no further. Redaction never looks inside strings, so a secret interpolated into the message is written as is.',
      see: { section: 'redaction', file: 'src/redaction.ts' },
    },
    {
      id: 'shared-worker-wrong-request',
      prompt:
        'A shared worker is started by request A. Later request B submits a job. Which request id does the listener see for each job?',
      code: `import { RequestContext, SharedWorker } from './src/index.ts';

const context = new RequestContext();
const worker = new SharedWorker();
worker.on('done', (job) => console.log(job, 'sees', context.requestId()));

context.run({ requestId: 'A' }, () => worker.submit('job-A'));
setTimeout(() => {
  context.run({ requestId: 'B' }, () => worker.submit('job-B'));
  setTimeout(() => worker.stop(), 20);
}, 20);`,
      output: 'job-A sees A\njob-B sees A',
      explain:
        "The worker's setInterval was created inside request A, so every tick, and every listener emit calls from it, runs in A's context. The id is not lost but wrong. Bind the listener to the request that registers it (AsyncResource.bind) or await a promise instead.",
      see: { section: 'context', file: 'src/context-hops.ts' },
    },
    {
      id: 'duplicate-keys-in-a-line',
      prompt:
        "A module child has `module: 'orders'`; the call passes `module: 'payments'`. What is written, and what does a parser read?",
      code: `import { createLogger, LogCapture, moduleLogger } from './src/index.ts';

const capture = new LogCapture();
const orders = moduleLogger(createLogger({ time: false, destination: capture }), 'orders');
orders.info({ module: 'payments' }, 'x');
console.log(capture.lines[0]?.trim());
console.log(capture.records[0]?.module);`,
      output: '{"level":"info","module":"orders","module":"payments","msg":"x"}\npayments',
      explain:
        'pino writes child bindings once, as a prefix, and does not check call fields against them (that check would cost on every line), so the line has the key twice. JSON.parse keeps the last one, while some log pipelines keep the first. Keep binding names out of call fields.',
      see: { section: 'children', file: 'src/logger.ts' },
    },
  ],
});
