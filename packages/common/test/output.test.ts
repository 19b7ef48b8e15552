import { describe, expect, it } from 'vitest';
import {
  captureOutput,
  colorEnabled,
  formatBars,
  formatBytes,
  formatDuration,
  formatNumber,
  formatTable,
  kv,
  visibleWidth,
} from '../src/output.ts';

describe('colour', () => {
  it('is off when NO_COLOR is set, even on a TTY', () => {
    expect(colorEnabled({ NO_COLOR: '1' }, true)).toBe(false);
  });
  it('is off when stdout is not a TTY', () => {
    expect(colorEnabled({}, false)).toBe(false);
  });
  it('is on for a TTY, and forced by FORCE_COLOR elsewhere', () => {
    expect(colorEnabled({ TERM: 'xterm' }, true)).toBe(true);
    expect(colorEnabled({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(colorEnabled({ FORCE_COLOR: '0' }, true)).toBe(true);
    expect(colorEnabled({ FORCE_COLOR: '0' }, false)).toBe(false);
  });
});

describe('formatting', () => {
  it('aligns table columns and right-aligns numeric ones', () => {
    const lines = formatTable([
      { name: 'a', n: 5 },
      { name: 'longer', n: 12345 },
    ]);
    expect(lines).toHaveLength(4);
    expect(lines.map((l) => visibleWidth(l))).toEqual(Array(4).fill(visibleWidth(lines[0] ?? '')));
    expect(lines[2]).toMatch(/^a\s+5$/);
    expect(lines[3]).toMatch(/^longer\s+12,345$/);
  });

  it('scales bars to the largest value', () => {
    const [small, big] = formatBars(
      [
        { label: 'x', value: 1 },
        { label: 'y', value: 4 },
      ],
      '',
      8,
    );
    expect(small?.split('█').length).toBe(3);
    expect(big?.split('█').length).toBe(9);
  });

  it('formats numbers, bytes and durations', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(1.23456)).toBe('1.23');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5 MiB');
    expect(formatDuration(0.0005)).toBe('500 ns');
    expect(formatDuration(0.25)).toBe('250 µs');
    expect(formatDuration(2500)).toBe('2.5 s');
  });

  it('can be captured, and restored', () => {
    const seen: string[] = [];
    const restore = captureOutput((t) => seen.push(t));
    kv({ alpha: 1, be: 'two' });
    restore();
    expect(seen.join('')).toContain('alpha : 1');
    expect(seen.join('')).toContain('be    : two');
  });
});
