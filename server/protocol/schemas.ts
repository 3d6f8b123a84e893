// Runtime schemas of every client-to-server payload: the types are not a validator, these are.
import { z } from 'zod';
import type { Ack } from './errors.ts';
import { fail, ok } from './errors.ts';
import { MAX_CLIENT_MSG_ID_CHARS, MAX_DISPLAY_NAME_CHARS, MAX_ID_CHARS, MAX_PAYLOAD_BYTES, MAX_REPLY_CHARS, hasControlChars } from './limits.ts';

const id = z.string().min(1).max(MAX_ID_CHARS);
// Scenario ids name files on the server: kebab-case only, so no path can be smuggled in.
const kebabId = z
  .string()
  .max(MAX_ID_CHARS)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id');
const sessionId = id;
/** A name shown to the trainer and the class; see hasControlChars for why those are refused. */
export const displayName = z
  .string()
  .trim()
  .min(1)
  .max(MAX_DISPLAY_NAME_CHARS)
  .refine((name) => !hasControlChars(name), 'must not contain control characters');
/** A client-generated id: a retry with the same id is answered with the first answer. */
const clientMsgId = z.string().min(1).max(MAX_CLIENT_MSG_ID_CHARS);

export const modes = ['practice', 'exam'] as const;
export type Mode = (typeof modes)[number];

export const clientSchemas = {
  'session:start': z.strictObject({
    scenarioId: kebabId,
    /** omitted: the version on disk now */
    version: z.number().int().positive().optional(),
    displayName,
    mode: z.enum(modes),
  }),
  'session:resume': z.strictObject({
    sessionId,
    token: z.string().min(1).max(512),
    /** the last sequence number this client has seen; 0 for none */
    lastSeq: z.number().int().nonnegative(),
  }),
  'reply:send': z.strictObject({ sessionId, clientMsgId, text: z.string() }),
  'link:open': z.strictObject({ sessionId, clientMsgId, messageId: id }),
  'file:answer': z.strictObject({ sessionId, clientMsgId, accept: z.boolean(), messageId: id.optional() }),
  'card:send': z.strictObject({ sessionId, clientMsgId, product: id }),
  'coupon:send': z.strictObject({ sessionId, clientMsgId, coupon: id }),
  'address:confirm': z.strictObject({ sessionId, clientMsgId }),
  'session:end': z.strictObject({ sessionId, clientMsgId }),
} as const;

export type ClientEventName = keyof typeof clientSchemas;
export type ClientPayload<E extends ClientEventName> = z.infer<(typeof clientSchemas)[E]>;
/** The events a trainee sends inside a session: each carries a clientMsgId and is logged. */
export type TraineeEventName = Exclude<ClientEventName, 'session:start' | 'session:resume'>;

export const clientEventNames = Object.keys(clientSchemas) as ClientEventName[];

export function isClientEventName(name: unknown): name is ClientEventName {
  return typeof name === 'string' && Object.hasOwn(clientSchemas, name);
}

/** Whether the payload's JSON is over MAX_PAYLOAD_BYTES in UTF-8, and its size if so. */
export function oversizeBytes(payload: unknown): number | undefined {
  let json: string | undefined;
  try {
    json = JSON.stringify(payload);
  } catch {
    return undefined; // cycles or BigInt: the schema rejects it
  }
  // A UTF-16 unit is at most 3 bytes in UTF-8: most payloads need no count.
  if (json === undefined || json.length * 3 <= MAX_PAYLOAD_BYTES) return undefined;
  const bytes = utf8Length(json);
  return bytes > MAX_PAYLOAD_BYTES ? bytes : undefined;
}

// No Buffer here: the client imports this file too.
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit < 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Size, shape, then per-event limits; the first problem found is the answer. */
export function validatePayload<E extends ClientEventName>(event: E, payload: unknown): Ack<ClientPayload<E>> {
  const bytes = oversizeBytes(payload);
  if (bytes !== undefined) return fail('too-large', `payload is ${bytes} bytes, over ${MAX_PAYLOAD_BYTES}`);
  const parsed = clientSchemas[event].safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'payload';
    return fail('bad-request', `${event}: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  const data = parsed.data as ClientPayload<E>;
  if ('text' in data && typeof data.text === 'string') {
    const chars = [...data.text].length;
    if (chars > MAX_REPLY_CHARS) return fail('too-long', `a reply is at most ${MAX_REPLY_CHARS} characters (got ${chars})`);
  }
  return ok(data);
}
