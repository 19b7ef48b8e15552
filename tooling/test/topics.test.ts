import { describe, expect, it } from 'vitest';
import { suggestTopic } from '../src/cli.ts';
import { findTopic, listTopics, type Topic, validateLabField } from '../src/topics.ts';

const fake = (number: number, slug: string): Topic => ({
  part: Math.ceil(number / 10) as 1 | 2 | 3 | 4,
  question: ((number - 1) % 10) + 1,
  slug,
  title: slug,
  number,
  id: String(number).padStart(2, '0'),
  name: `@lab/${slug}`,
  dir: `/x/${slug}`,
  services: [],
  nodeFlags: [],
  buildsOn: [],
});
const topics = [
  fake(3, 'decorators'),
  fake(4, 'generators'),
  fake(33, 'rate-limiting'),
  fake(34, 'latency-optimization'),
];

describe('topic lookup', () => {
  it('finds by slug, number and padded number', () => {
    expect(findTopic('rate-limiting', topics)?.number).toBe(33);
    expect(findTopic('33', topics)?.slug).toBe('rate-limiting');
    expect(findTopic('03', topics)?.slug).toBe('decorators');
    expect(findTopic('nope', topics)).toBeUndefined();
  });

  it('suggests the closest topic for typos and prefixes', () => {
    expect(suggestTopic('rate-limit', topics)?.slug).toBe('rate-limiting');
    expect(suggestTopic('decoratrs', topics)?.slug).toBe('decorators');
    expect(suggestTopic('latency', topics)?.slug).toBe('latency-optimization');
    expect(suggestTopic('zzzzzzzz', topics)).toBeUndefined();
  });
});

describe('lab field validation', () => {
  it('accepts a well-formed package', () => {
    const pkg = {
      name: '@lab/rate-limiting',
      lab: { part: 4, question: 3, slug: 'rate-limiting', title: 'Rate limiting' },
    };
    expect(validateLabField('33-rate-limiting', pkg)).toEqual([]);
  });

  it('names every problem', () => {
    const pkg = {
      name: '@lab/wrong',
      lab: { part: 5, question: 11, slug: 'Bad Slug', title: '', services: ['mysql'] },
    };
    const problems = validateLabField('33-rate-limiting', pkg).join('\n');
    expect(problems).toMatch(/part must be 1-4/);
    expect(problems).toMatch(/question must be 1-10/);
    expect(problems).toMatch(/kebab-case/);
    expect(problems).toMatch(/title is missing/);
    expect(problems).toMatch(/may only list/);
    expect(problems).toMatch(/package name should be/);
  });

  it('requires the folder number to match part and question', () => {
    const pkg = {
      name: '@lab/decorators',
      lab: { part: 1, question: 3, slug: 'decorators', title: 'Decorators' },
    };
    expect(validateLabField('04-decorators', pkg)).toEqual([
      '04-decorators: folder should be named 03-decorators',
    ]);
  });

  it('lists the real topics in series order', () => {
    const numbers = listTopics().map((t) => t.number);
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });
});
