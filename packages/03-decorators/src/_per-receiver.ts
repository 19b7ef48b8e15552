/**
 * State kept per `this`. A method decorator runs once per class, so a cache or a counter created in it is
 * shared by every instance unless it is keyed by the receiver. A WeakMap lets an instance's state be
 * collected with the instance (Python's `lru_cache` on a method keeps every `self` alive instead).
 * Calls without an object receiver (plain functions) share one state.
 */
export function perReceiver<S>(create: () => S): (receiver: unknown) => S {
  const byObject = new WeakMap<object, S>();
  let shared: S | undefined;
  return (receiver) => {
    if ((typeof receiver === 'object' && receiver !== null) || typeof receiver === 'function') {
      let state = byObject.get(receiver);
      if (state === undefined) {
        state = create();
        byObject.set(receiver, state);
      }
      return state;
    }
    shared ??= create();
    return shared;
  };
}
