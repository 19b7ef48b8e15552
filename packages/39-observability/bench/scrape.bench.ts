/**
 * What a scrape costs as the number of series grows: the same histogram family with 10, 1,000 and 10,000
 * label sets (each series is 13 lines: 10 buckets, +Inf, sum, count), rendered by `registry.metrics()`.
 * The route label's job is to keep an app at the left end of this table.
 */
import { timeBench } from '@lab/common/bench';
import { Histogram, Registry } from 'prom-client';
import { LATENCY_BUCKETS } from '../src/index.ts';

function registryWith(series: number): Registry {
  const registry = new Registry();
  const histogram = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'latency',
    labelNames: ['method', 'route', 'status_code'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  for (let i = 0; i < series; i++)
    histogram.observe({ method: 'GET', route: `/users/${i}`, status_code: '200' }, 0.02);
  return registry;
}

const small = registryWith(10);
const medium = registryWith(1_000);
const large = registryWith(10_000);

export default [
  timeBench({
    title: 'One /metrics render (registry.metrics()) by series count, one histogram family',
    baseline: '10 series',
    tasks: {
      '10 series': async () => small.metrics(),
      '1,000 series': async () => medium.metrics(),
      '10,000 series': async () => large.metrics(),
    },
    claims: [
      {
        says: 'a scrape costs at least in proportion to the series: 10× the series, over 5× the time (10,000 vs 1,000)',
        subject: '10,000 series',
        against: '1,000 series',
        above: 5,
      },
      {
        says: 'labelling by raw path (1,000 distinct ids) makes each scrape at least 20× dearer than 10 route templates',
        subject: '1,000 series',
        above: 20,
      },
    ],
  }),
];
