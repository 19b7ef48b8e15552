/**
 * Module hooks (`module.register`) that count the ES modules a process loads, in a SharedArrayBuffer the
 * main thread reads synchronously. CommonJS files are left out here: the probe counts them in require.cache.
 */
interface LoadResult {
  format?: string | null;
}
type NextLoad = (url: string, context: unknown) => Promise<LoadResult>;

let counter: Int32Array | undefined;

export function initialize(data: { counter: Int32Array }): void {
  counter = data.counter;
}

export async function load(url: string, context: unknown, nextLoad: NextLoad): Promise<LoadResult> {
  const result = await nextLoad(url, context);
  if (counter && result.format !== 'commonjs' && result.format !== 'builtin') Atomics.add(counter, 0, 1);
  return result;
}
