/** One `KEY=value` line of a .env file, with where it was written. */
export interface EnvEntry {
  key: string;
  value: string;
  line: number;
}

/** Something in a .env file that would make Node guess, reported with its line instead. */
export interface EnvFileProblem {
  line: number;
  message: string;
}

export interface ParsedEnvFile {
  /** Every assignment in file order, duplicates included. */
  entries: EnvEntry[];
  /** The value each key ends up with (the last assignment wins, as in Node). */
  values: Map<string, string>;
  problems: EnvFileProblem[];
}

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const QUOTES = new Set(['"', "'", '`']);

/**
 * Parses .env text with Node's rules for what it accepts (`process.loadEnvFile` / `util.parseEnv`:
 * `export ` prefix, `#` comments, '…', "…" and `…` quotes, multi-line quoted values, `\n` expanded only
 * inside double quotes) — but where Node silently drops or guesses, this reports a problem with its line:
 * a line without `=`, a key that is not an identifier, an unterminated quote, and a key assigned twice
 * (Node keeps the last one, so a second `DATABASE_URL` further down quietly wins).
 */
export function parseEnvFile(text: string): ParsedEnvFile {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const entries: EnvEntry[] = [];
  const problems: EnvFileProblem[] = [];
  for (let i = 0; i < lines.length; i++) {
    const lineNumber = i + 1;
    const trimmed = (lines[i] ?? '').trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const assignment = trimmed.replace(/^export\s+/, '');
    const eq = assignment.indexOf('=');
    if (eq === -1) {
      problems.push({ line: lineNumber, message: 'no "=" on this line' });
      continue;
    }
    const key = assignment.slice(0, eq).trim();
    if (!KEY.test(key)) {
      problems.push({ line: lineNumber, message: `${JSON.stringify(key)} is not a valid variable name` });
      continue;
    }
    const rest = assignment.slice(eq + 1).trimStart();
    const quote = rest[0] ?? '';
    if (!QUOTES.has(quote)) {
      entries.push({ key, value: unquoted(rest), line: lineNumber });
      continue;
    }
    const quoted = readQuoted(quote, rest.slice(1), lines, i);
    if (quoted === undefined) {
      problems.push({ line: lineNumber, message: `${key}: the ${quote} quote is never closed` });
      break; // everything after an unclosed quote would be read as part of its value
    }
    entries.push({ key, value: quoted.value, line: lineNumber });
    i = quoted.lastLine;
  }
  const all = [...problems, ...duplicates(entries)].sort((a, b) => a.line - b.line);
  return { entries, values: new Map(entries.map((e) => [e.key, e.value])), problems: all };
}

/** An unquoted value ends at the first `#` and loses its surrounding blanks. */
function unquoted(rest: string): string {
  const hash = rest.indexOf('#');
  return (hash === -1 ? rest : rest.slice(0, hash)).trim();
}

/** Reads a quoted value that may run over several lines; text after the closing quote is ignored, as Node does. */
function readQuoted(
  quote: string,
  firstLineRest: string,
  lines: readonly string[],
  startLine: number,
): { value: string; lastLine: number } | undefined {
  let body = firstLineRest;
  for (let i = startLine; i < lines.length; i++) {
    if (i > startLine) body += `\n${lines[i] ?? ''}`;
    const close = body.indexOf(quote);
    if (close !== -1) {
      const raw = body.slice(0, close);
      return { value: quote === '"' ? raw.replaceAll('\\n', '\n') : raw, lastLine: i };
    }
  }
  return undefined;
}

function duplicates(entries: readonly EnvEntry[]): EnvFileProblem[] {
  const firstLine = new Map<string, number>();
  const problems: EnvFileProblem[] = [];
  for (const { key, line } of entries) {
    const first = firstLine.get(key);
    if (first === undefined) firstLine.set(key, line);
    else problems.push({ line, message: `${key} is already set on line ${first}` });
  }
  return problems;
}
