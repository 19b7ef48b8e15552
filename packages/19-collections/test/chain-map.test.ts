import { describe, expect, it } from 'vitest';
import { ChainMap } from '../src/chain-map.ts';

const layers = () => {
  const flags = new Map([['port', '9000']]);
  const env = new Map([
    ['port', '8080'],
    ['host', 'db.internal'],
  ]);
  const defaults = new Map([
    ['port', '3000'],
    ['host', 'localhost'],
    ['debug', 'false'],
  ]);
  return { flags, env, defaults, config: new ChainMap(flags, env, defaults) };
};

describe('ChainMap', () => {
  it('answers from the first layer that has the key', () => {
    const { config } = layers();
    expect([config.get('port'), config.get('host'), config.get('debug')]).toEqual([
      '9000',
      'db.internal',
      'false',
    ]);
    expect(config.get('missing')).toBeUndefined();
    expect([
      config.layerOf('port'),
      config.layerOf('host'),
      config.layerOf('debug'),
      config.layerOf('x'),
    ]).toEqual([0, 1, 2, -1]);
    expect(config.has('debug')).toBe(true);
    expect(config.has('x')).toBe(false);
  });

  it('is a live view: a later change in a back layer shows through, unlike a spread snapshot', () => {
    const { env, defaults, config } = layers();
    const snapshot = { ...Object.fromEntries(defaults), ...Object.fromEntries(env) };
    defaults.set('debug', 'true');
    expect(config.get('debug')).toBe('true');
    expect(snapshot.debug).toBe('false');
  });

  it('writes and deletes touch only the first layer', () => {
    const { flags, env, config } = layers();
    config.set('host', 'override');
    expect(flags.get('host')).toBe('override');
    expect(env.get('host')).toBe('db.internal');
    expect(config.delete('host')).toBe(true);
    expect(config.get('host')).toBe('db.internal');
    expect(config.delete('host')).toBe(false);
    expect(env.has('host')).toBe(true);
  });

  it('iterates each key once with its winning value, in search order', () => {
    const { config } = layers();
    expect([...config]).toEqual([
      ['port', '9000'],
      ['host', 'db.internal'],
      ['debug', 'false'],
    ]);
    expect(config.size).toBe(3);
    expect(config.toMap().get('port')).toBe('9000');
  });

  it('newChild shadows without touching the parent; parents drops the first layer', () => {
    const { flags, config } = layers();
    const inner = config.newChild();
    inner.set('port', '1');
    expect(inner.get('port')).toBe('1');
    expect(config.get('port')).toBe('9000');
    expect(inner.layers).toHaveLength(4);
    expect(inner.parents.get('port')).toBe('9000');
    expect(config.parents.get('port')).toBe('8080');
    expect(flags.get('port')).toBe('9000');
  });

  it('starts with one empty writable layer when given none', () => {
    const empty = new ChainMap<string, number>();
    expect(empty.layers).toHaveLength(1);
    expect(empty.size).toBe(0);
    empty.set('a', 1);
    expect(empty.get('a')).toBe(1);
    expect(new ChainMap(new Map([['a', 1]])).parents.layers).toHaveLength(1);
  });
});
