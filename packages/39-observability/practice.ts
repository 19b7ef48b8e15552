import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'mounted-router-base-url',
      prompt:
        'A router is mounted on a pattern. What do req.baseUrl and req.route.path hold for GET /users/7/orders/9, and what does routeLabel give?',
      code: `import express from 'express';
import { listen } from '@lab/common/http';
import { mountRouter, routeLabel } from './src/index.ts';

const app = express();
const orders = express.Router({ mergeParams: true });
orders.get('/:orderId', (req, res) => {
  res.on('finish', () => {
    console.log(req.baseUrl);
    console.log(req.route.path);
    console.log(routeLabel(req));
  });
  res.json({});
});
mountRouter(app, '/users/:userId/orders', orders);
const server = await listen(app);
await (await fetch(\`\${server.url}/users/7/orders/9\`)).text();
await server.close();`,
      output: '/users/7/orders\n/:orderId\n/users/:userId/orders/:orderId',
      explain:
        "Express keeps the matched route's own template but only the concrete prefix of the mount, so `baseUrl + route.path` would make one series per user. mountRouter records the mount's template as the request enters the router.",
      see: { section: 'cardinality', file: 'src/route-label.ts' },
    },
    {
      id: 'readiness-single-flight',
      prompt:
        'Three probes arrive at once, then one more after they settle. How many times do the checks run (no report cache)?',
      code: `import { Readiness } from './src/index.ts';

let runs = 0;
const readiness = new Readiness({
  cacheMs: 0,
  checks: [{ name: 'db', run: async () => { runs++; } }],
});
await Promise.all([readiness.check(), readiness.check(), readiness.check()]);
console.log(runs);
await readiness.check();
console.log(runs);`,
      output: '1\n2',
      explain:
        'Concurrent probes share the run in flight (single-flight): three probes, one SELECT 1. Without a cache the next probe after it settled runs the checks again; cacheMs reuses a report for that long.',
      see: { section: 'probe-storm', file: 'src/readiness.ts' },
    },
    {
      id: 'check-statuses',
      prompt:
        'One check passes, one throws before returning a promise, one never answers (timeout 50 ms). What does runChecks report?',
      code: `import { runChecks } from './src/index.ts';

const report = await runChecks([
  { name: 'postgres', run: async () => {} },
  { name: 'redis', run: () => { throw new Error('not configured'); } },
  { name: 'search', timeoutMs: 50, run: () => new Promise<void>(() => {}) },
]);
console.log(report.ok);
for (const [name, result] of Object.entries(report.checks)) console.log(name, result.status, result.error ?? '');`,
      output: 'false\npostgres ok \nredis failed not configured\nsearch timeout no answer within 50 ms',
      explain:
        'A synchronous throw is still a failed check, not a crashed probe: each check starts inside a promise chain. The hung one is cut at its own timeout; readiness is ok only when every check is.',
      see: { section: 'probes', file: 'src/health-checks.ts' },
    },
    {
      id: 'global-registry-twice',
      prompt:
        "Two pieces of code each create a counter named jobs_total on prom-client's default registry. What happens?",
      code: `import { Counter } from 'prom-client';

new Counter({ name: 'jobs_total', help: 'jobs' });
try {
  new Counter({ name: 'jobs_total', help: 'jobs' });
  console.log('two counters');
} catch (error) {
  console.log((error as Error).message);
}`,
      output: 'A metric with the name jobs_total has already been registered.',
      explain:
        'Metrics register on the global default registry unless told otherwise, and a name may be registered once. Two apps or two test files in one process collide, so each app here gets its own Registry.',
      see: { section: 'metrics', file: 'src/metrics.ts' },
    },
  ],
});
