import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'default-vs-null',
      prompt: '`connect` destructures its options with `port = 5432`. Which port does each call get?',
      code: `import { connect } from './src/options-objects.ts';

const fromJson = JSON.parse('{"port": null}');
console.log(connect('db').port);
console.log(connect('db', { port: undefined }).port);
console.log(connect('db', fromJson).port);`,
      output: '5432\n5432\nnull',
      explain:
        'A destructuring default applies only when the value is undefined — omitted or passed as undefined. null is a value, so it goes through; a JSON body can only send null, never undefined.',
      see: { section: 'options', file: 'src/options-objects.ts' },
    },
    {
      id: 'spread-undefined-wins',
      prompt: 'An override object has the key, but its value is undefined. What does the merge keep?',
      code: `import { mergeDefined } from './src/merge-order.ts';

const defaults = { host: 'localhost', port: 5432 };
const fromEnv: { port?: number } = { port: undefined }; // e.g. Number(env.PORT) || undefined
const merged = { ...defaults, ...fromEnv };
console.log(merged.port, 'port' in merged);
console.log(mergeDefined(defaults, fromEnv).port);`,
      output: 'undefined true\n5432',
      explain:
        'Spread copies every own key, and a key that is present with the value undefined still overwrites: the default is erased. Drop undefined values first (mergeDefined) when undefined means "not given".',
      see: { section: 'merge', file: 'src/merge-order.ts' },
    },
    {
      id: 'map-parseint',
      prompt: 'JavaScript never complains about extra arguments. What does this print?',
      code: `console.log(['1', '2', '3'].map(parseInt));
console.log(['1', '2', '3'].map((s) => parseInt(s, 10)));`,
      output: '[ 1, NaN, NaN ]\n[ 1, 2, 3 ]',
      explain:
        'map calls its callback with (value, index, array), and parseInt takes (string, radix): "2" is parsed in base 1 and "3" in base 2, both NaN. Python would raise a TypeError for the extra arguments; JavaScript passes them silently, so wrap a function whose optional parameters you do not want filled.',
      see: { section: 'rest', file: 'src/rest-parameters.ts' },
    },
    {
      id: 'function-length',
      prompt: 'What is `.length` of each function?',
      code: `function sum(...values: number[]) {
  return values.length;
}
function connect(host: string, port = 5432, ...flags: string[]) {
  return [host, port, flags];
}
console.log(sum.length, connect.length, sum(1, 2, 3));`,
      output: '0 1 3',
      explain:
        'A function’s length counts only the parameters before the first default or rest parameter; a rest parameter adds nothing. Libraries that dispatch on fn.length (middleware with 4 parameters, test callbacks with done) misread functions written this way.',
      see: { section: 'rest', file: 'src/rest-parameters.ts' },
    },
    {
      id: 'assign-runs-setters',
      prompt:
        '`Temperature` has a `celsius` setter that logs each write. What do Object.assign and spread do with it?',
      code: `import { Temperature } from './src/merge-order.ts';

const reading = new Temperature();
Object.assign(reading, { celsius: 30 });
const copy = { ...reading };
console.log(reading.log.join(', '), reading.celsius);
console.log(Object.keys(copy).join(', '), copy instanceof Temperature);`,
      output: 'set 30 30\nlog false',
      explain:
        'Object.assign writes with ordinary assignment, so the setter runs on the target. A spread defines properties on a new plain object from the source’s own enumerable properties: the getter lives on the prototype and #celsius is private, so only log is copied and the class is gone.',
      see: { section: 'merge', file: 'src/merge-order.ts' },
    },
  ],
});
