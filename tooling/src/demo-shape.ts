import { readFileSync } from 'node:fs';
import ts from 'typescript';

/** The longest function body in a file, in lines, with its name: a demo is short sections, not one closure. */
export function longestFunction(file: string): { lines: number; name: string } {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  let longest = { lines: 0, name: '' };
  const line = (pos: number) => source.getLineAndCharacterOfPosition(pos).line;
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const body = node.body as ts.Node;
      const lines = line(body.getEnd()) - line(body.getStart()) + 1;
      if (lines > longest.lines) longest = { lines, name: node.name?.getText(source) ?? '(anonymous)' };
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return longest;
}
