/**
 * How many turns the event loop took while `work` ran: a setImmediate that queues itself again runs once per
 * turn. A count, not a time, so tests can assert it: work that never yields gives 0 whatever the machine.
 */
export async function loopTurnsDuring(work: () => unknown): Promise<number> {
  let turns = 0;
  let running = true;
  const spin = (): void => {
    if (!running) return;
    turns++;
    setImmediate(spin);
  };
  setImmediate(spin);
  await work();
  running = false;
  return turns;
}
