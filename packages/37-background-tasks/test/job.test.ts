import { describe, expect, it } from 'vitest';
import { parseJobHash } from '../src/job.ts';

const base = {
  id: 'j1',
  status: 'waiting',
  payload: '{"a":1}',
  attempts: '2',
  maxAttempts: '3',
  createdAt: '10',
};

describe('parseJobHash', () => {
  it('types a hash as HGETALL returns it, leaving absent optional fields out', () => {
    expect(parseJobHash(base)).toEqual({
      id: 'j1',
      status: 'waiting',
      payload: { a: 1 },
      attempts: 2,
      maxAttempts: 3,
      createdAt: 10,
    });
  });

  it('reads the optional fields when present', () => {
    expect(
      parseJobHash({
        ...base,
        status: 'completed',
        runAt: '20',
        finishedAt: '30',
        lastError: 'x',
        result: '"ok"',
      }),
    ).toEqual({
      id: 'j1',
      status: 'completed',
      payload: { a: 1 },
      attempts: 2,
      maxAttempts: 3,
      createdAt: 10,
      runAt: 20,
      finishedAt: 30,
      lastError: 'x',
      result: 'ok',
    });
    expect(parseJobHash({ ...base, runAt: '' })).not.toHaveProperty('runAt');
  });

  it('answers undefined for an empty hash (a missing key), a missing id or an unknown status', () => {
    expect(parseJobHash({})).toBeUndefined();
    const { id: _, ...noId } = base;
    expect(parseJobHash(noId)).toBeUndefined();
    expect(parseJobHash({ ...base, status: 'paused' })).toBeUndefined();
    expect(parseJobHash({ ...base, status: '' })).toBeUndefined();
  });

  it('counts a hash without attempts as 0 attempts', () => {
    const { attempts: _, ...noAttempts } = base;
    expect(parseJobHash(noAttempts)?.attempts).toBe(0);
  });
  it('adds no key at all for an absent or empty optional field, and reads an absent payload as undefined', () => {
    const { payload: _, ...noPayload } = base;
    const state = parseJobHash({ ...noPayload, runAt: '', finishedAt: '' });
    expect(state?.payload).toBeUndefined();
    // Keys, not values: `toEqual` would let `{ runAt: undefined }` through.
    expect(Object.keys(state ?? {}).sort()).toEqual(
      ['attempts', 'createdAt', 'id', 'maxAttempts', 'payload', 'status'].sort(),
    );
  });
});
