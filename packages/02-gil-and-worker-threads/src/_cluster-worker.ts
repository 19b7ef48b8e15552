// Stryker disable all: runs only in a cluster worker process, where Stryker records no coverage and so runs no test against its mutants; its behaviour is asserted through test/processes.test.ts (each answer is JSON naming the pid that served it; round-robin over a closed connection)
/** A cluster worker: answers every request with the pid that served it. */
import { createServer } from 'node:http';

const server = createServer((_req, res) => {
  // Close after each response, so the next request opens a new connection the primary can deal elsewhere.
  res.writeHead(200, { 'content-type': 'application/json', connection: 'close' });
  res.end(JSON.stringify({ pid: process.pid }));
});
server.listen(Number(process.env.LAB_CLUSTER_PORT), '127.0.0.1');
