/**
 * The source with every comment and the inside of every string, template and regex literal blanked out
 * (same length, newlines kept), so a search for `import` finds only real import syntax and every match's
 * offset still points into the original text. Quote characters stay, so a specifier can be read back.
 */
export function maskSource(source: string): string {
  const out = source.split('');
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (out[i] !== '\n') out[i] = ' ';
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'" || c === '`') {
      const stop = closingQuote(source, i);
      blank(i + 1, stop);
      i = stop + 1;
    } else if (c === '/' && startsRegex(source, i)) {
      const stop = closingSlash(source, i);
      blank(i + 1, stop);
      i = stop + 1;
    } else i++;
  }
  return out.join('');
}

/** Index of the quote that ends the literal opened at `start` (escapes skipped; `${…}` is left inside a template). */
function closingQuote(source: string, start: number): number {
  const quote = source[start];
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === quote) return i;
    else if (source[i] === '\n' && quote !== '`') return i;
  }
  return source.length;
}

function closingSlash(source: string, start: number): number {
  let inClass = false;
  for (let i = start + 1; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) return i;
    else if (c === '\n') return i;
  }
  return source.length;
}

/** A `/` starts a regex (not a division) after an operator, an opening bracket, or at the start. */
function startsRegex(source: string, slash: number): boolean {
  let i = slash - 1;
  while (i >= 0 && /\s/.test(source[i] as string)) i--;
  if (i < 0) return true;
  if ('(,=:[!&|?{};+-*%<>~^'.includes(source[i] as string)) return true;
  return /\b(?:return|typeof|case|do|else|in|of|void|yield|await)$/.test(
    source.slice(Math.max(0, i - 6), i + 1),
  );
}
