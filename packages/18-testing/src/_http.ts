/**
 * The one place this package talks HTTP. Tests replace it with `vi.mock('../src/_http.ts')` (module mocking)
 * or pass their own function where the caller accepts one (dependency injection): see src/rates.ts.
 */
export async function getJson(url: string, signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(url, { signal: signal ?? null, headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return response.json();
}
