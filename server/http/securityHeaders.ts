// Headers every HTTP answer carries (the app's HTML, its assets and the JSON API alike), so a reply,
// a display name or a scenario text that slipped past React's escaping still could not run script:
// the built client is plain files from this origin (Vite emits no inline script), so nothing else
// needs to be allowed.
import type { ServerResponse } from 'node:http';

/**
 * - script-src 'self': no inline script, no eval, no script from elsewhere.
 * - style-src 'self': React sets styles through the CSSOM, which CSP does not restrict.
 * - img-src data:: the favicon is an inline SVG data URL; a QR code may be one too.
 * - connect-src 'self': the API and the Socket.IO transports (ws: of the same host included).
 * - frame-ancestors 'none': no other site frames the chat (clickjacking).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  // Join links and session ids stay on this site.
  'referrer-policy': 'no-referrer',
  // frame-ancestors for browsers that predate it.
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

/** Set before any route writes its head: writeHead merges its own headers with these. */
export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}
