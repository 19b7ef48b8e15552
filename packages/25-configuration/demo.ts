import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { code, formatDuration, kv, lessonCheck, medianTimePerCall, runDemo, say, table } from '@lab/common';
import { z } from 'zod';
import {
  appSettingsSchema,
  buildAppSettingsSchema,
  ConfigError,
  ENV_EXAMPLE_HEADER,
  envBoolean,
  envInt,
  loadAppSettings,
  loadEnvFileInChild,
  loadSettings,
  renderEnvExample,
  resolveLayers,
  roundTripThroughProcessEnv,
  SOURCE_NAMES,
} from './src/index.ts';

const DEV_SECRETS = {
  DATABASE_URL: 'postgres://app:dev-password@127.0.0.1:5432/app',
  SESSION_SECRET: 'dev-session-secret-at-least-32-chars',
};

/** What a zod schema says about a raw string: its value, or its first error message. */
function verdict(schema: z.ZodType, raw: string): string {
  const result = schema.safeParse(raw);
  return result.success ? JSON.stringify(result.data) : `✗ ${result.error.issues[0]?.message ?? 'invalid'}`;
}

function coercionSection(): void {
  table(
    ['false', '0', 'no', 'maybe'].map((raw) => ({
      'DEBUG=': raw,
      'Boolean(raw)': Boolean(raw),
      'z.coerce.boolean()': verdict(z.coerce.boolean(), raw),
      'envBoolean()': verdict(envBoolean(), raw),
    })),
  );
  table(
    ['', '0x1F', '1e3', '3.5', '8080'].map((raw) => ({
      'PORT=': JSON.stringify(raw),
      'z.coerce.number()': verdict(z.coerce.number(), raw),
      'envInt({ min: 1, max: 65535 })': verdict(envInt({ min: 1, max: 65_535 }), raw),
    })),
  );
  say(
    'Coercion is Number() and Boolean(): a typo becomes a value nobody wrote. Parse words, refuse the rest.',
  );
}

function layersSection(): void {
  const options = {
    defaults: { LOG_LEVEL: 'warn', MAX_CONNECTIONS: '5' },
    envFile: { name: '.env', text: 'LOG_LEVEL=debug\nPORT=3001\n' },
    env: { ...DEV_SECRETS, PORT: '8080' },
  };
  const { sources } = resolveLayers(Object.keys(appSettingsSchema.shape), options);
  const settings = loadAppSettings(options);
  table(
    (['PORT', 'LOG_LEVEL', 'MAX_CONNECTIONS', 'DEBUG'] as const).map((key) => ({
      setting: key,
      value: JSON.stringify(settings[key]),
      'came from': sources[key] ? SOURCE_NAMES[sources[key]] : 'the schema default',
    })),
  );
  kv({ 'Object.isFrozen(settings.ALLOWED_HOSTS)': Object.isFrozen(settings.ALLOWED_HOSTS) });
}

function allProblemsSection(): void {
  try {
    loadAppSettings({
      env: { PORT: 'eighty', DEBUG: 'ture', DATABASE_URL: 'mysql://root:hunter2@db/app' },
      envFile: { name: '.env', text: 'LOG_LEVEL=info\nLOG_LEVEL=debug\nSESION_SECRET=abc\n' },
    });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    code(error.message);
    say(
      `${error.issues.length} problems in one start-up, and the password in DATABASE_URL is not among them.`,
    );
  }
}

function secretsSection(): void {
  const settings = loadAppSettings({ env: DEV_SECRETS });
  kv({
    'console.log(settings.DATABASE_URL)': inspect(settings.DATABASE_URL),
    '`${settings.SESSION_SECRET}`': `${settings.SESSION_SECRET}`,
    'JSON.stringify(settings), its secrets': JSON.stringify(settings)
      .match(/"(DATABASE_URL|SESSION_SECRET)":"[^"]*"/g)
      ?.join(', '),
    "JSON.stringify(settings) contains 'dev-password'": JSON.stringify(settings).includes('dev-password'),
    "settings.DATABASE_URL.reveal().startsWith('postgres://')":
      settings.DATABASE_URL.reveal().startsWith('postgres://'),
  });
}

