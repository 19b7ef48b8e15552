import { createInterface } from 'node:readline/promises';
import { findTopic, suggestTopic, type Topic } from '@lab/common/topics';
import { formatListing, unknownTopicMessage } from './listing.ts';

/** Shows the grouped list and asks for a topic until it gets a valid one (or an empty line). */
export async function pickTopic(topics: readonly Topic[]): Promise<Topic | undefined> {
  process.stdout.write(`${formatListing(topics).join('\n')}\n`);
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    for (;;) {
      const answer = (await rl.question('Topic to run (number or slug; Enter to quit): ')).trim();
      if (answer === '') return undefined;
      const topic = findTopic(answer, [...topics]);
      if (topic) return topic;
      process.stdout.write(`${unknownTopicMessage(answer, suggestTopic(answer, [...topics]))}\n`);
    }
  } finally {
    rl.close();
  }
}
