import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listTopics } from '@lab/tooling/topics';
import { describe, expect, it } from 'vitest';
import { parseFollowUps, parseRecallCards, questionSlug, ReadmeFormatError } from '../src/readme.ts';

describe('every topic README gives recall cards', () => {
  for (const topic of listTopics()) {
    it(`${topic.id} ${topic.slug}: the question, its 30-second answer and 3-5 follow-ups parse`, () => {
      const cards = parseRecallCards(readFileSync(join(topic.dir, 'README.md'), 'utf8'));
      const [answer, ...followUps] = cards;
      expect(answer?.id).toBe('answer');
      expect(answer?.front.length).toBeGreaterThan(20);
      expect(answer?.back.length).toBeGreaterThan(100);
      expect(followUps.length).toBeGreaterThanOrEqual(3);
      expect(followUps.length).toBeLessThanOrEqual(5);
      for (const f of followUps) {
        expect(f.id).toMatch(/^followup-[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(f.front.endsWith('?')).toBe(true);
        expect(f.back).not.toMatch(/^\s|\n {2}/);
      }
    });
  }
});

const readme = (followUps: string) =>
  `# T\n\n## The question\n\n> "What is it?" — Part 1, Q1\n\n## The 30-second answer\n\nIt is a thing\nwrapped over lines.\n\n## Follow-up questions\n\n${followUps}\n\n## Run it\n\n\`pnpm demo t\`\n`;

describe('README parsing', () => {
  it('joins wrapped lines, drops blockquote markers, keeps README order', () => {
    const cards = parseRecallCards(
      readme('- **Why `x`?** Because\n  of y.\n- **And when it is not?** Then z.'),
    );
    expect(cards.map((c) => [c.id, c.front, c.back])).toEqual([
      ['answer', '"What is it?" — Part 1, Q1', 'It is a thing wrapped over lines.'],
      ['followup-why-x', 'Why `x`?', 'Because of y.'],
      ['followup-and-when-it-is-not', 'And when it is not?', 'Then z.'],
    ]);
  });

  it('keys a follow-up by its first five words, or by an explicit id that survives rewording', () => {
    expect(questionSlug("Why can't I decorate a plain function in TypeScript?")).toBe(
      'why-cant-i-decorate-a',
    );
    const before = parseFollowUps('- **How big should the pool be? <!-- id: pool-size -->** Cores.');
    const after = parseFollowUps(
      '- **What pool size would you pick?** <!-- id: pool-size --> Cores, minus one.',
    );
    expect(before[0]?.id).toBe('pool-size');
    expect(after[0]?.id).toBe('pool-size');
    expect(after[0]?.back).toBe('Cores, minus one.');
    expect(after[0]?.front).toBe('What pool size would you pick?');
  });

  it.each([
    ['no bullets', 'Some prose, no list.', /outside any follow-up bullet/],
    ['an empty section', '', /no follow-up bullets/],
    ['a bullet without bold question', '- Why? Because.', /shape/],
    ['a question without a question mark', '- **Pool size.** Cores.', /shape/],
    ['a question without an answer', '- **Why?**', /without an answer/],
    [
      'two questions with one slug',
      '- **Why is it so hard?** A.\n- **Why is it so hard, really?** B.',
      /two follow-ups/,
    ],
  ])('rejects %s', (_, body, message) => {
    expect(() => parseFollowUps(body)).toThrow(ReadmeFormatError);
    expect(() => parseFollowUps(body)).toThrow(message);
  });

  it('rejects a README without its sections', () => {
    expect(() => parseRecallCards('# T\n\n## The question\n\nWhat?\n')).toThrow(/30-second answer/);
    expect(() =>
      parseRecallCards(readme('- **Q?** A.').replace('## Follow-up questions', '## Later')),
    ).toThrow(/Follow-up questions/);
  });

  it('ignores ## lines inside code fences', () => {
    const cards = parseRecallCards(
      readme('- **Q?** A.').replace('It is a thing', '```\n## not a heading\n```\nIt is a thing'),
    );
    expect(cards).toHaveLength(2);
  });
});
