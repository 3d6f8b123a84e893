// Session tokens: `<sessionId>.<hmac>`. Whoever holds one may resume that session and read its
// transcript; nothing else is needed, and nothing is stored (the key is SESSION_SECRET).
import { createHmac, timingSafeEqual } from 'node:crypto';

export class SessionTokens {
  constructor(private readonly secret: string) {
    if (secret.length < 16) throw new Error('SESSION_SECRET must be at least 16 characters');
  }

  sign(sessionId: string): string {
    return `${sessionId}.${this.mac(sessionId)}`;
  }

  /** The session id the token was signed for, or undefined if it is malformed or forged. */
  verify(token: string): string | undefined {
    const dot = token.lastIndexOf('.');
    if (dot <= 0) return undefined;
    const sessionId = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1), 'utf8');
    const expected = Buffer.from(this.mac(sessionId), 'utf8');
    return given.length === expected.length && timingSafeEqual(given, expected) ? sessionId : undefined;
  }

  private mac(sessionId: string): string {
    return createHmac('sha256', this.secret).update(`session:${sessionId}`).digest('base64url');
  }
}
