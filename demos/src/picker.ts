import { createInterface } from 'node:readline/promises';
import { lookUpTopic } from '@lab/tooling/cli';
import type { Topic } from '@lab/tooling/topics';
import { formatListing } from './listing.ts';

/** Shows the grouped list and asks for a topic until it gets a valid one (or an empty line). */
export async function pickTopic(topics: readonly Topic[]): Promise<Topic | undefined> {
  process.stdout.write(`${formatListing(topics).join('\n')}\n`);
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    for (;;) {
      const answer = (await rl.question('Topic to run (number or slug; Enter to quit): ')).trim();
      if (answer === '') return undefined;
      const found = lookUpTopic(answer, topics);
      if (found.ok) return found.topic;
      process.stdout.write(`${found.message}\n`);
    }
  } finally {
    rl.close();
  }
}
