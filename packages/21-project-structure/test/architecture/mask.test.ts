import { describe, expect, it } from 'vitest';
import { maskSource } from '../../src/architecture/_mask.ts';

describe('maskSource', () => {
  it.each([
    ['a line comment, up to the newline', 'a // b\nc', 'a     \nc'],
    ['a line comment at the end of the file', 'a // b', 'a     '],
    ['a block comment, newlines kept', 'a /* x\ny */ b', 'a     \n     b'],
    ['an unterminated block comment, to the end', 'a /* xx', 'a      '],
    ['string contents, quotes kept', `f('ab', "cd")`, `f('  ', "  ")`],
    ['an escaped quote inside a string', `'a\\'b' + c`, `'    ' + c`],
    ['a single-quoted string cut at a newline', `'ab\nc'`, `'  \nc'`],
    ['a template across lines', '`a\nb` + c', '` \n ` + c'],
    ['a regex after =', "x = /a'b/g;", 'x = /   /g;'],
    ['a regex at the start of the file', "/a'/.test(s)", '/  /.test(s)'],
    ['a regex after a newline and spaces at the start', "\n  /a'/", '\n  /  /'],
    ['a slash inside a regex character class', "x = /[/]'/;", 'x = /    /;'],
    ['an escaped slash inside a regex', "x = /\\/'/;", 'x = /   /;'],
    ['a regex cut at a newline', "x = /a'\ny", 'x = /  \ny'],
    ['a regex after return', "return /'/", 'return / /'],
    ['a regex after typeof', "typeof /'/", 'typeof / /'],
    ['a regex after an opening bracket', "f(/'/)", 'f(/ /)'],
  ])('blanks %s', (_what, source, masked) => {
    expect(maskSource(source)).toBe(masked);
    expect(maskSource(source)).toHaveLength(source.length);
  });

  it.each([
    ['after an identifier', "a / b / 'c'", "a / b / ' '"],
    ['after a closing bracket', "f(x) / 2 / 'y'", "f(x) / 2 / ' '"],
    ['after a word that merely ends in a keyword', "areturn / 2 / 'z'", "areturn / 2 / ' '"],
    ['after a number', "10 / 2 / 'w'", "10 / 2 / ' '"],
  ])('reads a slash as division %s', (_what, source, masked) => {
    expect(maskSource(source)).toBe(masked);
  });

  it('leaves code without comments or literals untouched', () => {
    expect(maskSource('const a = b * c;\nexport { a };')).toBe('const a = b * c;\nexport { a };');
  });
});
