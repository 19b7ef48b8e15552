import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CurrencyMismatchError, Money } from '../src/index.ts';

const usd = (amount: string) => Money.of(amount, 'USD');

describe('Money arithmetic is exact', () => {
  it('adds 0.10 and 0.20 to exactly 0.30, where floats do not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(usd('0.10').plus(usd('0.20')).equals(usd('0.30'))).toBe(true);
  });

  it('stays exact far beyond Number.MAX_SAFE_INTEGER cents', () => {
    const big = usd('90071992547409.93');
    expect(big.plus(usd('0.01')).amount()).toBe('90071992547409.94');
    expect(big.times(1000).amount()).toBe('90071992547409930.00');
  });

  it('allocates without losing or inventing a cent', () => {
    const shares = usd('10.00').allocate([1, 1, 1]);
    expect(shares.map(String)).toEqual(['3.34 USD', '3.33 USD', '3.33 USD']);
    expect(shares.reduce((a, b) => a.plus(b)).equals(usd('10.00'))).toBe(true);
    expect(usd('-0.05').allocate([1, 1]).map(String)).toEqual(['-0.03 USD', '-0.02 USD']);
  });

  it('allocates by weight, the leftover cents going round the shares that have a weight', () => {
    expect(usd('1.00').allocate([1, 3]).map(String)).toEqual(['0.25 USD', '0.75 USD']);
    expect(usd('0.11').allocate([1, 1, 1]).map(String)).toEqual(['0.04 USD', '0.04 USD', '0.03 USD']);
    expect(usd('0.05').allocate([0, 1, 1]).map(String)).toEqual(['0.00 USD', '0.03 USD', '0.02 USD']);
  });

  it('refuses ratios it cannot split by', () => {
    for (const ratios of [[], [2, -1], [1.5, 1]]) {
      expect(() => usd('1.00').allocate(ratios)).toThrow('ratios must be non-negative whole numbers');
    }
    expect(() => usd('1.00').allocate([0, 0])).toThrow('ratios must not all be zero');
  });

  it('parses whole amounts and short fractions into minor units, ignoring surrounding spaces', () => {
    expect(Money.of('5', 'USD').minor).toBe(500n);
    expect(Money.of('1.5', 'USD').minor).toBe(150n);
    expect(Money.of('-0.5', 'BHD').minor).toBe(-500n);
    expect(Money.of(' 19.99\n', 'USD').equals(usd('19.99'))).toBe(true);
    expect(Money.fromMinor(1999n, 'USD').equals(usd('19.99'))).toBe(true);
  });

  it('subtracts below zero, and multiplies by a whole number or a bigint', () => {
    expect(usd('1.00').minus(usd('2.50')).toString()).toBe('-1.50 USD');
    expect(usd('1.25').times(3).toString()).toBe('3.75 USD');
    expect(usd('1.25').times(3n).toString()).toBe('3.75 USD');
  });

  it('refuses fractional factors, unknown currencies and too many decimals', () => {
    expect(() => usd('1.00').times(1.5)).toThrow(
      new RangeError('times() takes a whole number, not 1.5: fractions need a rounding rule'),
    );
    expect(() => Money.of('1.00', 'XYZ')).toThrow(/unknown currency 'XYZ'/);
    expect(() => Money.of('1.001', 'USD')).toThrow(/2 decimal places/);
    expect(() => Money.of('1.5', 'JPY')).toThrow(/0 decimal places/);
    expect(() => Money.of('1e3', 'USD')).toThrow(/not a decimal amount/);
  });

  it('throws a typed error when currencies differ', () => {
    const error = (() => {
      try {
        usd('1.00').plus(Money.of('1.00', 'EUR'));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CurrencyMismatchError);
    expect(error).toMatchObject({
      name: 'CurrencyMismatchError',
      left: 'USD',
      right: 'EUR',
      message: 'cannot add USD and EUR',
    });
    const eur = Money.of('1.00', 'EUR');
    expect(() => usd('1.00').minus(eur)).toThrow('cannot subtract USD and EUR');
    expect(() => usd('1.00').compareTo(eur)).toThrow('cannot compare USD and EUR');
  });
});

describe('equality and ordering are methods, not operators', () => {
  it('equals compares values; === compares identity', () => {
    const [five, alsoFive] = [usd('5.00'), usd('5.00')];
    expect(five === alsoFive).toBe(false);
    expect(usd('5.00').equals(usd('5.00'))).toBe(true);
    expect(usd('5.00').equals(Money.of('5.00', 'EUR'))).toBe(false);
    expect(usd('5.00').equals(usd('5.01'))).toBe(false);
    expect(usd('5.00').equals('5.00 USD')).toBe(false);
  });

  it('sorts with compareTo', () => {
    const sorted = [usd('10.00'), usd('-1.00'), usd('9.99')].sort((a, b) => a.compareTo(b));
    expect(sorted.map(String)).toEqual(['-1.00 USD', '9.99 USD', '10.00 USD']);
  });

  it('compareTo answers -1, 0 or 1', () => {
    expect(usd('1.00').compareTo(usd('2.00'))).toBe(-1);
    expect(usd('2.00').compareTo(usd('2.00'))).toBe(0);
    expect(usd('2.00').compareTo(usd('1.00'))).toBe(1);
  });

  it('refuses relational operators and +, instead of comparing something silently', () => {
    const a = usd('1.00') as unknown as number;
    const b = usd('2.00') as unknown as number;
    expect(() => a < b).toThrow(
      new TypeError('Money has no numeric value: use plus(), compareTo() or equals()'),
    );
    expect(() => a + b).toThrow(
      new TypeError('Money has no default primitive: use plus(), compareTo() or equals()'),
    );
    expect(`${usd('2.50')}`).toBe('2.50 USD');
  });
});

describe('representation', () => {
  it('inspect (the __repr__) shows code that rebuilds the value', () => {
    expect(inspect(usd('19.99'))).toBe("Money.of('19.99', 'USD')");
    expect(inspect({ price: Money.of('500', 'JPY') })).toBe("{ price: Money.of('500', 'JPY') }");
  });

  it('toString (the __str__) is for people; the tag names the type', () => {
    expect(String(Money.of('0.005', 'BHD'))).toBe('0.005 BHD');
    expect(Object.prototype.toString.call(usd('1.00'))).toBe('[object Money]');
  });

  it('round-trips through JSON with the amount as a string', () => {
    const json = JSON.stringify({ total: usd('1234.50') });
    expect(json).toBe('{"total":{"amount":"1234.50","currency":"USD"}}');
    const back = Money.fromJSON((JSON.parse(json) as { total: unknown }).total);
    expect(back.equals(usd('1234.50'))).toBe(true);
    expect(() => Money.fromJSON({ amount: 1234.5, currency: 'USD' })).toThrow(/string "amount"/);
  });

  it('fromJSON refuses anything but an object with a string amount and currency', () => {
    expect(() => Money.fromJSON(null)).toThrow(new TypeError('Money JSON must be an object'));
    expect(() => Money.fromJSON('1.00 USD')).toThrow(new TypeError('Money JSON must be an object'));
    expect(() => Money.fromJSON({ amount: '1.00', currency: 840 })).toThrow(
      new TypeError('Money JSON needs string "amount" and "currency"'),
    );
  });

  it('is always truthy, so zero needs isZero()', () => {
    const zero = Money.zero('USD');
    expect(Boolean(zero)).toBe(true);
    expect(zero.isZero()).toBe(true);
    expect(usd('0.01').isZero()).toBe(false);
    expect(usd('-0.01').isZero()).toBe(false);
    expect(String(zero)).toBe('0.00 USD');
    expect(String(usd('-0.00'))).toBe('0.00 USD');
  });
});
