import { describe, expect, it } from 'vitest';
import { parseArgs } from '../src/args.ts';

describe('pnpm demo arguments', () => {
  it.each([
    [[], { kind: 'pick' }],
    [['--list'], { kind: 'list' }],
    [['--all'], { kind: 'all' }],
    [['-h'], { kind: 'help' }],
    [['33'], { kind: 'run', topic: '33', watch: false, sections: [], listSections: false }],
    [
      ['--', 'rate-limiting', '--watch'],
      { kind: 'run', topic: 'rate-limiting', watch: true, sections: [], listSections: false },
    ],
    [
      ['33', '--section', '4', '-s', 'redis'],
      { kind: 'run', topic: '33', watch: false, sections: ['4', 'redis'], listSections: false },
    ],
    [['33', '--sections'], { kind: 'run', topic: '33', watch: false, sections: [], listSections: true }],
  ])('%j → %j', (argv, expected) => {
    expect(parseArgs(argv)).toEqual(expected);
  });

  it.each([
    [['--bogus'], /unknown option '--bogus'/i],
    [['a', 'b'], /one topic at a time/],
    [['--all', '03'], /--all runs every topic/],
    [['--watch'], /--watch needs a topic/],
    [['--section', '2'], /need a topic/],
    [['--all', '--section', '2'], /--section picks within one topic/],
    [['33', '--section'], /argument missing/],
  ])('%j is an error', (argv, message) => {
    const command = parseArgs(argv);
    expect(command.kind).toBe('error');
    expect(command.kind === 'error' && command.message).toMatch(message);
  });
});
