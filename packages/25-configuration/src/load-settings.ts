import type { z } from 'zod';
import { ConfigError, type ConfigIssue, describeValue } from './config-error.ts';
import { type DeepReadonly, deepFreeze } from './deep-freeze.ts';
import { type LayerOptions, resolveLayers } from './layers.ts';
import { isSecretSchema } from './secret.ts';

/** A settings schema: one zod schema per environment variable, each reading a string (or nothing). */
export type SettingsSchema = z.ZodObject<Record<string, z.ZodType<unknown, string | undefined>>>;

export type Settings<S extends SettingsSchema> = DeepReadonly<z.output<S>>;

/**
 * Reads every setting `schema` declares from defaults < .env file < environment, validates them all at
 * once and returns a deeply frozen, typed object — or throws one `ConfigError` listing every problem.
 * Call it once, at start-up, before the server listens: a bad value then stops a deploy instead of
 * surfacing as a 500 on the first request that reads it.
 */
export function loadSettings<S extends SettingsSchema>(schema: S, options: LayerOptions = {}): Settings<S> {
  const shape = schema.shape;
  const keys = Object.keys(shape);
  const { raw, sources, issues } = resolveLayers(keys, options);
  const refused = new Set(issues.map((issue) => issue.key));
  const result = schema.safeParse(raw);
  if (!result.success) {
    const reported = new Set<string>();
    for (const zodIssue of result.error.issues) {
      const key = zodIssue.path.map(String).join('.');
      if (refused.has(key) || reported.has(key)) continue; // one line per setting: its first problem
      reported.add(key);
      const top = String(zodIssue.path[0]);
      const value = raw[top];
      const field = shape[top];
      const issue: ConfigIssue = {
        key,
        expected: value === undefined ? 'a value (required)' : zodIssue.message,
        found: describeValue(value, field !== undefined && isSecretSchema(field)),
      };
      const source = sources[top];
      if (source) issue.source = source;
      issues.push(issue);
    }
  }
  if (issues.length > 0 || !result.success) throw new ConfigError(issues);
  return deepFreeze(result.data) as Settings<S>;
}
