import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'type-only-upward-import',
      prompt: 'A model imports only a TYPE from the api layer. Does the layer check pass?',
      code: `import { checkLayers } from './src/architecture/layers.ts';

const tree = new Map([
  ['models/user.ts', "import type { Request } from '../api/app.ts';\\nexport type U = Request;"],
  ['api/app.ts', 'export type Request = { id: number };'],
]);
const { violations } = checkLayers(tree, ['api', 'services', 'repositories', 'models']);
console.log(violations.length, violations.map((v) => \`\${v.fromLayer}->\${v.toLayer} \${v.kind}\`).join());`,
      output: '1 models->api type',
      explain:
        '`import type` is erased from the JavaScript, but the design still depends on the upper layer: change the api type and the model must change. The checker counts it, as it counts re-exports and dynamic imports.',
      see: { section: 'upward', file: 'src/architecture/layers.ts' },
    },
    {
      id: 'layer-imports-root-barrel',
      prompt: 'A service imports a model through the package barrel (src/index.ts). Allowed?',
      code: `import { checkLayers, describeViolation } from './src/architecture/layers.ts';

const tree = new Map([
  ['index.ts', "export * from './models/user.ts';\\nexport * from './services/s.ts';"],
  ['models/user.ts', 'export const MAX = 100;'],
  ['services/s.ts', "import { MAX } from '../index.ts';\\nexport const half = MAX / 2;"],
]);
const report = checkLayers(tree, ['api', 'services', 'repositories', 'models']);
for (const v of report.violations) console.log(describeViolation(v));`,
      output: "services/s.ts:1 services → (outside the layers) (static import of '../index.ts')",
      explain:
        'The barrel re-exports every layer, the service itself included: importing it points the service at the api layer above and makes an import cycle (services → index → services). Inside the package, import the file; the barrel is for other packages.',
      see: { section: 'graph', file: 'src/architecture/layers.ts' },
    },
    {
      id: 'repository-error-escapes-to-http',
      prompt: 'Two errors reach the HTTP error mapping. What status and code does each get?',
      code: `import { problemForError } from './src/api/problems.ts';
import { DuplicateKeyError } from './src/repositories/errors.ts';
import { ConflictError } from './src/services/errors.ts';

const fromService = new ConflictError('email_taken', 'ada@example.com is already registered');
const fromRepository = new DuplicateKeyError('users_email_key');
for (const error of [fromService, fromRepository]) {
  const body = problemForError(error);
  console.log(body.status, body.code, body.detail);
}`,
      output: '409 email_taken ada@example.com is already registered\n500 internal_error internal error',
      explain:
        'The api layer knows domain errors only. A repository error that escaped the service is a bug in the layer that should have translated it, so it is a generic 500 — and its constraint name, a database detail, never reaches the client.',
      see: { section: 'http', file: 'src/api/problems.ts' },
    },
    {
      id: 'normalised-email-collides',
      prompt: 'Two registrations, in-memory repositories. What does the second one do?',
      code: `import { memoryRepositories } from './src/repositories/memory.ts';
import { UserService } from './src/services/user-service.ts';

const users = new UserService({ users: memoryRepositories().users });
const ada = await users.register({ email: 'Ada@Example.com', name: 'Ada' });
console.log(ada.id, ada.email);
await users.register({ email: ' ada@example.COM', name: 'Ada L.' }).catch((e) => console.log(e.code));`,
      output: '1 ada@example.com\nemail_taken',
      explain:
        'The model trims and lower-cases the address before anything stores it, so both spellings are one key; the repository reports a duplicate and the service translates it to the domain conflict email_taken.',
      see: { section: 'swap', file: 'src/models/user.ts' },
    },
  ],
});
