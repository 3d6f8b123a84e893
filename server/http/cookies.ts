// Cookie header parsing and Set-Cookie values.

export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(';').slice(0, 64)) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    try {
      out.set(name, decodeURIComponent(raw));
    } catch {
      // a malformed value is as good as none
    }
  }
  return out;
}

export interface CookieOptions {
  maxAgeSeconds: number;
  /** only over HTTPS: set when the server sits behind TLS */
  secure: boolean;
}

/** httpOnly (no script reads it) and SameSite=Lax (no cross-site POST carries it). */
export function setCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}
