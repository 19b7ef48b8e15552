// One real session through a pseudo-terminal: tmux runs `pnpm practice --topic 04`, the test types like a
// learner (reveal + grade a recall card, type a prediction), presses Ctrl-C, and reads the progress file.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@lab/tooling/topics';
import { afterAll, describe, expect, it } from 'vitest';
import { parseProgress } from '../src/progress.ts';
import { createScheduler } from '../src/scheduler.ts';

const socket = `practice-e2e-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-J', '-t', 'session', '-S', '-200');

async function waitFor(text: string, timeoutMs = 40_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const shown = screen();
    if (shown.includes(text)) return shown;
    if (Date.now() > deadline) throw new Error(`never saw "${text}" on the screen:\n${shown}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

afterAll(() => {
  spawnSync('tmux', ['-L', socket, 'kill-server']);
});

describe('pnpm practice in a terminal', () => {
  it('answers two cards of topic 04, stops on Ctrl-C, and finds both scheduled in progress.json', async () => {
    if (spawnSync('tmux', ['-V']).error)
      throw new Error(
        'this test drives a terminal with tmux, which is not installed: apt-get install -y tmux',
      );
    const state = mkdtempSync(join(tmpdir(), 'practice-e2e-'));
    tmux(
      'new-session',
      '-d',
      '-s',
      'session',
      '-x',
      '110',
      '-y',
      '50',
      '-c',
      repoRoot,
      '-e',
      `XDG_STATE_HOME=${state}`,
      '-e',
      `PATH=${process.env.PATH ?? ''}`,
      // Keep the pane after exit so the last screen can be read.
      'pnpm practice --topic 04; echo "exit code $?"; sleep 60',
    );
    const prompt = 'Say your answer aloud';
    await waitFor(prompt);
    tmux('send-keys', '-t', 'session', 'Enter');
    await waitFor('How well did you know it?');
    tmux('send-keys', '-t', 'session', 'g');
    await waitFor('What does it print?');
    for (const line of ['built', 'square 1', 'got 1', 'square 2', 'got 4']) {
      tmux('send-keys', '-t', 'session', '-l', line);
      tmux('send-keys', '-t', 'session', 'Enter');
    }
    tmux('send-keys', '-t', 'session', 'Enter');
    await waitFor('Right.');
    // The third card's prompt is up: the second grade is saved by then.
    for (let shown = screen(); count(shown, prompt) < 2; shown = screen())
      await new Promise((r) => setTimeout(r, 100));
    tmux('send-keys', '-t', 'session', 'C-c');
    const last = await waitFor('exit code');
    expect(last).toContain('Stopped. 2 cards graded and saved');
    expect(last).toContain('exit code 0');

    const parsed = parseProgress(readFileSync(join(state, 'interview-lab', 'progress.json'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.why);
    expect(parsed.file.reviews.map((r) => [r.card, r.grade])).toEqual([
      ['generators/answer', 'good'],
      ['generators/predict-lazy-order', 'good'],
    ]);
    const at = new Date(parsed.file.reviews[1]?.at ?? 0);
    const states = createScheduler({ now: () => at }).replay(parsed.file.reviews);
    expect(states.size).toBe(2);
    for (const s of states.values()) expect(s.due.getTime()).toBeGreaterThan(at.getTime());
  });
});
