import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsxExecArgv } from '@lab/common/workers';
import { findTopic } from '@lab/tooling/topics';
import { describe, expect, it } from 'vitest';
import { ankiDeck, markdownToHtml } from '../src/anki.ts';
import { topicDeck } from '../src/deck.ts';
import { buildQueue, sameOutput } from '../src/queue.ts';
import { highlight, tokenize } from '../src/render.ts';
import { createScheduler } from '../src/scheduler.ts';

const cli = new URL('../src/cli.ts', import.meta.url).pathname;
function run(args: string[]) {
  const state = mkdtempSync(join(tmpdir(), 'practice-cli-'));
  // stdin and stdout are pipes here: no TTY, so the CLI must never wait for input.
  const r = spawnSync(process.execPath, [...tsxExecArgv(), cli, ...args], {
    encoding: 'utf8',
    input: '',
    env: { ...process.env, XDG_STATE_HOME: state, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { ...r, state };
}

describe('pnpm practice without a terminal', () => {
  it('prints the stats and how to start, then exits 0', () => {
    const r = run([]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/04 generators\s+\d+\s+0\s+0/);
    expect(r.stdout).toContain('All topics');
    expect(r.stdout).toContain('pnpm practice --topic 04');
    expect(r.stdout).toContain(join(r.state, 'interview-lab', 'progress.json'));
  });

  it('answers an unknown topic with the shared did-you-mean message and exit code 2', () => {
    const r = run(['--topic', 'genrators']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown topic 'genrators'; did you mean 'generators' (04)?");
  });

  it('refuses bad options with the usage and exit code 2', () => {
    expect(run(['--fast']).status).toBe(2);
    expect(run(['--export', 'csv']).stderr).toContain('only: anki');
    expect(run(['--part', '7']).status).toBe(2);
  });

  it('exports one topic as an Anki deck: header lines, then front, back and tags per card', async () => {
    const r = run(['--export', 'anki', '--topic', '04']);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual(['#separator:tab', '#html:true', '#tags column:3']);
    const topic = findTopic('04');
    if (!topic) throw new Error('topic 04 is missing');
    const deck = await topicDeck(topic);
    expect(lines).toHaveLength(3 + deck.length);
    for (const l of lines.slice(3)) {
      const fields = l.split('\t');
      expect(fields).toHaveLength(3);
      expect(fields[2]).toBe('part-1 topic-generators');
    }
  });

  it('writes the export to --out', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'practice-anki-')), 'deck.tsv');
    const r = run(['--export', 'anki', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('topic-rate-limiting');
  });
});

describe('cards as text', () => {
  it('escapes HTML and turns newlines into <br> and markdown into tags for Anki', () => {
    expect(markdownToHtml('a < b & `x` is **y**\nnext\tcol')).toBe(
      'a &lt; b &amp; <code>x</code> is <b>y</b><br>next  col',
    );
  });

  it('never lets a snippet break the TSV: tabs and newlines stay inside the field', async () => {
    const topic = findTopic('04');
    if (!topic) throw new Error('topic 04 is missing');
    const deck = await topicDeck(topic);
    const rows = ankiDeck(deck).trimEnd().split('\n').slice(3);
    expect(rows.every((r) => r.split('\t').length === 3)).toBe(true);
    expect(rows.some((r) => r.includes('<pre>'))).toBe(true);
  });

  it('tokenizes TypeScript into keywords, strings, numbers and comments, losing no character', () => {
    const template = `\`x \${n}\``;
    const source = `const n = 42; // answer\nconsole.log(${template}, 'it\\'s', yield1);`;
    const tokens = tokenize(source);
    expect(tokens.map((t) => t.text).join('')).toBe(source);
    const kinds = (kind: string) => tokens.filter((t) => t.kind === kind).map((t) => t.text);
    expect(kinds('keyword')).toEqual(['const']);
    expect(kinds('number')).toEqual(['42']);
    expect(kinds('comment')).toEqual(['// answer']);
    expect(kinds('string')).toEqual([template, "'it\\'s'"]);
    expect(highlight(source, false)).toBe(source);
    expect(highlight(source, true)).toContain('\u001b[35mconst\u001b[39m');
  });

  it('grades typed output by lines: trailing spaces and blank lines do not matter, order does', () => {
    expect(sameOutput('built\nsquare 1  \n\ngot 1\n', 'built\nsquare 1\ngot 1')).toBe(true);
    expect(sameOutput('square 1\nbuilt\ngot 1', 'built\nsquare 1\ngot 1')).toBe(false);
    expect(sameOutput('built', 'built\nsquare 1')).toBe(false);
  });

  it('queues due cards first (most overdue first), then new cards in deck order up to the limit', async () => {
    const topic = findTopic('04');
    if (!topic) throw new Error('topic 04 is missing');
    const deck = await topicDeck(topic);
    expect(deck[0]?.id).toBe('answer');
    expect(deck[1]?.kind).toBe('predict');
    let now = new Date('2026-01-01T00:00:00Z');
    const scheduler = createScheduler({ now: () => now });
    const [a, b, c] = deck;
    if (!a || !b || !c) throw new Error('deck too small');
    const states = scheduler.replay([
      { id: '1', card: c.key, at: '2026-01-01T00:00:00.000Z', grade: 'good' },
      { id: '2', card: a.key, at: '2026-01-01T00:01:00.000Z', grade: 'again' },
    ]);
    expect(buildQueue(deck, states, scheduler, 2).map((x) => x.key)).toEqual([b.key, deck[3]?.key]);
    now = new Date('2026-01-01T01:00:00Z');
    expect(buildQueue(deck, states, scheduler, 1).map((x) => x.key)).toEqual([a.key, c.key, b.key]);
  });
});
