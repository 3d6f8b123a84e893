// Which browser origins may open a socket or read the API. Same-origin always; others only when
// listed in ALLOWED_ORIGINS. Requests with no Origin header are not from a browser page: allowed.
import type { IncomingMessage, ServerResponse } from 'node:http';

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

/**
 * For Socket.IO's engine (`io.engine.use`): the same check on EVERY transport request, not only the
 * handshake. `allowRequest` sees the first request alone; a polling request or a WebSocket upgrade
 * that names an existing session id skips it, so without this a page elsewhere holding a sid could
 * ride on it. Answering here (403 for polling; the upgrade's socket is simply closed) ends it.
 */
export function refuseForeignOrigins(allowed: readonly string[]) {
  return (req: IncomingMessage, res: ServerResponse, next: (err?: Error) => void): void => {
    if (originAllowed(req, allowed)) return next();
    res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('origin not allowed');
  };
}
