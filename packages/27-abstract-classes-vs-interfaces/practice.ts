import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'abstract-is-erased',
      prompt: 'tsc forbids `new NaiveRepository()`. What happens at run time through Reflect.construct?',
      code: `import { NaiveRepository } from './src/repository.ts';

const repo = Reflect.construct(NaiveRepository, []) as NaiveRepository<{ id: string }>;
console.log(repo instanceof NaiveRepository);
try {
  repo.getOrThrow('a');
} catch (error) {
  console.log((error as Error).message);
}`,
      output: 'true\nthis.get is not a function',
      explain:
        'abstract exists only for the type checker; the emitted class is an ordinary constructor. Unlike Python’s ABCMeta nothing refuses the instance, and the missing method shows up only when called. Guard with new.target in the constructor.',
      see: { section: 'abstract', file: 'src/repository.ts' },
    },
    {
      id: 'arrow-field-counts-as-missing',
      prompt: 'Repository checks, in its constructor, that get, save and delete are functions. What prints?',
      code: `import { Repository } from './src/repository.ts';

class Repo extends Repository<{ id: string }> {
  get = (_id: string) => undefined;
  save() {}
  delete() {
    return false;
  }
}
try {
  new Repo();
  console.log('built');
} catch (error) {
  console.log((error as Error).message);
}`,
      output: "Can't instantiate abstract class Repo without an implementation for 'get'",
      explain:
        'Methods sit on the prototype, which exists before any constructor runs; class fields are assigned after the base constructor returns. So the base sees save and delete but not the arrow-function field get (and tsc accepts the field).',
      see: { section: 'abstract', file: 'src/repository.ts' },
    },
    {
      id: 'json-loses-the-class',
      prompt: 'A User goes through JSON (an HTTP body, a queue message). What prints?',
      code: `import { isUserDto, User } from './src/user.ts';

const user = User.fromDto({ id: 'usr_000000000abc', email: 'ada@example.com', role: 'admin' });
const back = JSON.parse(JSON.stringify(user));
console.log(user.isAdmin, back instanceof User, isUserDto(back), back.isAdmin);`,
      output: 'true false true undefined',
      explain:
        'JSON keeps own enumerable data and drops the prototype, so instanceof fails and the isAdmin getter (on the prototype) is gone. The shape survives, which is why data crossing a boundary is checked structurally.',
      see: { section: 'data', file: 'src/user.ts' },
    },
    {
      id: 'guard-checks-presence-only',
      prompt: 'isNotifier checks that channel is a string and send is a function. What prints?',
      code: `import { isNotifier } from './src/notifier.ts';

const candidate: unknown = { channel: 'sms', send: () => 42 };
if (isNotifier(candidate)) {
  console.log('accepted');
  console.log(await candidate.send('+44 20', 'hi'));
}`,
      output: 'accepted\n42',
      explain:
        'A runtime guard (like Python’s runtime_checkable) can see that a member exists and is a function, never its parameters or return type. The compiler then trusts send to return Promise<void>.',
      see: { section: 'guards', file: 'src/notifier.ts' },
    },
    {
      id: 'brand-is-just-a-string',
      prompt: 'UserId is a branded type. What is it at run time?',
      code: `import { parseUserId } from './src/brand.ts';

const id = parseUserId('usr_0000000000a1');
console.log(typeof id, id === 'usr_0000000000a1', JSON.stringify({ id }));`,
      output: 'string true {"id":"usr_0000000000a1"}',
      explain:
        'The brand is a phantom property declared for the type checker only: the value is the same string, with no wrapper and no cost, so it serialises and compares as one.',
      see: { section: 'brands', file: 'src/brand.ts' },
    },
  ],
});
