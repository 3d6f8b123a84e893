// Password hashes: scrypt with a random salt per password, compared in constant time. The cost
// parameters are stored in the hash, so they can be raised later without breaking old passwords.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const N = 16384;
const R = 8;
const P = 1;
const KEY_BYTES = 32;
export const MIN_PASSWORD_CHARS = 8;
export const MAX_PASSWORD_CHARS = 256;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { N: n, r, p, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !n || !r || !p || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Why a password is not acceptable, or undefined. */
export function passwordProblem(password: string): { reason: 'password-too-short' | 'password-too-long'; message: string } | undefined {
  const chars = [...password].length;
  if (chars < MIN_PASSWORD_CHARS) return { reason: 'password-too-short', message: `a password has at least ${MIN_PASSWORD_CHARS} characters` };
  if (chars > MAX_PASSWORD_CHARS) return { reason: 'password-too-long', message: `a password has at most ${MAX_PASSWORD_CHARS} characters` };
  return undefined;
}
