import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'false-is-true',
      prompt: 'DEBUG=false in the environment. Three ways to read it as a boolean: what prints?',
      code: `import { z } from 'zod';
import { envBoolean } from './src/coerce.ts';

const raw = 'false';
console.log(Boolean(raw), z.coerce.boolean().parse(raw), envBoolean().parse(raw));`,
      output: 'true true false',
      explain:
        'Boolean() is true for every non-empty string, and z.coerce.boolean() is Boolean(). Only a parser that reads the words (envBoolean, or zod 4’s z.stringbool()) turns "false" into false.',
      see: { section: 'coercion', file: 'src/coerce.ts' },
    },
    {
      id: 'coerce-number-accepts-too-much',
      prompt: 'PORT is empty, hexadecimal, or in exponent form. What does z.coerce.number() make of each?',
      code: `import { z } from 'zod';

const port = z.coerce.number();
console.log(port.parse(''), port.parse('0x1F'), port.parse('1e3'));
console.log(port.safeParse('eighty').success);`,
      output: '0 31 1000\nfalse',
      explain:
        'Coercion is Number(raw): an empty string is 0, and hex and exponent forms are numbers. Only text that is not a number at all fails. Read integers with a digits-only pattern (envInt) instead.',
      see: { section: 'coercion', file: 'src/coerce.ts' },
    },
    {
      id: 'load-env-file-does-not-override',
      prompt:
        'The shell already set PORT; the .env file says otherwise. After process.loadEnvFile, what is PORT?',
      code: `import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const file = join(mkdtempSync(join(tmpdir(), 'p-')), '.env');
writeFileSync(file, 'PORT=3000\\nAPP_MODE=a\\nAPP_MODE=b\\n');
process.env.PORT = '8080';
process.loadEnvFile(file);
console.log(process.env.PORT, process.env.APP_MODE);`,
      output: '8080 b',
      explain:
        'process.loadEnvFile (and --env-file) never overwrites a variable that is already set, so the real environment wins over the file. A key written twice in the file takes its last value, with no warning.',
      see: { section: 'node-env-file', file: 'src/node-env.ts' },
    },
    {
      id: 'process-env-is-c-strings',
      prompt: 'Two assignments to process.env. What reads back?',
      code: `process.env.TOKEN = 'abc\\u0000def';
(process.env as Record<string, unknown>).RETRIES = 3;
console.log(process.env.TOKEN?.length, typeof process.env.RETRIES);`,
      output: '3 string',
      explain:
        'process.env is the C environment of the process: a value is cut at its first NUL and anything assigned is converted to a string. That is why the loader refuses NUL instead of passing it on.',
      see: { section: 'node-env-file', file: 'src/layers.ts' },
    },
    {
      id: 'secret-in-a-log-line',
      prompt: 'A settings object with a Secret goes through the usual ways of printing. What prints?',
      code: `import { Secret } from './src/secret.ts';

const settings = { port: 3000, dbPassword: new Secret('hunter2') };
console.log(JSON.stringify(settings));
console.log(\`password=\${settings.dbPassword}\`, Object.keys({ ...settings.dbPassword }).length);
console.log(settings.dbPassword.reveal());`,
      output: '{"port":3000,"dbPassword":"[redacted]"}\npassword=[redacted] 0\nhunter2',
      explain:
        'toJSON and Symbol.toPrimitive answer [redacted], and the value sits in a private field, which a spread does not copy. Only reveal() returns it, so every real use is easy to find by searching.',
      see: { section: 'secrets', file: 'src/secret.ts' },
    },
  ],
});
