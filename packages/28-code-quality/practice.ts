import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'index-past-the-end',
      prompt:
        'An empty cart, and the first line of it. What prints — and what did TypeScript say the type was?',
      code: `const prices: number[] = [];
const first = prices[0];
console.log(first, typeof first);
console.log((first ?? 0).toFixed(2));`,
      output: 'undefined undefined\n0.00',
      explain:
        'Indexing past the end gives undefined at run time, but without noUncheckedIndexedAccess TypeScript types prices[0] as number, so first.toFixed(2) would compile and crash. With the flag the type is number | undefined and the ?? is required.',
      see: { section: 'flags', file: 'src/strict-flags.ts' },
    },
    {
      id: 'double-equals-coercion',
      prompt: 'Four loose comparisons. Which are true?',
      code: `const status = '0';
console.log(0 == '', status == 0, null == undefined, null == 0);`,
      output: 'true true true false',
      explain:
        "== converts: '' and '0' both become the number 0; null equals only undefined. Biome's noDoubleEquals (ESLint eqeqeq) flags it, allowing == null by default because that one comparison is a deliberate idiom.",
      see: { section: 'biome', file: 'src/catalogue.ts' },
    },
    {
      id: 'switch-fall-through',
      prompt: 'A switch with a missing break. What does status 0 produce?',
      code: `function describe(status: number): string {
  let label = '';
  switch (status) {
    case 0:
      label = 'new';
    // biome-ignore lint/suspicious/noFallthroughSwitchClause: the trap
    case 1:
      label += 'paid';
      break;
    default:
      label = 'unknown';
  }
  return label;
}
console.log(describe(0), describe(1), describe(2));`,
      output: 'newpaid paid unknown',
      explain:
        'Without break, case 0 runs on into case 1. tsc catches it with noFallthroughCasesInSwitch (TS7029) and Biome with noFallthroughSwitchClause; neither is on by default in tsc.',
      see: { section: 'tsc', file: 'src/strict-flags.ts' },
    },
    {
      id: 'rename-breaks-override',
      prompt: 'The base class renamed save() to store(). The subclass was not touched. What runs?',
      code: `class Repository {
  store(order: string): string {
    return \`stored \${order}\`;
  }
}
class AuditedRepository extends Repository {
  save(order: string): string {
    return \`audited, then \${super.store(order)}\`;
  }
}
console.log(new AuditedRepository().store('A-1'));`,
      output: 'stored A-1',
      explain:
        'save() no longer overrides anything; it is a new, never-called method, so the audit silently stops. With noImplicitOverride the subclass must write override save(), and the rename makes that a compile error (TS4113).',
      see: { section: 'flags', file: 'src/strict-flags.ts' },
    },
  ],
});
