import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip' | 'identity';

/** Below this a body is sent as is: headers and framing outweigh what compression would save. */
export const MIN_COMPRESS_BYTES = 1024;

// The server's preference when the client accepts several with equal weight: brotli is smaller.
const PREFERENCE: readonly Encoding[] = ['br', 'gzip'];

/**
 * Picks a `Content-Encoding` from an `Accept-Encoding` header, honouring q-values (`gzip;q=0` refuses
 * gzip) and `*`. No header means identity: a client that did not ask must not get compressed bytes.
 */
export function negotiateEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity';
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) ? Math.min(1, Math.max(0, weight)) : 0);
  }
  let best: Encoding = 'identity';
  let bestWeight = 0;
  for (const encoding of PREFERENCE) {
    const weight = weights.get(encoding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  return best;
}

export interface CompressOptions {
  /**
   * 0-11, default 6. Node's own default is 11, tuned for files compressed once and served forever; for a
   * response compressed per request, 5-6 beats gzip's size at gzip's cost, and 11 costs ~100× more CPU
   * for the last 10-15% (see the compression bench).
   */
  brotliQuality?: number;
  /** 1-9, default 6 (zlib's own default). */
  gzipLevel?: number;
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * Compresses on libuv's thread pool (the async zlib API), so the event loop keeps serving other requests
 * meanwhile; `gzipSync` in a handler would stall all of them.
 */
export async function compress(
  body: Buffer | string,
  encoding: Encoding,
  { brotliQuality = 6, gzipLevel = 6 }: CompressOptions = {},
): Promise<Buffer> {
  const input = typeof body === 'string' ? Buffer.from(body) : body;
  if (encoding === 'identity') return input;
  if (encoding === 'gzip') return gzipAsync(input, { level: gzipLevel });
  return brotliAsync(input, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: brotliQuality,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: input.length,
    },
  });
}
