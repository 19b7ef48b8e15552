import { scryptSync } from 'node:crypto';
import { loopTurnsDuring } from '@lab/common/measure';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COST,
  dummyHash,
  hashPassword,
  MAX_PASSWORD_BYTES,
  needsRehash,
  nodeScrypt,
  PasswordPolicyError,
  parseHash,
  type ScryptFn,
  verifyPassword,
} from '../src/password.ts';

const LOW = { N: 2 ** 10, r: 8, p: 1 };

describe('hashPassword / verifyPassword', () => {
  it('writes scrypt$N$r$p$salt$hash with a 16-byte salt and a 32-byte key, base64url', async () => {
    const stored = await hashPassword('hunter2', { cost: LOW });
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    const parsed = parseHash(stored);
    expect(parsed?.cost).toEqual(LOW);
    expect(parsed?.salt.length).toBe(16);
    expect(parsed?.key.length).toBe(32);
  });

  it('the key is scrypt(password, salt) with the stored cost', async () => {
    const stored = await hashPassword('hunter2', { cost: LOW });
    const parsed = parseHash(stored);
    if (!parsed) throw new Error('unparsable');
    expect(scryptSync('hunter2', parsed.salt, 32, LOW).equals(parsed.key)).toBe(true);
  });

  it('verifies the right password and refuses a wrong one, or one differing in case or by a space', async () => {
    const stored = await hashPassword('hunter2', { cost: LOW });
    expect(await verifyPassword('hunter2', stored)).toBe(true);
    expect(await verifyPassword('hunter3', stored)).toBe(false);
    expect(await verifyPassword('Hunter2', stored)).toBe(false);
    expect(await verifyPassword('hunter2 ', stored)).toBe(false);
  });

  it('salts per hash: the same password hashes differently twice, and both verify', async () => {
    const [a, b] = await Promise.all([
      hashPassword('same', { cost: LOW }),
      hashPassword('same', { cost: LOW }),
    ]);
    expect(a).not.toBe(b);
    expect(parseHash(a)?.salt.equals(parseHash(b)?.salt ?? Buffer.alloc(0))).toBe(false);
    expect(await verifyPassword('same', a)).toBe(true);
    expect(await verifyPassword('same', b)).toBe(true);
  });

  it('normalises to NFC: é typed precomposed or as e + combining accent is one password', async () => {
    const stored = await hashPassword('caf\u00e9', { cost: LOW });
    expect(await verifyPassword('cafe\u0301', stored)).toBe(true);
  });

  it('the default cost is N=2^15, r=8, p=3, and a hash at it verifies (maxmem is raised to fit)', async () => {
    expect(DEFAULT_COST).toEqual({ N: 32768, r: 8, p: 3 });
    const stored = await hashPassword('default cost');
    expect(stored.startsWith('scrypt$32768$8$3$')).toBe(true);
    expect(await verifyPassword('default cost', stored)).toBe(true);
  });

  it('a key of another length is compared at its own length (timingSafeEqual needs equal lengths)', async () => {
    const stored = await hashPassword('pw', { cost: LOW });
    const parsed = parseHash(stored);
    if (!parsed) throw new Error('unparsable');
    const longer = `scrypt$1024$8$1$${parsed.salt.toString('base64url')}$${scryptSync('pw', parsed.salt, 64, LOW).toString('base64url')}`;
    expect(await verifyPassword('pw', longer)).toBe(true);
    expect(await verifyPassword('px', longer)).toBe(false);
  });
});

describe('the length cap', () => {
  it(`accepts ${MAX_PASSWORD_BYTES} bytes and refuses ${MAX_PASSWORD_BYTES + 1}`, async () => {
    const max = 'a'.repeat(MAX_PASSWORD_BYTES);
    expect(await verifyPassword(max, await hashPassword(max, { cost: LOW }))).toBe(true);
    await expect(hashPassword(`${max}a`, { cost: LOW })).rejects.toThrow(PasswordPolicyError);
  });

  it('counts UTF-8 bytes, not characters: 512 × "é" is exactly the cap, 513 is over', async () => {
    await expect(hashPassword('é'.repeat(512), { cost: LOW })).resolves.toMatch(/^scrypt\$/);
    await expect(hashPassword('é'.repeat(513), { cost: LOW })).rejects.toThrow(
      `a password is at most ${MAX_PASSWORD_BYTES} bytes of UTF-8`,
    );
  });

  it('a 10 MB password is refused before scrypt runs', async () => {
    let calls = 0;
    const counting: ScryptFn = (...args) => {
      calls++;
      return nodeScrypt(...args);
    };
    await expect(hashPassword('x'.repeat(10 * 1024 * 1024), { cost: LOW, scrypt: counting })).rejects.toThrow(
      PasswordPolicyError,
    );
    expect(calls).toBe(0);
  });
});

