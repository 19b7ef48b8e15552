import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { type Bench, interleaved, measureBench, timeBench } from '@lab/common/bench';
import { buildAppSettingsSchema, loadAppSettings } from '../src/app-settings.ts';
import { parseEnvFile } from '../src/env-file.ts';
import { loadSettings } from '../src/load-settings.ts';

/** Keeps results alive so V8 cannot drop the work. */
let _sink = 0;

/** The environment a deployed API might see: the two required secrets and a few overrides. */
const env: Record<string, string | undefined> = {
  DATABASE_URL: 'postgres://app:pw@127.0.0.1:5432/app',
  SESSION_SECRET: 's'.repeat(40),
  PORT: '8080',
  DEBUG: 'true',
  ALLOWED_HOSTS: 'localhost,api.example.com',
};

/** What configuration looks like without a schema: the baseline, and what it does not check. */
function handWrittenReads(): void {
  const port = Number(env.PORT ?? '3000');
  const debug = env.DEBUG === 'true';
  const hosts = (env.ALLOWED_HOSTS ?? 'localhost').split(',');
  if (!env.DATABASE_URL || !env.SESSION_SECRET) throw new Error('missing');
  _sink += port + (debug ? 1 : 0) + hosts.length;
}

const envText = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');

export default [
  timeBench({
    title: 'Start-up validation: 10 settings with zod vs hand-written process.env reads',
    baseline: 'hand-written reads',
    tasks: {
      'hand-written reads': handWrittenReads,
      'loadSettings (schema built once)': () => {
        _sink += loadAppSettings({ env }).PORT;
      },
      'build the schema + loadSettings (cold)': () => {
        _sink += loadSettings(buildAppSettingsSchema(), { env }).PORT;
      },
    },
    claims: [
      {
        says: 'Validating 10 settings with zod costs over 10× hand-written reads: it checks, coerces, freezes and wraps secrets',
        subject: 'loadSettings (schema built once)',
        above: 10,
        seed: 'The series: "validate at startup — fail fast"; it gives no figure',
      },
      {
        says: 'Most of the first call is building the schema: a cold build + load costs over 5× a load with the schema built',
        subject: 'build the schema + loadSettings (cold)',
        against: 'loadSettings (schema built once)',
        above: 5,
      },
    ],
  }),
  measureBench({
    title: 'A cold settings load vs starting an empty Node process',
    baseline: 'node -e "" (fresh process)',
    unit: 'ms',
    better: 'lower',
    measure: async ({ smoke }) =>
      interleaved(
        {
          'node -e "" (fresh process)': () => {
            _sink += spawnSync(process.execPath, ['-e', '']).status ?? 0;
          },
          'build the schema + loadSettings (cold)': () => {
            _sink += loadSettings(buildAppSettingsSchema(), { env }).PORT;
          },
        },
        { rounds: smoke ? 3 : 25, warmupRounds: smoke ? 1 : 3 },
      ),
    claims: [
      {
        says: 'Validating at start-up is a rounding error of start-up: a cold load costs under a fifth of starting an empty Node',
        subject: 'build the schema + loadSettings (cold)',
        below: 0.2,
      },
    ],
  }),
  timeBench({
    title: "Parsing .env.example: this topic's parser vs Node's util.parseEnv",
    baseline: 'util.parseEnv (Node, C++)',
    tasks: {
      'util.parseEnv (Node, C++)': () => {
        _sink += Object.keys(parseEnv(envText)).length;
      },
      'parseEnvFile (TypeScript, with line numbers and problems)': () => {
        _sink += parseEnvFile(envText).entries.length;
      },
    },
    claims: [
      {
        says: 'Parsing in TypeScript, with line numbers and duplicate checks, stays within 4× of Node’s own parser',
        subject: 'parseEnvFile (TypeScript, with line numbers and problems)',
        below: 4,
      },
    ],
  }),
] satisfies Bench[];
