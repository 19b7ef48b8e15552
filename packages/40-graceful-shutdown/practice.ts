import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'second-signal-exit-code',
      prompt:
        'SIGTERM starts a graceful shutdown that waits on stuck background work (grace 50 ms); a second SIGTERM follows. What is printed?',
      code: `import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import { createLifecycle } from './src/lifecycle.ts';
import { exitOnSignals } from './src/signals.ts';

const lifecycle = createLifecycle({ server: createServer(), graceMs: 50, drain: { stuck: () => new Promise(() => {}) } });
const signals = new EventEmitter();
exitOnSignals(lifecycle, { exit: (code) => console.log('exit', code), target: signals as unknown as NodeJS.Process });
signals.emit('SIGTERM', 'SIGTERM');
console.log(lifecycle.state, lifecycle.isReady());
signals.emit('SIGTERM', 'SIGTERM');`,
      output: 'draining false\nexit 143\nexit 1',
      explain:
        'The first signal only starts the shutdown: readiness is false at once. The second exits at once with 128 + 15 = 143, the code a shell shows for "killed by SIGTERM". (In a real process that exit ends everything; here the recorder lets the first shutdown finish, forced by the grace timeout: code 1.)',
      see: { section: 'second-signal', file: 'src/signals.ts' },
    },
    {
      id: 'pool-close-failure-code',
      prompt:
        'Everything drains, but closing one pool throws. Which events, in which order, and what exit code?',
      code: `import { createServer } from 'node:http';
import { createLifecycle } from './src/lifecycle.ts';

const lifecycle = createLifecycle({
  server: createServer(),
  drain: { jobs: async () => {} },
  closePools: {
    postgres: async () => { throw new Error('Called end on pool more than once'); },
    redis: async () => {},
  },
});
const report = await lifecycle.shutdown('SIGTERM');
console.log(report.events.map((e) => ('name' in e ? \`\${e.type}:\${e.name}\` : e.type)).join('\\n'));
console.log('code', report.code, 'forced', report.forced);`,
      output:
        'draining\nstopped-listening\nhttp-drained\ndrained:jobs\nclose-failed:postgres\nclosed:redis\ncode 1 forced false',
      explain:
        'Pools close last, after HTTP and background work, so nothing still running loses its connection. One failing close does not stop the others, but it makes the exit code 1: the orchestrator and the logs should see that the shutdown was not clean.',
      see: { section: 'sigterm', file: 'src/lifecycle.ts' },
    },
    {
      id: 'drain-follow-up-work',
      prompt:
        'A background task starts a follow-up task while the shutdown drains. In what order are the lines logged?',
      code: `import { PendingWork } from './src/pending-work.ts';

const log: string[] = [];
const work = new PendingWork(() => {});
work.start(async () => {
  await null;
  work.start(async () => {
    await new Promise((resolve) => setTimeout(resolve, 10));
    log.push('follow-up done');
  });
  log.push('first done');
});
await work.drain();
log.push('drained');
console.log(log.join('\\n'));`,
      output: 'first done\nfollow-up done\ndrained',
      explain:
        'drain() waits again while anything is still running, so work started during the drain is waited for too. A single Promise.all over a snapshot of the set would resolve after the first task and let the process exit in the middle of the follow-up.',
      see: { section: 'sigterm', file: 'src/pending-work.ts' },
    },
  ],
});