describe('parseHash: a stored hash is input too', () => {
  it.each([
    ['another scheme', '$2b$12$abcdefghijklmnopqrstuv'],
    [
      'N not a power of two',
      'scrypt$1000$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ],
    ['N below 2^10', 'scrypt$512$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    [
      'N above 2^20 (a row that would allocate gigabytes)',
      'scrypt$2097152$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ],
    ['r = 0', 'scrypt$1024$0$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['p = 0', 'scrypt$1024$8$0$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    [
      'text before the scheme',
      'xscrypt$1024$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ],
    ['r = 33', 'scrypt$1024$33$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['p = 17', 'scrypt$1024$8$17$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['a short salt', 'scrypt$1024$8$1$AAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    [
      'a trailing newline',
      'scrypt$1024$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n',
    ],
  ])('%s → undefined', (_name, stored) => {
    expect(parseHash(stored)).toBeUndefined();
  });

  it('the bounds themselves are accepted: N=2^10 and 2^20, r=32, p=16', () => {
    const tail = '$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    expect(parseHash(`scrypt$1024$1$1${tail}`)?.cost).toEqual({ N: 1024, r: 1, p: 1 });
    expect(parseHash(`scrypt$1048576$32$16${tail}`)?.cost).toEqual({ N: 1048576, r: 32, p: 16 });
  });

  it('verifyPassword throws on a malformed stored hash instead of answering false', async () => {
    await expect(verifyPassword('pw', 'plaintext-password')).rejects.toThrow(
      /not in the scrypt\$N\$r\$p\$salt\$hash format/,
    );
  });

  it('hashPassword refuses a cost out of range, naming it', async () => {
    await expect(hashPassword('pw', { cost: { N: 1000, r: 8, p: 1 } })).rejects.toThrow(
      new RangeError('scrypt cost out of range: N=1000 r=8 p=1'),
    );
  });

  it('a derived key of the wrong length is no match, not a throw from timingSafeEqual', async () => {
    const stored = await hashPassword('pw', { cost: LOW });
    const short: ScryptFn = async (...args) => (await nodeScrypt(...args)).subarray(0, 16);
    expect(await verifyPassword('pw', stored, { scrypt: short })).toBe(false);
  });
});

describe('needsRehash and dummyHash', () => {
  it('is true only when N, r or p differs from the current cost', async () => {
    const stored = await hashPassword('pw', { cost: LOW });
    expect(needsRehash(stored, LOW)).toBe(false);
    expect(needsRehash(stored, { ...LOW, N: 2 ** 11 })).toBe(true);
    expect(needsRehash(stored, { ...LOW, r: 4 })).toBe(true);
    expect(needsRehash(stored, { ...LOW, p: 2 })).toBe(true);
    expect(needsRehash('bcrypt-or-garbage', LOW)).toBe(true);
  });

  it('a dummy hash has the given cost, differs every time and matches no password', async () => {
    const dummy = dummyHash(LOW);
    expect(parseHash(dummy)?.cost).toEqual(LOW);
    expect(dummyHash(LOW)).not.toBe(dummy);
    for (const guess of ['pw', 'password', ' ']) expect(await verifyPassword(guess, dummy)).toBe(false);
  });
});

describe('async scrypt leaves the event loop free; scryptSync does not', () => {
  it('the loop turns while nodeScrypt runs on the libuv pool, and not once during scryptSync', async () => {
    const salt = Buffer.alloc(16, 1);
    const asyncTicks = await loopTurnsDuring(() =>
      nodeScrypt(Buffer.from('pw'), salt, 32, { N: 2 ** 14, r: 8, p: 1 }),
    );
    const syncTicks = await loopTurnsDuring(() => scryptSync('pw', salt, 32, { N: 2 ** 14, r: 8, p: 1 }));
    expect(asyncTicks).toBeGreaterThan(0);
    expect(syncTicks).toBe(0);
  });
});
