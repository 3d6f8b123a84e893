// Reading a JSON object request body for the trainer and studio routes.
import type { IncomingMessage } from 'node:http';

/**
 * A JSON object body, or undefined for anything else: another content type (a cross-site form cannot
 * send application/json, which keeps these cookie-authenticated routes out of CSRF reach), a body over
 * `maxBytes`, invalid JSON, or a JSON value that is not an object.
 */
export async function readJsonObject(req: IncomingMessage, maxBytes: number): Promise<Record<string, unknown> | undefined> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return undefined;
    chunks.push(chunk);
  }
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
