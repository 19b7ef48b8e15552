/**
 * Signing keys for the three algorithms the bench compares. Keys are CryptoKeys made once: handing jose a
 * raw Uint8Array secret makes it import the key on every sign and verify.
 */
import { webcrypto } from 'node:crypto';
import { generateKeyPair } from 'jose';

export const ALGORITHMS = ['HS256', 'EdDSA', 'ES256'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

export interface SigningKey {
  alg: Algorithm;
  /** Key id, sent in the header so verifiers can pick a key during rotation. */
  kid: string;
  /** Signs: the HMAC secret, or the private key. */
  signKey: webcrypto.CryptoKey;
  /** Verifies: the same HMAC secret, or the public key (the one a resource server can hold safely). */
  verifyKey: webcrypto.CryptoKey;
}

/** Imports an HMAC secret (≥ 32 bytes, as RFC 7518 §3.2 asks for HS256). */
export async function hmacKey(secret: Uint8Array, kid = 'hs-1'): Promise<SigningKey> {
  if (secret.byteLength < 32) throw new RangeError('an HS256 secret needs at least 32 bytes');
  const key = await webcrypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
  return { alg: 'HS256', kid, signKey: key, verifyKey: key };
}

/** A fresh key for `alg`: a random 32-byte secret for HS256, an Ed25519 or P-256 key pair otherwise. */
export async function generateSigningKey(
  alg: Algorithm,
  kid = `${alg.toLowerCase()}-1`,
): Promise<SigningKey> {
  if (alg === 'HS256') return hmacKey(webcrypto.getRandomValues(new Uint8Array(32)), kid);
  const pair = await generateKeyPair(alg === 'EdDSA' ? 'Ed25519' : alg);
  return { alg, kid, signKey: pair.privateKey, verifyKey: pair.publicKey };
}
