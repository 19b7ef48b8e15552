import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'decode-is-not-verify',
      prompt:
        'An attacker edits the payload of a real token to role: admin and keeps its signature. What does decoding show, and what does verifying say?',
      code: `import { generateSigningKey } from './src/keys.ts';
import { decodeSegments, tamperPayload } from './src/forged-tokens.ts';
import { TokenSigner } from './src/tokens.ts';

const signer = new TokenSigner({ key: await generateSigningKey('HS256'), issuer: 'i', audience: 'a' });
const { token } = await signer.signAccess({ sub: '1', role: 'user', fid: 'f' });
const forged = tamperPayload(token, { role: 'admin' });
console.log(decodeSegments(forged).payload.role);
await signer.verifyAccess(forged).then(
  () => console.log('accepted'),
  (error: { code: string }) => console.log(error.code),
);`,
      output: 'admin\ntoken_signature_invalid',
      explain:
        'A JWT payload is base64url JSON: anyone can read and rewrite it, so decoding proves nothing. Only verification catches the edit, because the signature covers the original header and payload bytes.',
      see: { section: 'forged', file: 'src/forged-tokens.ts' },
    },
    {
      id: 'exp-boundary',
      prompt: 'A token lives 60 s. Is it accepted 59.999 s after issue? And at exactly 60 s?',
      code: `import { manualClock } from '@lab/common/clock';
import { generateSigningKey } from './src/keys.ts';
import { TokenSigner } from './src/tokens.ts';

const clock = manualClock(Date.UTC(2030, 0, 1));
const key = await generateSigningKey('HS256');
const signer = new TokenSigner({ key, issuer: 'i', audience: 'a', accessTtlSeconds: 60, now: clock.now });
const { token } = await signer.signAccess({ sub: '1', role: 'user', fid: 'f' });
for (const step of [59_999, 1]) {
  clock.advance(step);
  await signer.verifyAccess(token).then(
    () => console.log('ok'),
    (error: { code: string }) => console.log(error.code),
  );
}`,
      output: 'ok\ntoken_expired',
      explain:
        "exp is in whole seconds and a token is expired once now >= exp (RFC 7519 §4.1.4), so the last valid instant is just before exp. Tests pin the clock (jose's currentDate) to check both sides of that edge without sleeping.",
      see: { section: 'forged', file: 'src/tokens.ts' },
    },
    {
      id: 'same-password-two-hashes',
      prompt: 'The same password is hashed twice. Are the two strings equal? Does each verify?',
      code: `import { hashPassword, verifyPassword } from './src/password.ts';

const cost = { N: 2 ** 10, r: 8, p: 1 };
const a = await hashPassword('hunter2', { cost });
const b = await hashPassword('hunter2', { cost });
console.log(a === b);
console.log(await verifyPassword('hunter2', a), await verifyPassword('hunter2', b));`,
      output: 'false\ntrue true',
      explain:
        'Each hash gets its own random salt, stored in the string, so equal passwords give different hashes and a table of precomputed hashes is useless. That is also why a login looks the user up by email and re-derives, instead of searching for WHERE password_hash = hash(input).',
      see: { section: 'hashing', file: 'src/password.ts' },
    },
    {
      id: 'lone-surrogates-collide',
      prompt:
        'Two different lone surrogates, encoded as UTF-8. Equal bytes? And what does the login body schema say?',
      code: `import { loginBody } from './src/credentials.ts';

const a = Buffer.from('\\ud800', 'utf8');
const b = Buffer.from('\\udbff', 'utf8');
console.log(a.equals(b), a.toString('hex'));
const parsed = loginBody.safeParse({ email: 'ada@example.com', password: '\\ud800' });
console.log(parsed.success);`,
      output: 'true efbfbd\nfalse',
      explain:
        'UTF-8 cannot encode a lone surrogate, so Buffer.from replaces each with U+FFFD (ef bf bd): two different passwords would hash to the same bytes. The boundary refuses them with a 400 rather than hashing something the user did not type.',
      see: { section: 'login', file: 'src/credentials.ts' },
    },
  ],
});
