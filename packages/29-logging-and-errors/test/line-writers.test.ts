import { describe, expect, it } from 'vitest';
import { lineWriters, nullStream } from '../src/line-writers.ts';
import { RequestContext } from '../src/request-context.ts';

function collect() {
  const stream = nullStream();
  const chunks: string[] = [];
  const write = stream.write.bind(stream);
  stream.write = ((chunk: string | Buffer, ...rest: never[]) => {
    chunks.push(String(chunk));
    return write(chunk, ...rest);
  }) as typeof stream.write;
  return { stream, chunks };
}

describe('lineWriters', () => {
  it('offers the four contenders the bench compares', () => {
    expect(Object.keys(lineWriters(nullStream(), new RequestContext()))).toEqual([
      'JSON.stringify + write',
      'console.log (util.inspect)',
      'pino',
      'pino + request-id mixin',
    ]);
  });

  it('each writes exactly one line per call; the JSON ones carry the same fields', () => {
    const context = new RequestContext();
    const fields = { path: '/users/1', status: 200 };
    for (const name of Object.keys(lineWriters(nullStream(), context))) {
      const { stream, chunks } = collect();
      const writer = lineWriters(stream, context)[name];
      context.run({ requestId: 'w-1' }, () => writer?.(fields, 'request completed'));
      expect(chunks, name).toHaveLength(1);
      if (name.startsWith('console')) {
        expect(chunks.join(''), name).toBe("request completed { path: '/users/1', status: 200 }\n");
        continue;
      }
      const record = JSON.parse(chunks.join('')) as Record<string, unknown>;
      expect(record, name).toMatchObject({
        level: 'info',
        path: '/users/1',
        status: 200,
        msg: 'request completed',
      });
      expect(typeof record.time, name).toBe('number');
      expect(record.requestId, name).toBe(name === 'pino + request-id mixin' ? 'w-1' : undefined);
    }
  });

  it('nullStream counts the bytes it dropped', () => {
    const stream = nullStream();
    stream.write('abc');
    stream.write(Buffer.from('de'));
    expect(stream.bytes).toBe(5);
  });
});
