/** Terminal rendering for cards: a small TypeScript highlighter, inline markdown, word wrapping. */
import { colorEnabled, visibleWidth } from '@lab/common/output';

const KEYWORDS = new Set(
  (
    'async await break case catch class const continue debugger default delete do else export extends false ' +
    'finally for from function if import in instanceof let new null of return static super switch this throw ' +
    'true try typeof undefined using var void while yield as type interface readonly private public protected'
  ).split(' '),
);

export type TokenKind = 'keyword' | 'string' | 'number' | 'comment' | 'plain';
export interface Token {
  kind: TokenKind;
  text: string;
}

// One alternation, tried at each position: comments, strings (template literals included, `${}` not
// recursed into), numbers, words; anything else is plain text.
const TOKEN =
  /(\/\/[^\n]*|\/\*[\s\S]*?\*\/)|('(?:\\.|[^'\\\n])*'?|"(?:\\.|[^"\\\n])*"?|`(?:\\[\s\S]|[^`\\])*`?)|(\b(?:0[xob][\da-f_]+|\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?n?)\b)|([A-Za-z_$][\w$]*)/gi;

/** Splits TypeScript source into coloured runs; concatenating the texts gives the source back. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const m of source.matchAll(TOKEN)) {
    const index = m.index ?? 0;
    if (index > last) tokens.push({ kind: 'plain', text: source.slice(last, index) });
    const [text, comment, string, number, word] = m;
    const kind: TokenKind = comment
      ? 'comment'
      : string
        ? 'string'
        : number
          ? 'number'
          : word && KEYWORDS.has(word)
            ? 'keyword'
            : 'plain';
    tokens.push({ kind, text });
    last = index + text.length;
  }
  if (last < source.length) tokens.push({ kind: 'plain', text: source.slice(last) });
  return tokens;
}

const ANSI: Record<TokenKind, [number, number] | undefined> = {
  keyword: [35, 39],
  string: [32, 39],
  number: [33, 39],
  comment: [2, 22],
  plain: undefined,
};

/** The snippet with ANSI colours on a colour terminal, unchanged otherwise (NO_COLOR, pipes). */
export function highlight(source: string, color = colorEnabled()): string {
  if (!color) return source;
  return tokenize(source)
    .map(({ kind, text }) => {
      const codes = ANSI[kind];
      if (!codes) return text;
      // Colour each line separately: a prefix added per line must not sit inside an escape.
      return text
        .split('\n')
        .map((part) => (part ? `\u001b[${codes[0]}m${part}\u001b[${codes[1]}m` : part))
        .join('\n');
    })
    .join('');
}

/** README inline markdown for a terminal: `code` in cyan, **bold** bold, links as their text. */
export function inline(markdown: string, color = colorEnabled()): string {
  const paint = (open: number, close: number) => (_: string, text: string) =>
    color ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return markdown
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/`([^`]+)`/g, paint(36, 39))
    .replace(/\*\*([^*]+)\*\*/g, paint(1, 22))
    .replace(/(?<![\w*])_([^_]+)_(?!\w)/g, paint(3, 23));
}

/** Word-wraps each paragraph to `width` visible columns (ANSI escapes take no room). */
export function wrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((paragraph) => {
      const lines: string[] = [];
      let current = '';
      for (const word of paragraph.split(' ')) {
        if (current && visibleWidth(current) + 1 + visibleWidth(word) > width) {
          lines.push(current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      lines.push(current);
      return lines.join('\n');
    })
    .join('\n');
}
