import { describe, expect, it } from 'vitest';
// Imported directly: in the cluster both functions run only inside the forked workers (parseWorkerOptions) or on
// messages from them (isReadyMessage), where no in-process test reaches them.
import { isReadyMessage, parseWorkerOptions } from '../src/_cluster-protocol.ts';

describe('isReadyMessage', () => {
  it('accepts a ready message with a numeric port and pid', () => {
    expect(isReadyMessage({ type: 'ready', port: 8080, pid: 1234 })).toBe(true);
  });

  it('rejects null, undefined and non-objects without throwing', () => {
    expect(isReadyMessage(null)).toBe(false);
    expect(isReadyMessage(undefined)).toBe(false);
    expect(isReadyMessage('ready')).toBe(false);
  });

  it('rejects a message of another type even when port and pid are numbers', () => {
    expect(isReadyMessage({ type: 'listening', port: 8080, pid: 1234 })).toBe(false);
  });

  it('rejects a ready message whose port or pid is missing or not a number', () => {
    expect(isReadyMessage({ type: 'ready', port: '8080', pid: 1234 })).toBe(false);
    expect(isReadyMessage({ type: 'ready', port: 8080, pid: '1234' })).toBe(false);
    expect(isReadyMessage({ type: 'ready', pid: 1234 })).toBe(false);
    expect(isReadyMessage({ type: 'ready', port: 8080 })).toBe(false);
  });
});

describe('parseWorkerOptions', () => {
  it('reads the port and thread count the primary passed', () => {
    expect(parseWorkerOptions(JSON.stringify({ port: 8080, cpuThreads: 2 }))).toEqual({
      port: 8080,
      cpuThreads: 2,
    });
  });

  it('defaults cpuThreads to 0 and accepts both ends of the port range', () => {
    expect(parseWorkerOptions(JSON.stringify({ port: 1 }))).toEqual({ port: 1, cpuThreads: 0 });
    expect(parseWorkerOptions(JSON.stringify({ port: 65_535, cpuThreads: 0 }))).toEqual({
      port: 65_535,
      cpuThreads: 0,
    });
  });

  it('refuses a missing variable or a missing port: a worker never guesses where to listen', () => {
    expect(() => parseWorkerOptions(undefined)).toThrow(new RangeError('port must be 1-65535: -1'));
    expect(() => parseWorkerOptions('{}')).toThrow(new RangeError('port must be 1-65535: -1'));
  });

  it('refuses a port outside 1-65535 or not an integer', () => {
    for (const port of [0, 65_536, 80.5]) {
      expect(() => parseWorkerOptions(JSON.stringify({ port }))).toThrow(
        new RangeError(`port must be 1-65535: ${port}`),
      );
    }
  });

  it('refuses a negative or fractional thread count', () => {
    for (const cpuThreads of [-1, 1.5]) {
      expect(() => parseWorkerOptions(JSON.stringify({ port: 8080, cpuThreads }))).toThrow(
        new RangeError(`cpuThreads must be ≥ 0: ${cpuThreads}`),
      );
    }
  });
});
