import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  CappedPercentFee,
  FlatFee,
  FlatPlusPercentFee,
  feeBySwitch,
  feeRules,
  feeSpecs,
  MAX_KINDS,
  MinimumPercentFee,
  PercentFee,
  PerThousandFee,
  TieredFee,
  totalFeesBySwitch,
  totalFeesMegamorphic,
  totalFeesMonomorphic,
  totalFeesPolymorphic,
  WaivedFee,
} from '../src/dispatch.ts';
import { PlainUploader, type StrictUploader, ThumbnailUploader, type Uploader } from '../src/lsp-variance.ts';

describe('fee rules: the interface and the switch compute the same fees', () => {
  it('each class computes its own rule', () => {
    const amount = 12_345;
    expect([
      new FlatFee(25).fee(amount),
      new PercentFee(200).fee(amount),
      new FlatPlusPercentFee(30, 290).fee(amount),
      new CappedPercentFee(200, 100).fee(amount),
      new CappedPercentFee(200, 1_000).fee(amount),
      new MinimumPercentFee(100, 500).fee(amount),
      new MinimumPercentFee(100, 50).fee(amount),
      new TieredFee(10_000, 30, 60).fee(amount),
      new TieredFee(20_000, 30, 60).fee(amount),
      new WaivedFee(20_000).fee(amount),
      new WaivedFee(10_000).fee(amount),
      new PerThousandFee(3).fee(amount),
    ]).toEqual([25, 246, 388, 100, 246, 500, 123, 60, 30, 0, 25, 36]);
  });

  it('feeRules cycles through the first `kinds` classes; out-of-range kinds are refused', () => {
    expect(new Set(feeRules(1, 16).map((r) => r.constructor)).size).toBe(1);
    expect(new Set(feeRules(4, 16).map((r) => r.constructor)).size).toBe(4);
    expect(new Set(feeRules(MAX_KINDS, 16).map((r) => r.constructor)).size).toBe(8);
    for (const bad of [0, 9, 1.5]) expect(() => feeRules(bad, 1), String(bad)).toThrow(RangeError);
  });

  it('for every kind count, the four loops and the switch agree on the total', () => {
    for (const kinds of [1, 4, 8]) {
      const rules = feeRules(kinds, 1_000);
      const want = rules.reduce((sum, r, i) => sum + r.fee(5_000 + i), 0);
      expect(totalFeesMonomorphic(rules, 5_000)).toBe(want);
      expect(totalFeesPolymorphic(rules, 5_000)).toBe(want);
      expect(totalFeesMegamorphic(rules, 5_000)).toBe(want);
      expect(totalFeesBySwitch(feeSpecs(kinds, 1_000), 5_000)).toBe(want);
    }
  });

  it('thresholds are inclusive upward, in the classes and in the switch alike', () => {
    const tiered = new TieredFee(10_000, 30, 60);
    const waived = new WaivedFee(5_000);
    expect([tiered.fee(9_999), tiered.fee(10_000), waived.fee(4_999), waived.fee(5_000)]).toEqual([
      30, 60, 0, 25,
    ]);
    const tieredSpec = { kind: 5, a: 10_000, b: 30, c: 60 };
    const waivedSpec = { kind: 6, a: 5_000, b: 0, c: 0 };
    expect([
      feeBySwitch(tieredSpec, 9_999),
      feeBySwitch(tieredSpec, 10_000),
      feeBySwitch(waivedSpec, 4_999),
      feeBySwitch(waivedSpec, 5_000),
    ]).toEqual([30, 60, 0, 25]);
  });

  it('the switch refuses a kind it does not know', () => {
    expect(() => feeBySwitch({ kind: 8, a: 0, b: 0, c: 0 }, 1)).toThrow('unknown fee kind 8');
  });
});

describe('LSP and the type checker: method parameters are bivariant', () => {
  const file = { name: 'cat.png', bytes: new Uint8Array(5) };

  it('a subtype that narrows a method parameter compiles as an Uploader, and fails at run time', () => {
    const uploaders: Uploader[] = [new PlainUploader(), new ThumbnailUploader()];
    expect(uploaders[0]?.upload(file)).toBe('cat.png (5 bytes)');
    expect(() => uploaders[1]?.upload(file)).toThrow(TypeError);
  });

  it('declared as a function-typed property, the same class is refused by tsc', () => {
    expectTypeOf<ThumbnailUploader>().toExtend<Uploader>();
    expectTypeOf<ThumbnailUploader>().not.toExtend<StrictUploader>();
    expectTypeOf<PlainUploader>().toExtend<StrictUploader>();
    // @ts-expect-error — under strictFunctionTypes, (ImageUpload) => string is not (Upload) => string
    const strict: StrictUploader = new ThumbnailUploader();
    expect(() => strict.upload(file)).toThrow("Cannot read properties of undefined (reading 'toFixed')");
  });
});
