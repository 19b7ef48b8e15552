import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { appSettingsSchema, ENV_EXAMPLE_HEADER } from '../src/app-settings.ts';
import { envList } from '../src/coerce.ts';
import { renderEnvExample } from '../src/env-example.ts';
import { parseEnvFile } from '../src/env-file.ts';
import { secret } from '../src/secret.ts';

/** The one-liner that rewrites .env.example from the schema. */
const REGENERATE = `pnpm exec tsx -e "import('./src/index.ts').then((m) => process.stdout.write(m.renderEnvExample(m.appSettingsSchema, m.ENV_EXAMPLE_HEADER)))" > .env.example`;

const committed = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');

describe('.env.example', () => {
  it('the committed file is exactly what the schema generates (regenerate it if this fails)', () => {
    expect(committed, `regenerate it: cd packages/25-configuration && ${REGENERATE}`).toBe(
      renderEnvExample(appSettingsSchema, ENV_EXAMPLE_HEADER),
    );
  });

  it('lists every setting once, parses cleanly, and leaves every secret empty', () => {
    const parsed = parseEnvFile(committed);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => e.key)).toEqual(Object.keys(appSettingsSchema.shape));
    expect(parsed.values.get('DATABASE_URL')).toBe('');
    expect(parsed.values.get('SESSION_SECRET')).toBe('');
  });

  it('says which settings are required, optional, defaulted or secret', () => {
    const schema = z.object({
      NEEDED: z.string().meta({ description: 'Needed.', example: 'x' }),
      MAYBE: z.string().optional(),
      WITH_DEFAULT: z.string().default('d'),
      LIST: envList().default(['a', 'b']),
      TOKEN: secret(z.string()).meta({ example: 'never-shown' }),
    });
    expect(renderEnvExample(schema)).toBe(
      [
        '# Needed.',
        '# Required.',
        'NEEDED=x',
        '',
        '# Optional.',
        'MAYBE=',
        '',
        '# Default: d.',
        'WITH_DEFAULT=',
        '',
        '# Default: a,b.',
        'LIST=',
        '',
        '# Required. Secret: set it in the environment or a secret store, never in git.',
        'TOKEN=',
        '',
      ].join('\n'),
    );
  });
});
