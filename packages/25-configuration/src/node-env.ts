import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';

/**
 * What `process.env` keeps of a value you assign: it is a view of the C environment, so every value is
 * converted to a string, cut at the first NUL, and re-encoded (a lone surrogate becomes U+FFFD). Uses a
 * throw-away variable and removes it again.
 */
export function roundTripThroughProcessEnv(value: unknown): string | undefined {
  const key = `LAB_ROUND_TRIP_${randomUUID().replaceAll('-', '_')}`;
  try {
    (process.env as Record<string, unknown>)[key] = value;
    return process.env[key];
  } finally {
    delete process.env[key];
  }
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
