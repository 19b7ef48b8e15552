import type { Logger } from 'pino';

type AnyMethod = (...args: unknown[]) => unknown;

/**
 * `target` with every method call logged at debug — `<name>.<method>` when it starts and when it returns,
 * with its duration: logging at the service boundary without touching the service. Failures are NOT logged
 * here: the error travels up to the one place that handles it (the error middleware), which logs it once.
 * Logging and rethrowing at every layer prints the same failure three times.
 */
export function logCalls<T extends object>(target: T, logger: Logger, name: string): T {
  const wrappers = new Map<PropertyKey, AnyMethod>();
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      let wrapper = wrappers.get(property);
      if (!wrapper) {
        const call = `${name}.${property}`;
        const method = value as AnyMethod;
        wrapper = async (...args: unknown[]) => {
          logger.debug({ call }, 'call started');
          const started = performance.now();
          // `object`, not the proxy, as `this`: private fields (#deps) live on the real instance.
          const result = await method.apply(object, args);
          logger.debug(
            { call, durationMs: Math.round((performance.now() - started) * 100) / 100 },
            'call done',
          );
          return result;
        };
        wrappers.set(property, wrapper);
      }
      return wrapper;
    },
  });
}
