import { type CounterRace, raceOnSharedCounter } from './shared-counter.ts';

/** What `raceUntilLost` saw: every plain race it ran, and the first one that lost an update, if any did. */
export interface RacesUntilLost {
  races: CounterRace[];
  losing: CounterRace | undefined;
}

/**
 * Runs the plain (non-atomic) shared-counter race again and again, up to `maxAttempts` times, until one
 * loses an update. Each race starts its workers on a shared-memory barrier (Atomics.wait/notify), but on a
 * busy machine one worker can still finish before the other gets a core, and then nothing is lost: a
 * single run proves nothing either way, so a demo or a test that claims lost updates must retry, within
 * a bound, and say so when it never saw one.
 */
export async function raceUntilLost(options: {
  workers: number;
  increments: number;
  maxAttempts: number;
}): Promise<RacesUntilLost> {
  const { workers, increments, maxAttempts } = options;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 100)
    throw new RangeError(`maxAttempts must be an integer from 1 to 100, got ${maxAttempts}`);
  const races: CounterRace[] = [];
  while (races.length < maxAttempts) {
    const race = await raceOnSharedCounter({ workers, increments, atomic: false });
    races.push(race);
    if (race.lost > 0) return { races, losing: race };
  }
  return { races, losing: undefined };
}
