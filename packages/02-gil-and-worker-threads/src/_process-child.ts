// Stryker disable all: runs only in forkMap's child processes, where Stryker records no coverage and so runs no test against its mutants; its behaviour is asserted through test/processes.test.ts (checksums in input order, from other pids)
/** Child process for `forkMap`: computes its share and replies over the IPC channel. */
import { cpuHeavy } from './cpu-job.ts';
import type { ProcessJob, ProcessReply } from './processes.ts';

process.once('message', (job: ProcessJob) => {
  const reply: ProcessReply = { pid: process.pid, checksums: job.sizes.map(cpuHeavy) };
  process.send?.(reply);
});
