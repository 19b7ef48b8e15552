import { manualClock } from '@lab/common/clock';
import { listen } from '@lab/common/http';
import { createVersioningApp, type VersioningAppOptions } from '../src/index.ts';

export const DEPRECATED_AT = new Date('2026-01-01T00:00:00Z');
export const SUNSET = new Date('2027-01-01T00:00:00Z');
export const POLICY_URL = 'https://docs.example.test/api/deprecations/v1';

export interface Answer {
  status: number;
  headers: Headers;
  json: unknown;
}

/** The app on a loopback port, with a manual clock so createdAt is fixed; `service` replaces the default one. */
export async function startApp(service?: VersioningAppOptions['service']) {
  const clock = manualClock(Date.parse('2026-03-01T12:00:00Z'));
  const app = createVersioningApp({
    clock,
    v1Deprecation: { deprecatedAt: DEPRECATED_AT, sunset: SUNSET, policyUrl: POLICY_URL },
    ...(service ? { service } : {}),
  });
  const server = await listen(app);
  const request = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: res.status, headers: res.headers, json };
  };
  return { request, close: server.close, clock };
}
