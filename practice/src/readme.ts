/**
 * Recall cards come from a topic's README, never written twice: "The question" → "The 30-second answer",
 * and one card per follow-up bullet `- **<question?>** <answer>`.
 *
 * Identity: a card is keyed by topic slug + card id, and progress follows the key. The answer card's id is
 * `answer`. A follow-up's id is `followup-<first five words of its question>`, unless the bullet carries
 * `<!-- id: some-id -->`: add one before rewording a question whose history should survive the rewording
 * (the comment is invisible on GitHub and in the cards).
 */

export interface RecallCard {
  kind: 'recall';
  id: string;
  /** The question, as markdown (inline only: `code`, **bold**). */
  front: string;
  /** The model answer, as markdown. */
  back: string;
}

export class ReadmeFormatError extends Error {}

const EXPLICIT_ID = /<!--\s*id:\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*-->/;

/** The kebab-case slug of the first `words` words of a question: `followup-<slug>`. */
export function questionSlug(question: string, words = 5): string {
  return question
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .slice(0, words)
    .join('-');
}

/** The body of each `## Heading` of a markdown file, by heading text. */
export function sections(markdown: string): Map<string, string> {
  const out = new Map<string, string>();
  let current: string | undefined;
  let lines: string[] = [];
  let fenced = false;
  const flush = () => {
    if (current !== undefined) out.set(current, lines.join('\n').trim());
  };
  for (const line of markdown.replace(/\r\n/g, '\n').split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = !fenced && /^## (.+)$/.exec(line);
    if (heading) {
      flush();
      current = (heading[1] ?? '').trim();
      lines = [];
    } else lines.push(line);
  }
  flush();
  return out;
}

/** Paragraphs with their soft line breaks joined; blockquote markers dropped. */
function paragraphs(body: string): string {
  return body
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((l) => l.replace(/^\s*>\s?/, '').trim())
        .filter(Boolean)
        .join(' '),
    )
    .filter(Boolean)
    .join('\n\n');
}

/** The follow-up bullets of a README, or a ReadmeFormatError naming what could not be parsed. */
export function parseFollowUps(body: string): RecallCard[] {
  const bullets: string[] = [];
  for (const line of body.split('\n')) {
    if (line.trim() === '') continue;
    if (line.startsWith('- ')) bullets.push(line);
    else if (/^\s+\S/.test(line) && bullets.length > 0) bullets[bullets.length - 1] += `\n${line}`;
    else throw new ReadmeFormatError(`a line outside any follow-up bullet: "${line.trim().slice(0, 60)}"`);
  }
  if (bullets.length === 0) throw new ReadmeFormatError('no follow-up bullets (`- **question?** answer`)');
  const cards: RecallCard[] = [];
  for (const bullet of bullets) {
    const explicit = EXPLICIT_ID.exec(bullet)?.[1];
    const text = bullet.replace(EXPLICIT_ID, '');
    const match = /^- \*\*(.+?)\*\*\s*([\s\S]*)$/.exec(text);
    const question = match?.[1]?.trim();
    const answer = paragraphs(match?.[2] ?? '');
    const head = bullet.split('\n')[0]?.slice(0, 70);
    if (!question?.endsWith('?'))
      throw new ReadmeFormatError(`follow-up not in the shape "- **question?** answer": ${head}`);
    if (!answer) throw new ReadmeFormatError(`follow-up without an answer: ${head}`);
    const id = explicit ?? `followup-${questionSlug(question)}`;
    if (cards.some((c) => c.id === id))
      throw new ReadmeFormatError(`two follow-ups have the id '${id}'; give one an <!-- id: … -->`);
    cards.push({ kind: 'recall', id, front: question, back: answer });
  }
  return cards;
}

/** Every recall card of a topic README: the question first, then the follow-ups in README order. */
export function parseRecallCards(markdown: string): RecallCard[] {
  const bySection = sections(markdown);
  const question = bySection.get('The question');
  const answer = bySection.get('The 30-second answer');
  const followUps = bySection.get('Follow-up questions');
  if (!question) throw new ReadmeFormatError('no "## The question" section');
  if (!answer) throw new ReadmeFormatError('no "## The 30-second answer" section');
  if (followUps === undefined) throw new ReadmeFormatError('no "## Follow-up questions" section');
  return [
    { kind: 'recall', id: 'answer', front: paragraphs(question), back: paragraphs(answer) },
    ...parseFollowUps(followUps),
  ];
}
