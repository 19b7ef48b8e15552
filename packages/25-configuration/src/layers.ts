import { readFileSync } from 'node:fs';
import { closestMatch } from '@lab/common/text';
import { type ConfigIssue, describeValue, type Source } from './config-error.ts';
import { parseEnvFile } from './env-file.ts';

/** A .env file on disk, or its text under a name (tests, benches, a secret manager's payload). */
export type EnvFileInput = string | { name: string; text: string };

export interface LayerOptions {
  /** The process environment; defaults to `process.env`. Pass an object in tests: never mutate the real one. */
  env?: Readonly<Record<string, string | undefined>>;
  /** A .env file: the middle layer. A missing file is skipped unless `envFileRequired` (it is a dev-only file). */
  envFile?: EnvFileInput;
  envFileRequired?: boolean;
  /** The lowest layer, as strings, so a default goes through the same validation as what an operator types. */
  defaults?: Readonly<Record<string, string>>;
  /** Longer raw values are refused before validation. Default 4096. */
  maxValueLength?: number;
}

export interface Layers {
  /** The winning raw string for each known key (undefined: set nowhere). */
  raw: Record<string, string | undefined>;
  /** Which layer each set key came from. */
  sources: Record<string, Source>;
  /** Problems found before any schema ran: the file's syntax, unknown file keys, unsafe strings. */
  issues: ConfigIssue[];
}

/**
 * Merges defaults < .env file < environment for the keys a schema declares, and refuses at the boundary
 * what no setting should hold: NUL (process.env cannot even store it — it cuts the value there — and
 * PostgreSQL refuses it in text), strings that are not well-formed Unicode, and values over the length cap.
 */
export function resolveLayers(keys: readonly string[], options: LayerOptions = {}): Layers {
  const { env = process.env, defaults = {}, maxValueLength = 4096 } = options;
  const issues: ConfigIssue[] = [];
  const file = readEnvFile(options, keys, issues);
  const raw: Record<string, string | undefined> = {};
  const sources: Record<string, Source> = {};
  const layers: Array<[Source, (key: string) => string | undefined]> = [
    ['env', (key) => (Object.hasOwn(env, key) ? env[key] : undefined)],
    ['file', (key) => file.get(key)],
    ['default', (key) => (Object.hasOwn(defaults, key) ? defaults[key] : undefined)],
  ];
  for (const key of keys) {
    const hit = layers.find(([, read]) => read(key) !== undefined);
    if (!hit) {
      raw[key] = undefined;
      continue;
    }
    const [source, read] = hit;
    const value = read(key) as string;
    sources[key] = source;
    const refused = boundaryProblem(value, maxValueLength);
    if (refused) issues.push({ key, source, expected: refused, found: describeValue(value, false) });
    else raw[key] = value;
  }
  return { raw, sources, issues };
}

/** With the u flag a surrogate pair is one code point, so only an unpaired half matches (lib ES2023 has no isWellFormed). */
const LONE_SURROGATE = /\p{Surrogate}/u;

function boundaryProblem(value: string, maxLength: number): string | undefined {
  if (typeof value !== 'string') return 'a string';
  if (value.includes('\u0000')) return 'no NUL characters';
  if (LONE_SURROGATE.test(value)) return 'well-formed Unicode (no lone surrogates)';
  if (value.length > maxLength) return `at most ${maxLength} characters`;
  return undefined;
}

function readEnvFile(
  options: LayerOptions,
  keys: readonly string[],
  issues: ConfigIssue[],
): Map<string, string> {
  const { envFile, envFileRequired = false } = options;
  if (envFile === undefined) return new Map();
  const { name, text } =
    typeof envFile === 'string' ? { name: envFile, text: readIfPresent(envFile) } : envFile;
  if (text === undefined) {
    if (envFileRequired) issues.push({ key: name, expected: 'a readable .env file', found: 'no such file' });
    return new Map();
  }
  const parsed = parseEnvFile(text);
  const fileIssues: Array<{ line: number; issue: ConfigIssue }> = parsed.problems.map(
    ({ line, message }) => ({
      line,
      issue: { key: `${name}:${line}`, expected: 'valid .env syntax, each key once', found: message },
    }),
  );
  for (const { key, line } of parsed.entries) {
    if (keys.includes(key)) continue;
    const near = closestMatch(key, keys, 3);
    const found = near ? `${key} (did you mean ${near}?)` : key;
    fileIssues.push({
      line,
      issue: { key: `${name}:${line}`, expected: 'a setting this service reads', found },
    });
  }
  issues.push(...fileIssues.sort((a, b) => a.line - b.line).map(({ issue }) => issue));
  return parsed.values;
}

function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
