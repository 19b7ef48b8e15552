/**
 * A Python-style coroutine for comparison: nothing runs until someone awaits it (calls `then`). A
 * JavaScript async function is the opposite: calling it runs its body at once, up to the first `await`.
 */
export function lazy<T>(start: () => Promise<T>): PromiseLike<T> {
  let started: Promise<T> | undefined;
  return {
    // biome-ignore lint/suspicious/noThenProperty: a thenable is the point: `await` calls this.
    then(onFulfilled, onRejected) {
      started ??= start();
      return started.then(onFulfilled, onRejected);
    },
  };
}

/**
 * Calls an async function and a `lazy` wrapper of it, and returns what happened in order: the async
 * function's body has already run to its first `await` when the call returns; the lazy one's has not.
 */
export async function whenBodiesRun(): Promise<string[]> {
  const log: string[] = [];
  async function loadUser(label: string): Promise<void> {
    log.push(`${label}: body starts`);
    await null;
    log.push(`${label}: body resumes after await`);
  }
  const eager = loadUser('async function');
  log.push('async function: call returned');
  const deferred = lazy(() => loadUser('lazy'));
  log.push('lazy: call returned');
  await eager;
  await deferred;
  log.push('both awaited');
  return log;
}
