// HMAC-signed values (`<value>.<mac>`), each signer with its own purpose so a value signed for one
// use (a seat, a trainer login) is never accepted for another.
import { createHmac, timingSafeEqual } from 'node:crypto';

export class Signer {
  constructor(
    private readonly secret: string,
    private readonly purpose: string,
  ) {}

  sign(value: string): string {
    return `${value}.${this.mac(value)}`;
  }

  /** The signed value, or undefined if the signature does not match. */
  unsign(signed: string): string | undefined {
    const dot = signed.lastIndexOf('.');
    if (dot <= 0) return undefined;
    const value = signed.slice(0, dot);
    const given = Buffer.from(signed.slice(dot + 1), 'utf8');
    const expected = Buffer.from(this.mac(value), 'utf8');
    return given.length === expected.length && timingSafeEqual(given, expected) ? value : undefined;
  }

  private mac(value: string): string {
    return createHmac('sha256', this.secret).update(`${this.purpose}:${value}`).digest('base64url');
  }
}
