/** Child process for `forkMap`: computes its share and replies over the IPC channel. */
import { cpuHeavy } from './cpu-job.ts';
import type { ProcessJob, ProcessReply } from './processes.ts';

process.once('message', (job: ProcessJob) => {
  const reply: ProcessReply = { pid: process.pid, checksums: job.sizes.map(cpuHeavy) };
  process.send?.(reply);
});
