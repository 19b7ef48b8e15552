import { describe, expect, it } from 'vitest';
import { testKeyPrefix, testSchema } from '../src/testing.ts';

const topicFile = (path: string) => new URL(`../../04-generators/test/${path}`, import.meta.url).href;

describe('isolation names come from the test file', () => {
  it('names a topic file by its topic id and stem, and a kit file by its folder', () => {
    expect(testSchema(topicFile('pages.test.ts'))).toBe('t_04_pages');
    expect(testSchema(topicFile('pages.test.ts'), 'empty')).toBe('t_04_pages_empty');
    expect(testSchema(import.meta.url)).toBe('t_common_testing_names');
  });

  it('keeps nested folders apart and cuts a long name to 63 bytes with a hash of the whole', () => {
    expect(testSchema(topicFile('http/pages.test.ts'))).toBe('t_04_http_pages');
    const long = (tail: string) =>
      testSchema(topicFile(`${'very-long-file-name-'.repeat(4)}${tail}.test.ts`));
    expect(long('a')).toHaveLength(63);
    expect(long('a')).toMatch(/^t_04_very_long_file_name_[a-z0-9_]+_[0-9a-f]{8}$/);
    expect(long('a')).not.toBe(long('b'));
  });

  it('gives a Redis prefix per file and per run', () => {
    const one = testKeyPrefix(topicFile('pages.test.ts'));
    expect(one).toMatch(/^t:04:pages:[0-9a-f]{8}:$/);
    expect(testKeyPrefix(topicFile('pages.test.ts'))).not.toBe(one);
  });
});
