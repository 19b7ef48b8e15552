/** Everything the services module opened in this process, so one call can close it all. */
type Closer = () => Promise<unknown> | unknown;

const closers = new Set<Closer>();

export function onClose(closer: Closer): () => void {
  closers.add(closer);
  return () => closers.delete(closer);
}

/** Closes every pool and client handed out, then stops servers this process started. Safe to call twice. */
export async function closeServices(): Promise<void> {
  const all = [...closers].reverse();
  closers.clear();
  for (const close of all) {
    try {
      await close();
    } catch {
      // A pool that was already ended, or a server that already exited: nothing left to release.
    }
  }
}
