import { execFileSync } from 'node:child_process';

/** JSON cannot carry undefined; this stands for it on the way to the child. */
const UNDEFINED = { undefined: true };

/**
 * What the real process environment keeps of each value assigned to it: it is a view of the C environment,
 * so every value is converted to a string, cut at the first NUL, and re-encoded (a lone surrogate becomes
 * U+FFFD). Runs in a fresh process's main thread, because a worker thread's `process.env` (vitest's and
 * Stryker's thread pools) is a plain copy that keeps the NUL. Values travel over stdin: argv and the
 * environment itself are C strings and would cut them first.
 */
export function roundTripThroughProcessEnv(values: readonly unknown[]): Array<string | undefined> {
  const script = `let input = '';
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const out = JSON.parse(input).map((value, i) => {
    const key = 'LAB_ROUND_TRIP_' + i;
    process.env[key] = value !== null && typeof value === 'object' && value.undefined ? undefined : value;
    return process.env[key] ?? null;
  });
  process.stdout.write(JSON.stringify(out));
});`;
  const stdout = execFileSync(process.execPath, ['-e', script], {
    input: JSON.stringify(values.map((v) => (v === undefined ? UNDEFINED : v))),
    env: { PATH: process.env.PATH ?? '' },
    encoding: 'utf8',
  });
  return (JSON.parse(stdout) as Array<string | null>).map((v) => v ?? undefined);
}

/**
 * Runs Node's own `process.loadEnvFile(path)` in a fresh process whose environment is exactly `preset`
 * (plus PATH), and returns what `keys` hold afterwards. A child, because loadEnvFile writes into the
 * calling process's environment and that cannot be undone cleanly in a test runner.
 */
export function loadEnvFileInChild(
  path: string,
  preset: Readonly<Record<string, string>>,
  keys: readonly string[],
): Record<string, string | null> {
  const script = `process.loadEnvFile(${JSON.stringify(path)});
const keys = ${JSON.stringify(keys)};
console.log(JSON.stringify(Object.fromEntries(keys.map((k) => [k, process.env[k] ?? null]))));`;
  const stdout = execFileSync(process.execPath, ['-e', script], {
    env: { PATH: process.env.PATH ?? '', ...preset },
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as Record<string, string | null>;
}
