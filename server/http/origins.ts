// Which browser origins may open a socket or read the API. Same-origin always; others only when
// listed in ALLOWED_ORIGINS. Requests with no Origin header are not from a browser page: allowed.
import type { IncomingMessage } from 'node:http';

export function originAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** For Socket.IO's `allowRequest`: refuse the handshake of a page from another origin. */
export function allowRequestFrom(allowed: readonly string[]) {
  return (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void): void => {
    if (originAllowed(req, allowed)) callback(null, true);
    else callback('origin not allowed', false);
  };
}
