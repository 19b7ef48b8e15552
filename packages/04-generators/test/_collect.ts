/** Every value of an async sequence, in order: drives a generator to its end as `for await` does. */
export async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const value of source) out.push(value);
  return out;
}
