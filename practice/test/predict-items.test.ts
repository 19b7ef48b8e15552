import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { normalizeOutput, type Practice, runSnippet } from '@lab/common/practice';
import { listTopics } from '@lab/tooling/topics';
import { describe, expect, it } from 'vitest';

// Every predict item of every topic is run, and its declared output must be what it really prints.
const topics = listTopics().filter((t) => existsSync(join(t.dir, 'practice.ts')));
const only = process.env.PRACTICE_TOPIC;

for (const topic of topics.filter((t) => !only || t.slug === only || t.id === only)) {
  const practice = (
    (await import(pathToFileURL(join(topic.dir, 'practice.ts')).href)) as { default: Practice }
  ).default;
  describe(`${topic.id} ${topic.slug}: predict-the-output`, () => {
    it('has at least three items with unique kebab-case ids and existing files', () => {
      expect(practice.predict.length).toBeGreaterThanOrEqual(3);
      const ids = practice.predict.map((p) => p.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const item of practice.predict) {
        expect(item.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(existsSync(join(topic.dir, item.see.file)), item.see.file).toBe(true);
      }
    });
    it.concurrent.each(practice.predict.map((p) => [p.id, p] as const))(
      '%s prints what it declares',
      async (_, item) => {
        const run = await runSnippet(topic.dir, item);
        expect(run.timedOut, 'snippet timed out').toBe(false);
        expect(run.stderr.trim() === '' || run.code === 0, run.stderr).toBe(true);
        expect(run.code, run.stderr).toBe(0);
        expect(normalizeOutput(run.stdout)).toBe(normalizeOutput(item.output));
      },
    );
  });
}
