import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Only node: imports here: vitest.config.ts loads this file through Vite's config bundler, which hands every
// bare import to Node, and Node 20 cannot load a workspace package's `.ts` files.

/** Absolute path of the repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export type Service = 'postgres' | 'redis';

/** The `"lab"` field every topic package declares in its package.json. */
export interface LabField {
  part: 1 | 2 | 3 | 4;
  question: number;
  slug: string;
  title: string;
  /** Services the demo and tests use; the demo runner starts them once and passes their URLs on. */
  services?: Service[];
  /** Extra Node flags the demo needs (for example `--expose-gc`). */
  nodeFlags?: string[];
  /** Slugs of the topics whose code this one imports (10 builds on 04's lazy helpers); nothing else of the repo. */
  buildsOn?: string[];
}

export interface Topic extends LabField {
  /** 1-40, derived from part and question. */
  number: number;
  /** Two-digit number as the folder prefix spells it. */
  id: string;
  /** npm package name, `@lab/<slug>`. */
  name: string;
  /** Absolute path of the package folder. */
  dir: string;
  services: Service[];
  nodeFlags: string[];
  buildsOn: string[];
}

const PART_TITLES: Record<number, string> = {
  1: 'Part 1 — Python fundamentals',
  2: 'Part 2 — Advanced internals',
  3: 'Part 3 — Design and code structure',
  4: 'Part 4 — Production REST APIs',
};

export const partTitle = (part: number): string => PART_TITLES[part] ?? `Part ${part}`;

/** Problems with a package's `"lab"` field; empty when it is valid. */
export function validateLabField(folder: string, pkg: { name?: unknown; lab?: unknown }): string[] {
  const problems: string[] = [];
  const lab = pkg.lab as Partial<LabField> | undefined;
  if (!lab || typeof lab !== 'object') return [`${folder}: package.json has no "lab" field`];
  const { part, question, slug, title, services = [], buildsOn = [] } = lab;
  if (part === undefined || ![1, 2, 3, 4].includes(part)) problems.push(`${folder}: lab.part must be 1-4`);
  if (!Number.isInteger(question) || (question ?? 0) < 1 || (question ?? 0) > 10)
    problems.push(`${folder}: lab.question must be 1-10`);
  if (typeof slug !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug))
    problems.push(`${folder}: lab.slug must be kebab-case`);
  if (typeof title !== 'string' || title.length < 3) problems.push(`${folder}: lab.title is missing`);
  if (!services.every((s) => s === 'postgres' || s === 'redis'))
    problems.push(`${folder}: lab.services may only list "postgres" and "redis"`);
  if (!Array.isArray(buildsOn) || !buildsOn.every((s) => typeof s === 'string' && s !== slug))
    problems.push(`${folder}: lab.buildsOn lists the slugs of other topics`);
  if (part !== undefined && question !== undefined) {
    const id = String((part - 1) * 10 + question).padStart(2, '0');
    if (folder !== `${id}-${slug}`) problems.push(`${folder}: folder should be named ${id}-${slug}`);
  }
  if (pkg.name !== `@lab/${slug}`) problems.push(`${folder}: package name should be @lab/${slug}`);
  return problems;
}

let cache: Topic[] | undefined;

/** Every topic package, in series order, read from `packages/NN-slug/package.json`. */
export function listTopics(root = repoRoot): Topic[] {
  if (cache && root === repoRoot) return cache;
  const packagesDir = join(root, 'packages');
  const topics: Topic[] = [];
  for (const folder of readdirSync(packagesDir).sort()) {
    if (!/^\d\d-/.test(folder)) continue;
    const file = join(packagesDir, folder, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name: string; lab: LabField };
    // A package without a "lab" field is a topic still being written: invisible to the runners until it
    // declares itself. The structure test fails while one exists, so a draft never lands.
    if (pkg.lab === undefined) continue;
    const problems = validateLabField(folder, pkg);
    if (problems.length > 0) throw new Error(problems.join('\n'));
    const number = (pkg.lab.part - 1) * 10 + pkg.lab.question;
    topics.push({
      ...pkg.lab,
      services: pkg.lab.services ?? [],
      nodeFlags: pkg.lab.nodeFlags ?? [],
      buildsOn: pkg.lab.buildsOn ?? [],
      number,
      id: String(number).padStart(2, '0'),
      name: pkg.name,
      dir: join(packagesDir, folder),
    });
  }
  topics.sort((a, b) => a.number - b.number);
  if (root === repoRoot) cache = topics;
  return topics;
}

/** Looks a topic up by slug, number (`3`, `03`) or package name. */
export function findTopic(query: string, topics = listTopics()): Topic | undefined {
  const q = query.trim().toLowerCase();
  if (/^\d{1,2}$/.test(q)) return topics.find((t) => t.number === Number(q));
  return topics.find((t) => t.slug === q || t.name === q);
}
