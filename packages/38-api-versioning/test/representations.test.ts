import { describe, expect, it } from 'vitest';
import { presentV1, presentV2, v1CreateToNewUser, v2ToV1 } from '../src/index.ts';

describe('the v1 request adapter splits one name', () => {
  it('on runs of whitespace, ignoring it at the ends', () => {
    expect(v1CreateToNewUser({ name: '  Ada   Lovelace King ', email: 'ada@example.com' })).toEqual({
      firstName: 'Ada',
      lastName: 'Lovelace King',
      email: 'ada@example.com',
    });
  });

  it('one word is a first name with an empty last name: the lossy step', () => {
    expect(v1CreateToNewUser({ name: 'Plato', email: 'plato@example.com' })).toMatchObject({
      firstName: 'Plato',
      lastName: '',
    });
  });
});

describe('the v1 response adapter joins it again', () => {
  const plato = {
    id: 4,
    firstName: 'Plato',
    lastName: '',
    email: 'plato@example.com',
    createdAt: new Date('2026-03-01T12:00:00Z'),
  };

  it('without a trailing space when there is no last name', () => {
    expect(presentV1(plato)).toEqual({ id: 4, name: 'Plato', email: 'plato@example.com' });
    expect(presentV2(plato).name).toEqual({ first: 'Plato', last: '' });
  });

  it('drops what v1 never had', () => {
    expect(Object.keys(v2ToV1(presentV2(plato)))).toEqual(['id', 'name', 'email']);
  });
});
