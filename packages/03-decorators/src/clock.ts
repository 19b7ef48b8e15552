/**
 * Time, injected: retry sleeps, memoize expires entries and rate limits count calls per window, so the
 * decorators take a clock and tests or the demo pass one they control. The clock is the kit's, shared with
 * every topic that waits or expires; this module keeps the topic's own import path working.
 */
export { type Clock, type ManualClock, manualClock, systemClock } from '@lab/common/clock';
