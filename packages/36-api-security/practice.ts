import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'json-parse-proto-own-key',
      prompt:
        'The same "__proto__" key, once through JSON.parse and once through a naive deep merge. What is polluted, and when?',
      code: `import { naiveDeepMerge } from './src/deep-merge.ts';

const body = JSON.parse('{"__proto__":{"isAdmin":true}}');
const probe = {} as { isAdmin?: boolean };
console.log(Object.keys(body).join(','), probe.isAdmin);
naiveDeepMerge({}, body);
console.log(probe.isAdmin, ({} as { isAdmin?: boolean }).isAdmin);
delete (Object.prototype as { isAdmin?: boolean }).isAdmin;`,
      output: '__proto__ undefined\ntrue true',
      explain:
        'JSON.parse defines "__proto__" as an ordinary own property, so parsing alone pollutes nothing. The merge then assigns target["__proto__"][key], which is Object.prototype: every object, including ones created earlier, now inherits isAdmin.',
      see: { section: 'parser', file: 'src/deep-merge.ts' },
    },
    {
      id: 'url-host-spellings',
      prompt:
        'A blocklist refuses hostnames equal to "127.0.0.1" or "localhost". What hostnames does WHATWG URL hand it for these?',
      code: `for (const host of ['2130706433', '0x7f.1', '017700000001', '127.1', '[::ffff:127.0.0.1]']) {
  console.log(new URL(\`http://\${host}/\`).hostname);
}`,
      output: '127.0.0.1\n127.0.0.1\n127.0.0.1\n127.0.0.1\n[::ffff:7f00:1]',
      explain:
        'The URL parser normalises decimal, hex, octal and shortened IPv4 forms to a dotted quad, and writes an IPv4-mapped IPv6 address in hex. A string blocklist on the raw text misses all of them; classify the numeric address after parsing and after DNS.',
      see: { section: 'ssrf', file: 'src/ip-ranges.ts' },
    },
    {
      id: 'zod-strip-vs-strict',
      prompt: 'A client sends role: "admin" to three schemas. What does each do with it?',
      code: `import { z } from 'zod';

const body = { name: 'Ada', role: 'admin' };
console.log(JSON.stringify(z.object({ name: z.string() }).parse(body)));
console.log(JSON.stringify(z.looseObject({ name: z.string() }).parse(body)));
const strict = z.strictObject({ name: z.string() }).safeParse(body);
console.log(strict.success, strict.error?.issues[0]?.code);`,
      output: '{"name":"Ada"}\n{"name":"Ada","role":"admin"}\nfalse unrecognized_keys',
      explain:
        'z.object strips unknown keys silently (safe, but the client never learns role did nothing); looseObject passes them through, which is mass assignment waiting for a spread into an UPDATE; strictObject refuses and names the key, so the API answers 400.',
      see: { section: 'mass-assignment', file: 'src/schemas.ts' },
    },
    {
      id: 'order-by-placeholder',
      prompt: 'Why can the sort column not be a $1 parameter? What does the allowlist return for each input?',
      code: `import { sortAllowlist } from './src/sort-allowlist.ts';

const sort = sortAllowlist({ name: 'display_name' }, { fallback: 'name', tieBreaker: 'id' });
for (const raw of ['-name', 'constructor', 'name"; DROP TABLE users; --']) {
  const parsed = sort.parse(raw);
  console.log(parsed.ok ? parsed.sort.orderBy : \`refused \${parsed.allowed.join('|')}\`);
}`,
      output: '"display_name" DESC, "id" DESC\nrefused name|-name\nrefused name|-name',
      explain:
        'A placeholder is a value, so ORDER BY $1 sorts every row by the same constant. The column must be spliced into the SQL text, so only names from a fixed map may reach it; a Map lookup also refuses "constructor", which `in` would find on any object literal.',
      see: { section: 'sort', file: 'src/sort-allowlist.ts' },
    },
  ],
});
