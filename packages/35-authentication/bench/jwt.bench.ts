/**
 * Signing and verifying one access token through jose, per algorithm: the same claims, the same library,
 * keys imported once as CryptoKeys. The contenders are timed in turns so load on a shared machine hits
 * them alike.
 */
import { interleaved, measureBench } from '@lab/common/bench';
import { ALGORITHMS, type Algorithm, generateSigningKey } from '../src/keys.ts';
import { TokenSigner } from '../src/tokens.ts';

const CALLS = 50;
const NAMES: Record<Algorithm, string> = {
  HS256: 'HS256 (HMAC-SHA256)',
  EdDSA: 'EdDSA (Ed25519)',
  ES256: 'ES256 (ECDSA P-256)',
};

async function signers(): Promise<Array<{ name: string; signer: TokenSigner; token: string }>> {
  return Promise.all(
    ALGORITHMS.map(async (alg) => {
      const signer = new TokenSigner({ key: await generateSigningKey(alg), issuer: 'iss', audience: 'aud' });
      const { token } = await signer.signAccess({ sub: '42', role: 'user', fid: 'family' });
      return { name: NAMES[alg], signer, token };
    }),
  );
}

const options = (smoke: boolean) => ({
  rounds: smoke ? 3 : 40,
  warmupRounds: smoke ? 1 : 3,
  opsPerCall: CALLS,
});

export default [
  measureBench({
    title: 'Signing an access token with jose: HS256 vs EdDSA vs ES256',
    baseline: NAMES.HS256,
    unit: 'ms/token',
    better: 'lower',
    measure: async ({ smoke }) => {
      const tasks = Object.fromEntries(
        (await signers()).map(({ name, signer }) => [
          name,
          async () => {
            for (let i = 0; i < CALLS; i++)
              await signer.signAccess({ sub: '42', role: 'user', fid: 'family' });
          },
        ]),
      );
      return interleaved(tasks, options(smoke));
    },
    claims: [
      {
        says: 'signing with Ed25519 costs more than with HMAC-SHA256, even behind jose (over 1.3×)',
        subject: NAMES.EdDSA,
        above: 1.3,
      },
      {
        says: 'signing with ECDSA P-256 costs more than with HMAC-SHA256, even behind jose (over 1.3×)',
        subject: NAMES.ES256,
        above: 1.3,
      },
    ],
  }),
  measureBench({
    title: 'Verifying an access token with jose: HS256 vs EdDSA vs ES256',
    baseline: NAMES.HS256,
    unit: 'ms/token',
    better: 'lower',
    measure: async ({ smoke }) => {
      const tasks = Object.fromEntries(
        (await signers()).map(({ name, signer, token }) => [
          name,
          async () => {
            for (let i = 0; i < CALLS; i++) await signer.verifyAccess(token);
          },
        ]),
      );
      return interleaved(tasks, options(smoke));
    },
    claims: [
      {
        says: 'verifying an Ed25519 signature costs at least 2× verifying an HMAC',
        subject: NAMES.EdDSA,
        above: 2,
      },
      {
        says: 'verifying an ECDSA P-256 signature costs at least 2× verifying an HMAC',
        subject: NAMES.ES256,
        above: 2,
      },
    ],
  }),
];
