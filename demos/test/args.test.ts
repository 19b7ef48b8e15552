import { describe, expect, it } from 'vitest';
import { parseArgs } from '../src/args.ts';

describe('pnpm demo arguments', () => {
  it.each([
    [[], { kind: 'pick' }],
    [['--list'], { kind: 'list' }],
    [['--all'], { kind: 'all' }],
    [['-h'], { kind: 'help' }],
    [['33'], { kind: 'run', topic: '33', watch: false }],
    [['--', 'rate-limiting', '--watch'], { kind: 'run', topic: 'rate-limiting', watch: true }],
  ])('%j → %j', (argv, expected) => {
    expect(parseArgs(argv)).toEqual(expected);
  });

  it.each([
    [['--bogus'], /unknown option '--bogus'/],
    [['a', 'b'], /one topic at a time/],
    [['--all', '03'], /--all runs every topic/],
    [['--watch'], /--watch needs a topic/],
  ])('%j is an error', (argv, message) => {
    const command = parseArgs(argv);
    expect(command.kind).toBe('error');
    expect(command.kind === 'error' && command.message).toMatch(message);
  });
});
