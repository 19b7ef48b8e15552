import './polyfill.ts';

export { polyfilled } from './polyfill.ts';
export { openFile, stopwatch, tempDir, tracked } from './resources.ts';
export { begin, type Transaction, withTransaction } from './transaction.ts';
