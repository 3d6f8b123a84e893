// Password hashes: scrypt with a random salt per password, compared in constant time. The cost
// parameters are stored in the hash, so they can be raised later without breaking old passwords.
// Every hash goes through one process-wide gate (hashGate.ts), so hashing never fills libuv's
// thread pool: a login checks its password only when the gate has room, else it is refused.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { HashGate } from './hashGate.ts';

const N = 16384;
const R = 8;
const P = 1;
const KEY_BYTES = 32;
export const MIN_PASSWORD_CHARS = 8;
export const MAX_PASSWORD_CHARS = 256;

/** The gate all password hashing in this process goes through. */
export const passwordHashGate = new HashGate();

function derive(password: string, salt: Buffer, n: number, r: number, p: number, bounded: boolean): Promise<Buffer> {
  return passwordHashGate.run(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        scrypt(password.normalize('NFC'), salt, KEY_BYTES, { N: n, r, p, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key)));
      }),
    bounded,
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P, false);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/**
 * Whether `password` matches `stored`. `bounded` (a login): rejects with HashGateBusy at once when
 * too many checks are already running and waiting, instead of queueing.
 */
export async function verifyPassword(password: string, stored: string, bounded = false): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !n || !r || !p || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p), bounded);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Why a password is not acceptable, or undefined. */
export function passwordProblem(password: string): { reason: 'password-too-short' | 'password-too-long'; message: string } | undefined {
  const chars = [...password].length;
  if (chars < MIN_PASSWORD_CHARS) return { reason: 'password-too-short', message: `a password has at least ${MIN_PASSWORD_CHARS} characters` };
  if (chars > MAX_PASSWORD_CHARS) return { reason: 'password-too-long', message: `a password has at most ${MAX_PASSWORD_CHARS} characters` };
  return undefined;
}
