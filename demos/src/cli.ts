import { style } from '@lab/common/output';
import { exitOnEpipe, lookUpTopic, topicBanner, USAGE_ERROR } from '@lab/tooling/cli';
import { listTopics, type Topic } from '@lab/tooling/topics';
import { parseArgs, USAGE } from './args.ts';
import { provideServices, runTopic, runTopicHere } from './run-topic.ts';

// The listing (which reads practice progress) and the picker (clack) load only when asked for: a plain
// `pnpm demo <topic>` should reach the demo's first line as soon as it can.
const formatListing = async (topics: readonly Topic[]) =>
  (await import('./listing.ts')).formatListing(topics);

async function runAll(topics: readonly Topic[]): Promise<number> {
  await provideServices(topics);
  const failed: string[] = [];
  const started = performance.now();
  try {
    for (const topic of topics) {
      process.stdout.write(`\n${topicBanner(topic)}\n`);
      const t0 = performance.now();
      const code = await runTopic(topic);
      const seconds = ((performance.now() - t0) / 1000).toFixed(1);
      if (code === 0) process.stdout.write(style.dim(`(${topic.slug}: ok in ${seconds} s)\n`));
      else {
        failed.push(topic.slug);
        process.stdout.write(
          style.red(`(${topic.slug}: FAILED with exit code ${code} after ${seconds} s)\n`),
        );
      }
    }
  } finally {
    const { closeServices } = await import('@lab/common/services');
    await closeServices();
  }
  const total = ((performance.now() - started) / 1000).toFixed(1);
  const ok = topics.length - failed.length;
  process.stdout.write(`\ndemos: ${ok} passed, ${failed.length} failed (${total} s)\n`);
  if (failed.length) process.stdout.write(style.red(`failed: ${failed.join(', ')}\n`));
  return failed.length ? 1 : 0;
}

async function main(argv: readonly string[]): Promise<number> {
  const command = parseArgs(argv);
  const topics = listTopics();
  switch (command.kind) {
    case 'error':
      process.stderr.write(`${command.message}\n${USAGE}\n`);
      return USAGE_ERROR;
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case 'list':
      process.stdout.write(`${(await formatListing(topics)).join('\n')}\n`);
      return 0;
    case 'all':
      return runAll(topics);
    case 'pick': {
      if (!process.stdin.isTTY || !process.stdout.isTTY) {
        process.stdout.write(
          `${(await formatListing(topics)).join('\n')}\nrun one with: pnpm demo <slug|number>\n`,
        );
        return 0;
      }
      const { pickTopic } = await import('./picker.ts');
      const picked = await pickTopic(topics);
      return picked ? runTopic(picked.topic, { demoArgs: picked.demoArgs }) : 0;
    }
    case 'run': {
      const found = lookUpTopic(command.topic, topics);
      if (!found.ok) {
        process.stderr.write(`${found.message}\n`);
        return USAGE_ERROR;
      }
      const { topic } = found;
      // The demo itself reads --section/--sections: only it knows its sections.
      const demoArgs = [
        ...command.sections.flatMap((s) => ['--section', s]),
        ...(command.listSections ? ['--sections'] : []),
      ];
      if (command.watch || topic.nodeFlags.length > 0)
        return runTopic(topic, { watch: command.watch, demoArgs });
      return runTopicHere(topic, demoArgs);
    }
  }
}

exitOnEpipe();
process.exitCode = await main(process.argv.slice(2));
