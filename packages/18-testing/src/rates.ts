import { getJson } from './_http.ts';

/** Where exchange rates come from in production; never called by the tests. */
export const RATES_URL = 'https://rates.example.com/latest';

/** Looks up how many `to` one `from` buys. */
export type RateSource = (from: string, to: string) => Promise<number>;

/** The production rate source: one HTTP GET per lookup, the answer checked before it is trusted. */
export const httpRates: RateSource = async (from, to) => {
  const body = await getJson(`${RATES_URL}?base=${encodeURIComponent(from)}`);
  const rate = (body as { rates?: Record<string, unknown> } | null)?.rates?.[to];
  if (typeof rate !== 'number' || !(rate > 0)) throw new Error(`no rate from ${from} to ${to}`);
  return rate;
};

/**
 * Converts cents between currencies. Dependency injection: the rate source is a parameter, so a test hands
 * in a plain function and never needs `vi.mock`; production uses `httpRates`.
 */
export async function convert(
  cents: number,
  from: string,
  to: string,
  rates: RateSource = httpRates,
): Promise<number> {
  if (from === to) return cents;
  return Math.round(cents * (await rates(from, to)));
}
