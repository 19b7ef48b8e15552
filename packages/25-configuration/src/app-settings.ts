import { z } from 'zod';
import { envBoolean, envInt, envList, envPort } from './coerce.ts';
import type { LayerOptions } from './layers.ts';
import { loadSettings, type Settings } from './load-settings.ts';
import { secret } from './secret.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;

/**
 * The production API's settings: one schema, read once at start-up. Every entry is an environment
 * variable; its `.meta()` feeds `.env.example`. A function so the bench can measure a cold build.
 */
export function buildAppSettingsSchema() {
  return z.object({
    NODE_ENV: z
      .enum(['development', 'test', 'production'])
      .default('development')
      .meta({ description: 'Which environment this process runs in.', example: 'development' }),
    HOST: z
      .string()
      .min(1)
      .default('127.0.0.1')
      .meta({ description: 'The address the HTTP server binds to.', example: '127.0.0.1' }),
    PORT: envPort().default(3000).meta({ description: 'The HTTP port.', example: '3000' }),
    DATABASE_URL: secret(z.url({ protocol: /^postgres(ql)?$/, error: 'expected a postgres:// URL' })).meta({
      description: 'PostgreSQL connection string (it holds a password).',
    }),
    REDIS_URL: z
      .url({ protocol: /^rediss?$/, error: 'expected a redis:// URL' })
      .default('redis://127.0.0.1:6379')
      .meta({ description: 'Redis for caches and rate limits.', example: 'redis://127.0.0.1:6379' }),
    SESSION_SECRET: secret(z.string().min(32, { error: 'expected at least 32 characters' })).meta({
      description: 'Signs session cookies; 32 characters or more.',
    }),
    LOG_LEVEL: z
      .enum(LOG_LEVELS)
      .default('info')
      .meta({ description: `Least severe level logged: ${LOG_LEVELS.join(', ')}.`, example: 'info' }),
    DEBUG: envBoolean()
      .default(false)
      .meta({ description: 'Verbose diagnostics: true/false, 1/0, yes/no, on/off.', example: 'false' }),
    MAX_CONNECTIONS: envInt({ min: 1, max: 100 })
      .default(10)
      .meta({ description: 'PostgreSQL pool size, 1-100.', example: '10' }),
    ALLOWED_HOSTS: envList().default(['localhost']).meta({
      description: 'Host names the API answers for, comma-separated.',
      example: 'localhost,api.example.com',
    }),
  });
}

export const appSettingsSchema = buildAppSettingsSchema();

export type AppSettings = Settings<typeof appSettingsSchema>;

/** The service's one call at start-up. */
export const loadAppSettings = (options: LayerOptions = {}): AppSettings =>
  loadSettings(appSettingsSchema, options);

/** The lines above the generated `.env.example`. */
export const ENV_EXAMPLE_HEADER = [
  'Generated from src/app-settings.ts by renderEnvExample; test/env-example.test.ts fails if it drifts.',
  'Copy to .env for local development. Never commit .env.',
] as const;
