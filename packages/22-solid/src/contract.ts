/**
 * One contract, run against every implementation of `BlobStore`: the executable form of "substitutable".
 * It returns its failures instead of throwing, so a test can assert that a bad subtype fails exactly the
 * checks it should, and a demo can print them.
 */
import { type BlobStore, InvalidKeyError, MAX_KEY_LENGTH } from './blob-store.ts';

export interface ContractFailure {
  readonly check: string;
  readonly problem: string;
}

type Check = (store: BlobStore) => Promise<string | undefined>;

const bytes = (...values: number[]) => new Uint8Array(values);
const same = (a: Uint8Array | undefined, b: Uint8Array) =>
  a !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);
const show = (value: unknown): string =>
  value instanceof Uint8Array ? `[${[...value].join(',')}]` : (JSON.stringify(value) ?? String(value));

/** The promises of BlobStore, by name; each returns a problem, or undefined when kept. */
const checks: Record<string, Check> = {
  'get of a missing key is undefined': async (store) => {
    const got = await store.get('missing');
    return got === undefined ? undefined : `got ${show(got)}`;
  },
  'get returns what put stored': async (store) => {
    await store.put('reports/2025.csv', bytes(1, 2, 3));
    const got = await store.get('reports/2025.csv');
    return same(got, bytes(1, 2, 3)) ? undefined : `got ${show(got)}`;
  },
  'put replaces the previous value': async (store) => {
    await store.put('k', bytes(1));
    await store.put('k', bytes(2, 2));
    const got = await store.get('k');
    return same(got, bytes(2, 2)) ? undefined : `got ${show(got)}`;
  },
  'stored bytes are a copy, both ways': async (store) => {
    const input = bytes(7, 7);
    await store.put('k', input);
    input[0] = 0;
    const first = await store.get('k');
    if (first) first[1] = 0;
    const second = await store.get('k');
    return same(second, bytes(7, 7)) ? undefined : `after the caller edited its buffers, got ${show(second)}`;
  },
  'delete removes once, then reports false': async (store) => {
    await store.put('k', bytes(1));
    const outcomes = [await store.delete('k'), await store.delete('k'), await store.get('k')];
    return outcomes[0] === true && outcomes[1] === false && outcomes[2] === undefined
      ? undefined
      : `delete, delete, get gave ${outcomes.map(show).join(', ')}`;
  },
  'list returns the keys with the prefix, as stored, sorted': async (store) => {
    for (const key of ['inv/B.pdf', 'inv/a.pdf', 'inv/A.pdf', 'other/x']) await store.put(key, bytes(0));
    const got = await store.list('inv/');
    const want = ['inv/A.pdf', 'inv/B.pdf', 'inv/a.pdf'];
    return show(got) === show(want) ? undefined : `got ${show(got)}, want ${show(want)}`;
  },
  'keys that differ only in case are different blobs': async (store) => {
    await store.put('Report', bytes(1));
    await store.put('report', bytes(2));
    const got = [await store.get('Report'), await store.get('report')];
    return same(got[0], bytes(1)) && same(got[1], bytes(2)) ? undefined : `got ${got.map(show).join(', ')}`;
  },
  'any well-formed Unicode key round-trips': async (store) => {
    const keys = ['naïve/日本語', 'emoji/🧾', '../../etc/passwd', 'x'.repeat(MAX_KEY_LENGTH)];
    for (const [i, key] of keys.entries()) await store.put(key, bytes(i));
    const wrong = [];
    for (const [i, key] of keys.entries())
      if (!same(await store.get(key), bytes(i))) wrong.push(key.slice(0, 20));
    return wrong.length === 0 ? undefined : `lost ${show(wrong)}`;
  },
  'invalid keys are refused with InvalidKeyError': async (store) => {
    const invalid = ['', 'a\u0000b', 'lone \ud800', 'x'.repeat(MAX_KEY_LENGTH + 1), 42 as unknown as string];
    const accepted: string[] = [];
    for (const key of invalid) {
      try {
        await store.put(key, bytes(1));
        accepted.push(show(typeof key === 'string' ? key.slice(0, 12) : key));
      } catch (error) {
        if (!(error instanceof InvalidKeyError)) accepted.push(`${show(key).slice(0, 14)} (threw ${error})`);
      }
    }
    return accepted.length === 0 ? undefined : `accepted ${accepted.join(', ')}`;
  },
};

/** The names of the contract's checks, in the order they run. */
export const contractChecks: readonly string[] = Object.keys(checks);

/**
 * Runs every check against a fresh store from `make` and lists the promises broken; [] means the
 * implementation can stand in for any other. A check that throws fails with the error as its problem.
 */
export async function checkBlobStoreContract(
  make: () => BlobStore | Promise<BlobStore>,
): Promise<ContractFailure[]> {
  const failures: ContractFailure[] = [];
  for (const [check, run] of Object.entries(checks)) {
    try {
      const problem = await run(await make());
      if (problem !== undefined) failures.push({ check, problem });
    } catch (error) {
      failures.push({ check, problem: `threw ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return failures;
}
