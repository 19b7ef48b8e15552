/**
 * The two deep copies Node gives you for free, wrapped so their costs and losses can be compared with
 * `deepClone`.
 */

/**
 * `structuredClone(value)`: the HTML structured clone algorithm (the one `postMessage` and worker threads
 * use). Keeps cycles, shared references, Map, Set, Date, RegExp, typed arrays, BigInt and Errors. Loses class
 * prototypes (the copy is a plain object), getters (read once, stored as data) and symbol-keyed properties;
 * throws a `DataCloneError` (a DOMException) on functions, symbols, WeakMaps and other host objects.
 */
export const structuredCopy = <T>(value: T): T => structuredClone(value);

/**
 * `JSON.parse(JSON.stringify(value))`. Typed `unknown` on purpose: the result's shape is not the input's.
 * Drops `undefined` and function properties (and turns them into `null` inside arrays), turns Dates into
 * ISO strings, Maps and Sets into `{}`, NaN and ±Infinity into `null`, and loses prototypes; throws a
 * TypeError on a cycle or a BigInt.
 */
export const jsonRoundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;
