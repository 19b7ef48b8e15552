import type { z } from 'zod';
import type { SettingsSchema } from './load-settings.ts';
import { isSecretSchema } from './secret.ts';

/** What a setting's `.meta({...})` may say, for `.env.example` and for people. */
export interface SettingMeta {
  description?: string;
  /** A sample value for `.env.example` (ignored for secrets, whose line stays empty). */
  example?: string;
}

/** How a default value is written back as an environment string. */
function asEnvString(value: unknown): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}

/**
 * `.env.example` generated from the schema, so the template a new developer copies can never drift from
 * what the service actually reads (a test compares the committed file with this output). Secrets get an
 * empty value: an example file full of plausible secrets ends up used as real ones.
 */
export function renderEnvExample(schema: SettingsSchema, header: readonly string[] = []): string {
  const lines = header.map((line) => `# ${line}`);
  for (const [key, field] of Object.entries(schema.shape) as Array<[string, z.ZodType]>) {
    const meta = (field.meta() ?? {}) as SettingMeta;
    const secret = isSecretSchema(field);
    const whenUnset = field.safeParse(undefined);
    const notes = [
      whenUnset.success
        ? whenUnset.data === undefined
          ? 'Optional.'
          : `Default: ${asEnvString(whenUnset.data)}.`
        : 'Required.',
    ];
    if (secret) notes.push('Secret: set it in the environment or a secret store, never in git.');
    if (lines.length > 0) lines.push('');
    if (meta.description) lines.push(`# ${meta.description}`);
    lines.push(`# ${notes.join(' ')}`);
    lines.push(`${key}=${secret ? '' : (meta.example ?? '')}`);
  }
  return `${lines.join('\n')}\n`;
}
