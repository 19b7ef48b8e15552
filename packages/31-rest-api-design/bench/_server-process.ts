/**
 * One contender of the throughput bench, run as a child process: the server gets a CPU thread of its own
 * (as it would in production), and autocannon's client work in the parent is not billed to it.
 * Protocol over the IPC channel: the child sends `{ url }` once listening; the parent sends 'cpu' (answered
 * with `{ cpuMicros }`, the CPU time used so far) and finally 'close'.
 */
import { closeServices, listen, postgres } from '@lab/common';
import { bareExpressApp, bareNodeServer, createApp } from '../src/index.ts';

export type Contender = 'full stack' | 'bare express' | 'node:http';

const [contender, schema] = process.argv.slice(2) as [Contender, string];
// Same pool size for every contender: the database side is held constant.
const pool = await postgres({ schema, max: 10 });
const handler =
  contender === 'full stack'
    ? createApp({ pool })
    : contender === 'bare express'
      ? bareExpressApp(pool)
      : bareNodeServer(pool);
const server = await listen(handler);
process.send?.({ url: server.url });
process.on('message', async (message: 'cpu' | 'close') => {
  if (message === 'cpu') {
    // CPU time this process has used so far; the parent takes differences around each load run.
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMicros: user + system });
    return;
  }
  await server.close();
  await closeServices();
  process.disconnect();
});
// The parent dying must not leave a server behind.
process.once('disconnect', () => process.exit(0));
