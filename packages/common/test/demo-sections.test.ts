import { describe, expect, it } from 'vitest';
import { chooseSections, formatSectionList, type Section, sectionId } from '../src/demo.ts';

const noop = () => {};
const sections: Section[] = [
  { title: 'An in-process limiter', why: 'x', run: noop },
  { title: 'On Redis, atomically', why: 'x', id: 'redis', run: noop },
  { title: 'Fail open or closed?', why: 'x', run: noop },
];

describe('demo sections', () => {
  it('makes ids from titles unless a section names its own', () => {
    expect(sections.map(sectionId)).toEqual(['an-in-process-limiter', 'redis', 'fail-open-or-closed']);
  });

  it.each([
    [[], { kind: 'all' }],
    [['--sections'], { kind: 'list' }],
    [['--section', '2'], { kind: 'some', indexes: [1] }],
    [['--section', 'redis'], { kind: 'some', indexes: [1] }],
    [['-s', '3', '--section', '1'], { kind: 'some', indexes: [0, 2] }],
    [['--section', '3,1,3'], { kind: 'some', indexes: [0, 2] }],
    [['--', '--section', 'REDIS'], { kind: 'some', indexes: [1] }],
  ])('%j → %j', (argv, expected) => {
    expect(chooseSections(sections, argv)).toEqual(expected);
  });

  it.each([
    [['--section', '4'], "unknown section '4' — this demo has sections 1-3"],
    [['--section', '0'], "unknown section '0'"],
    [['--section', 'rdis'], "did you mean 'redis' (2)?"],
    [['--section', 'fail-open'], "did you mean 'fail-open-or-closed' (3)?"],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('%j is an error naming the problem', (argv, message) => {
    const choice = chooseSections(sections, argv);
    expect(choice.kind).toBe('error');
    expect(choice.kind === 'error' && choice.message).toContain(message);
  });

  it('lists number, id and title', () => {
    expect(formatSectionList(sections)).toEqual([
      ' 1  an-in-process-limiter  An in-process limiter',
      ' 2  redis                  On Redis, atomically',
      ' 3  fail-open-or-closed    Fail open or closed?',
    ]);
  });
});
