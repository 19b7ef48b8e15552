/**
 * Readiness as a small state machine: the last report is reused for `cacheMs` and concurrent probes share
 * one run, so a probe storm (every load balancer node, every few seconds) costs the database one `SELECT 1`.
 * `drain()` turns it not-ready for good: the first step of a graceful shutdown.
 */
import { type Clock, systemClock } from '@lab/common/clock';
import { type HealthCheck, type HealthReport, runChecks } from './health-checks.ts';

export interface ReadinessOptions {
  checks: readonly HealthCheck[];
  /** How long a report is reused. 0 runs the checks on every probe. */
  cacheMs?: number;
  defaultTimeoutMs?: number;
  clock?: Clock;
}

export interface ReadinessState extends HealthReport {
  draining: boolean;
}

export class Readiness {
  readonly #options: Required<Omit<ReadinessOptions, 'clock'>> & { clock: Clock };
  #last: { at: number; report: HealthReport } | undefined;
  #running: Promise<HealthReport> | undefined;
  #draining = false;
  /** How many times the checks actually ran (probes answered from the cache do not count). */
  runs = 0;

  constructor({ checks, cacheMs = 1000, defaultTimeoutMs = 1000, clock = systemClock }: ReadinessOptions) {
    if (!(cacheMs >= 0)) throw new RangeError(`cacheMs must be >= 0, got ${cacheMs}`);
    this.#options = { checks, cacheMs, defaultTimeoutMs, clock };
  }

  /** From now on every probe answers not-ready, without touching a dependency. */
  drain(): void {
    this.#draining = true;
  }

  get draining(): boolean {
    return this.#draining;
  }

  async check(): Promise<ReadinessState> {
    if (this.#draining) return { ok: false, draining: true, checks: {} };
    const { clock, cacheMs } = this.#options;
    const last = this.#last;
    if (last && clock.now() - last.at < cacheMs) return { ...last.report, draining: false };
    this.#running ??= this.#run();
    return { ...(await this.#running), draining: false };
  }

  async #run(): Promise<HealthReport> {
    this.runs++;
    try {
      const report = await runChecks(this.#options.checks, {
        defaultTimeoutMs: this.#options.defaultTimeoutMs,
      });
      this.#last = { at: this.#options.clock.now(), report };
      return report;
    } finally {
      this.#running = undefined;
    }
  }
}
