import { spawn } from 'node:child_process';
import { autocomplete, isCancel, select, spinner } from '@clack/prompts';
import { partTitle, type Topic } from '@lab/tooling/topics';
import { demoCommand } from './run-topic.ts';

export interface Picked {
  topic: Topic;
  /** `--section <id>` when one section was chosen; empty for the whole tour. */
  demoArgs: string[];
}

/** A demo's sections, from its own `--sections` listing (only the demo knows them): number, id, title. */
export function parseSectionList(text: string): Array<{ n: number; id: string; title: string }> {
  return text
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\S+)\s+(.+)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ n: Number(m[1]), id: m[2] ?? '', title: (m[3] ?? '').trim() }));
}

function listSections(topic: Topic): Promise<string> {
  const { command, args } = demoCommand(topic, false, ['--sections']);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: topic.dir, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    child.on('close', () => resolve(out));
    child.on('error', () => resolve(''));
  });
}

/**
 * An arrow-key picker with type-to-filter (number, slug or words of the title), then, for a demo with
 * several sections, which one to run (or the whole tour). Undefined when the reader cancels (Esc, Ctrl-C).
 */
export async function pickTopic(topics: readonly Topic[]): Promise<Picked | undefined> {
  const slug = await autocomplete({
    message: 'Which demo? (type to filter, ↑↓ to move, Enter to run)',
    options: topics.map((t) => ({
      value: t.slug,
      label: `${t.id} ${t.slug} — ${t.title}`,
      hint: partTitle(t.part) + (t.services.length ? ` · needs ${t.services.join(', ')}` : ''),
    })),
    maxItems: 12,
    placeholder: 'a number, a slug or a word of the title…',
  });
  if (isCancel(slug)) return undefined;
  const topic = topics.find((t) => t.slug === slug);
  if (!topic) return undefined;
  const wait = spinner();
  wait.start('reading its sections');
  const sections = parseSectionList(await listSections(topic));
  wait.stop(sections.length > 1 ? `${sections.length} sections` : 'one section');
  if (sections.length <= 1) return { topic, demoArgs: [] };
  const section = await select({
    message: 'The whole tour, or one section?',
    options: [
      { value: '', label: 'The whole tour' },
      ...sections.map((s) => ({ value: s.id, label: `${s.n}. ${s.title}`, hint: `--section ${s.id}` })),
    ],
  });
  if (isCancel(section)) return undefined;
  return { topic, demoArgs: section ? ['--section', section] : [] };
}
