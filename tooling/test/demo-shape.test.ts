import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { longestFunction } from '../src/demo-shape.ts';
import { listTopics } from '../src/topics.ts';

describe('every demo is a list of short sections', () => {
  it.each(listTopics().map((t) => [t.id, t] as const))(
    '%s: no function in demo.ts runs over 80 lines',
    (_, topic) => {
      const { lines, name } = longestFunction(join(topic.dir, 'demo.ts'));
      expect(lines, `${name} in ${topic.slug}/demo.ts`).toBeLessThanOrEqual(80);
      expect(readFileSync(join(topic.dir, 'demo.ts'), 'utf8')).toMatch(/runDemo\(\{[\s\S]*sections:/);
    },
  );
});
