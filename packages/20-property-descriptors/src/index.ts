export { counterWithAccessor, Temperature } from './accessors.ts';
export {
  AssignsInConstructor,
  Audited,
  FieldShadows,
  Rated,
  RatedWithDefault,
  RatedWithDefinite,
} from './class-fields.ts';
export {
  type DescriptorSummary,
  defineConstant,
  defineHidden,
  describeOwn,
  type FlagEffects,
  flagEffects,
  flagString,
  type PropertyKind,
} from './descriptors.ts';
export { LegacyProduct, Product } from './example-product.ts';
export {
  type Assignment,
  chainOf,
  explainAssignment,
  type Found,
  findProperty,
  nameOf,
  predictAssignment,
} from './lookup.ts';
export { readThroughProxy, TsPrivateWallet, visibleState, Wallet } from './private-fields.ts';
export {
  type Check,
  defineValidated,
  FieldValidationError,
  range,
  rangeCheck,
  validated,
} from './validated.ts';
