/** Resolves every caller once `parties` of them are waiting: concurrent work held at one point, no sleeps. */
export function barrier(parties: number): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return () => {
    arrived++;
    if (arrived === parties) open();
    return opened;
  };
}
