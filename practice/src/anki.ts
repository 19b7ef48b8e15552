/**
 * `--export anki`: a tab-separated deck Anki imports (File → Import): front, back, tags. The `#` header
 * lines tell Anki the separator, that fields are HTML, and which column holds the tags.
 */
import type { Card } from './deck.ts';

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Inline markdown to HTML: code, bold; every newline a `<br>`; never a raw tab (the field separator). */
export function markdownToHtml(markdown: string): string {
  return escapeHtml(markdown)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<b>$1</b>')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/\t/g, '  ')
    .replace(/\r?\n/g, '<br>');
}

const pre = (text: string): string =>
  `<pre>${escapeHtml(text).replace(/\t/g, '  ').replace(/\r?\n/g, '<br>')}</pre>`;

export function ankiRow(card: Card): string {
  const tags = `part-${card.topic.part} topic-${card.topic.slug}`;
  if (card.kind === 'recall') return [markdownToHtml(card.front), markdownToHtml(card.back), tags].join('\t');
  const { prompt, code, output, explain } = card.item;
  const front = `${markdownToHtml(prompt)}<br>${pre(code)}`;
  const back = `${pre(output)}${markdownToHtml(explain)}`;
  return [front, back, tags].join('\t');
}

export function ankiDeck(cards: readonly Card[]): string {
  const header = ['#separator:tab', '#html:true', '#tags column:3'];
  return `${[...header, ...cards.map(ankiRow)].join('\n')}\n`;
}
