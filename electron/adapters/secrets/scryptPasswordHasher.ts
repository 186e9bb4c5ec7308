// Password hashing with scrypt (node:crypto). The stored string names its parameters and salt
// (scrypt$N$r$p$salt$hash, base64), so parameters can grow later and old hashes still verify.
// Tests pass a small N; the hosts use the default (N = 2^15, r = 8: ~32 MiB and tens of ms a hash).
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { PasswordHasher } from '../../core/identity/ports';

export interface ScryptParameters {
  N: number;
  r: number;
  p: number;
}

export const defaultScryptParameters: ScryptParameters = { N: 2 ** 15, r: 8, p: 1 };
const keyLength = 32;

function derive(password: string, salt: Buffer, params: ScryptParameters): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))));
}

export function createScryptPasswordHasher(params: ScryptParameters = defaultScryptParameters): PasswordHasher {
  return {
    async hash(password) {
      const salt = randomBytes(16);
      const key = await derive(password, salt, params);
      return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
    },
    async verify(password, stored) {
      const parts = stored.split('$');
      if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
      const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
      if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 2 ** 20) return false;
      const expected = Buffer.from(parts[5]!, 'base64');
      const key = await derive(password, Buffer.from(parts[4]!, 'base64'), { N, r, p });
      return key.length === expected.length && timingSafeEqual(key, expected);
    },
  };
}

/** A fresh unguessable token, URL-safe (session resume tokens; the setup code uses 6 bytes). */
export function randomToken(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}
