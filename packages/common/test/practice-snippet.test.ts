import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeOutput, type PredictItem, runSnippet } from '../src/practice.ts';

const topicDir = fileURLToPath(new URL('./fixtures/practice-topic/', import.meta.url));
const item = (code: string): PredictItem => ({
  id: 'probe',
  prompt: 'What does this print?',
  code,
  output: '',
  explain: '',
  see: { file: 'src/twice.ts' },
});

describe('runSnippet', () => {
  it('runs TypeScript from the topic folder, so ./src imports resolve, and leaves no file behind', async () => {
    const run = await runSnippet(
      topicDir,
      item("import { twice } from './src/twice.ts';\nconst n: number = 21;\nconsole.log(twice(n));"),
    );
    expect(run).toMatchObject({ stdout: '42\n', code: 0, timedOut: false });
    expect(readdirSync(topicDir).filter((f) => f.startsWith('.practice-'))).toEqual([]);
  });

  it('reports a throwing snippet by its exit code and stderr', async () => {
    const run = await runSnippet(topicDir, item("throw new Error('nope');"));
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('nope');
  });

  it('kills a snippet that never ends', async () => {
    const run = await runSnippet(topicDir, item('setInterval(() => {}, 1000);'), 1_500);
    expect(run.timedOut).toBe(true);
    expect(existsSync(topicDir)).toBe(true);
  });

  it('compares outputs line by line, ignoring trailing whitespace and blank tail lines', () => {
    expect(normalizeOutput('a  \r\nb\n\n')).toBe('a\nb');
    expect(normalizeOutput(' a')).toBe(' a');
  });
});
