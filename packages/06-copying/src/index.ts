export { type CloneChild, deepClone, deepCloneHook, type SelfCloning } from './clone.ts';
export { jsonRoundTrip, structuredCopy } from './deep.ts';
export { describeLosses, kindOf, type Loss, sharedReferences } from './inspect.ts';
export {
  arrayFromCopy,
  assignCopy,
  mapCopy,
  SHALLOW_ARRAY_COPIES,
  SHALLOW_OBJECT_COPIES,
  shallowCloneInstance,
  sliceCopy,
  spreadCopy,
} from './shallow.ts';
