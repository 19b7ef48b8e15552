/**
 * Counters the app keeps about itself, so a test can prove by counting (not timing) whether the event loop
 * served anything while CPU work was in progress.
 */
export class Activity {
  /** CPU requests between their start and their end, in this process. */
  cpuInFlight = 0;
  cpuStarted = 0;
  cpuFinished = 0;
  /** Cheap responses sent. */
  cheapServed = 0;
  /** Cheap responses sent while at least one CPU request was in flight. */
  cheapServedDuringCpu = 0;

  cpuStart(): void {
    this.cpuInFlight++;
    this.cpuStarted++;
  }

  cpuEnd(): void {
    this.cpuInFlight--;
    this.cpuFinished++;
  }

  cheap(): void {
    this.cheapServed++;
    if (this.cpuInFlight > 0) this.cheapServedDuringCpu++;
  }

  snapshot(): ActivitySnapshot {
    const { cpuInFlight, cpuStarted, cpuFinished, cheapServed, cheapServedDuringCpu } = this;
    return { cpuInFlight, cpuStarted, cpuFinished, cheapServed, cheapServedDuringCpu };
  }

  reset(): void {
    this.cpuStarted = this.cpuFinished = this.cheapServed = this.cheapServedDuringCpu = 0;
  }
}

/** A copy of the counters at one moment. */
export type ActivitySnapshot = Pick<
  Activity,
  'cpuInFlight' | 'cpuStarted' | 'cpuFinished' | 'cheapServed' | 'cheapServedDuringCpu'
>;
