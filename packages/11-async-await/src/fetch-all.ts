import { mapLimited } from './limiter.ts';

/** GETs a URL and parses its JSON body; `signal` cancels the request (the server sees the socket close). */
export async function getJson(url: string, signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(url, signal ? { signal } : {});
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return response.json();
}

/** One after the other: each `await` finishes before the next request starts. Time ≈ the sum. */
export async function fetchSequential(urls: readonly string[]): Promise<unknown[]> {
  const results: unknown[] = [];
  for (const url of urls) results.push(await getJson(url));
  return results;
}

/** All at once: every request starts before the first `await`. Time ≈ the slowest one. */
export function fetchConcurrent(urls: readonly string[]): Promise<unknown[]> {
  return Promise.all(urls.map((url) => getJson(url)));
}

/** At most `limit` at a time: time ≈ ceil(n / limit) × one request, and the upstream never sees more. */
export function fetchLimited(urls: readonly string[], limit: number): Promise<unknown[]> {
  return mapLimited(urls, limit, (url) => getJson(url));
}