function nodeEnvFileSection(): void {
  const dir = mkdtempSync(join(tmpdir(), 'lab-config-demo-'));
  try {
    const path = join(dir, '.env');
    writeFileSync(path, 'PORT=3000\nLOG_LEVEL=debug\nLOG_LEVEL=trace\n');
    const after = loadEnvFileInChild(path, { PORT: '8080' }, ['PORT', 'LOG_LEVEL']);
    const [nul, five] = roundTripThroughProcessEnv(['abc\u0000def', 5]);
    kv({
      '.env': 'PORT=3000, LOG_LEVEL=debug, LOG_LEVEL=trace',
      'already set': 'PORT=8080',
      'after process.loadEnvFile': `PORT=${after.PORT}, LOG_LEVEL=${after.LOG_LEVEL}`,
      "process.env.X = 'abc\\0def' reads back": JSON.stringify(nul),
      'process.env.X = 5 reads back': JSON.stringify(five),
    });
    say(
      'The real environment wins over the file (good); the duplicate went unreported; a NUL cuts the value.',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function envExampleSection(): void {
  const text = renderEnvExample(appSettingsSchema, ENV_EXAMPLE_HEADER);
  code(text.split('\n').slice(3, 13).join('\n'));
  say(
    `… ${text.split('\n').filter((l) => /^[A-Z_]+=/.test(l)).length} settings; secrets stay empty; a test keeps the committed file equal to this.`,
  );
}

function costSection(): void {
  const env = { ...DEV_SECRETS, PORT: '8080' };
  const warm = medianTimePerCall(() => loadAppSettings({ env }), { calls: 200, rounds: 7, warmupRounds: 2 });
  const cold = medianTimePerCall(() => loadSettings(buildAppSettingsSchema(), { env }), {
    calls: 20,
    rounds: 7,
    warmupRounds: 1,
  });
  lessonCheck(
    cold < 25,
    'validating every setting at start-up costs milliseconds at most, once per process',
    `cold (build the schema + load) ${formatDuration(cold)}, warm ${formatDuration(warm)}`,
    'pnpm bench configuration',
  );
}

await runDemo({
  title: 'Configuration',
  subtitle: 'Part 3, Q5 — settings from the environment, validated once at start-up',
  sections: [
    {
      id: 'coercion',
      title: 'The coercion traps: "false" is true, "" is 0',
      why: 'Every environment variable is a string; how it becomes a boolean or a number decides what runs.',
      run: coercionSection,
    },
    {
      id: 'layers',
      title: 'Layers: defaults < .env file < environment',
      why: 'One merge, one validation, one deeply frozen typed object.',
      run: layersSection,
    },
    {
      id: 'all-problems',
      title: 'Every problem at once, in one readable error',
      why: 'An operator fixes them all in one deploy, not one per crash loop.',
      run: allProblemsSection,
    },
    {
      id: 'secrets',
      title: 'Secrets that cannot be printed by accident',
      why: 'Loggers print objects; a Secret prints [redacted] every way they look at it.',
      run: secretsSection,
    },
    {
      id: 'node-env-file',
      title: "Node's own process.loadEnvFile, and process.env's quirks",
      why: 'It never overrides a variable already set, keeps a duplicate silently, and process.env stores C strings.',
      run: nodeEnvFileSection,
    },
    {
      id: 'env-example',
      title: '.env.example generated from the schema',
      why: 'The template a new developer copies cannot drift from what the service reads.',
      run: envExampleSection,
    },
    {
      id: 'cost',
      title: 'What validating at start-up costs',
      why: 'Milliseconds once per process, against a bad value found by the first request that reads it.',
      run: costSection,
    },
  ],
});
