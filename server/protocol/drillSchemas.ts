// Runtime schemas of the drill's client-to-server payloads (the practice events keep theirs).
import { z } from 'zod';
import type { Ack } from './errors.ts';
import { fail } from './errors.ts';
import { MAX_ID_CHARS, MAX_PAYLOAD_BYTES } from './limits.ts';
import { displayName, modes, oversizeBytes } from './schemas.ts';

/** A drill plays at most this many scenarios in a row. */
export const MAX_DRILL_SCENARIOS = 20;
/** An optional time limit of up to 8 hours. */
export const MAX_DRILL_SECONDS = 8 * 3600;

const id = z.string().min(1).max(MAX_ID_CHARS);
const kebabId = z
  .string()
  .max(MAX_ID_CHARS)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id');
const drillId = id;
const seatId = id;
const token = z.string().min(1).max(512);
const joinCode = z.string().regex(/^\d{6}$/, 'must be 6 digits');

export const drillSchemas = {
  'drill:open': z.strictObject({
    scenarioIds: z.array(kebabId).min(1).max(MAX_DRILL_SCENARIOS),
    mode: z.enum(modes),
    timeLimitSeconds: z.number().int().positive().max(MAX_DRILL_SECONDS).optional(),
  }),
  'drill:attach': z.strictObject({ drillId }),
  'drill:lock': z.strictObject({ drillId, locked: z.boolean() }),
  'drill:remove': z.strictObject({ drillId, seatId }),
  'drill:admit': z.strictObject({ drillId, seatId }),
  'drill:start': z.strictObject({ drillId }),
  'drill:cancel': z.strictObject({ drillId }),
  'drill:pause': z.strictObject({ drillId }),
  'drill:resume': z.strictObject({ drillId }),
  'drill:end': z.strictObject({ drillId }),
  /** freeze the drill and gather the class's replies to `move` (of `scenarioId`, default: the first) */
  'drill:reveal': z.strictObject({ drillId, move: id, scenarioId: kebabId.optional() }),
  'drill:reveal-show': z.strictObject({ drillId }),
  'drill:watch': z.strictObject({ drillId, seatId }),
  'drill:unwatch': z.strictObject({ drillId }),
  'drill:join': z.strictObject({ code: joinCode, displayName }),
  /** what became of a join code, before the trainee is asked for a name (the join checks again) */
  'drill:check': z.strictObject({ code: joinCode }),
  'drill:rejoin': z.strictObject({ seatToken: token, lastSeq: z.number().int().nonnegative() }),
} as const;

export type DrillEventName = keyof typeof drillSchemas;
export type DrillPayload<E extends DrillEventName> = z.infer<(typeof drillSchemas)[E]>;

/** Events only the drill's trainer may send. */
export const trainerEventNames = [
  'drill:open',
  'drill:attach',
  'drill:lock',
  'drill:remove',
  'drill:admit',
  'drill:start',
  'drill:cancel',
  'drill:pause',
  'drill:resume',
  'drill:end',
  'drill:reveal',
  'drill:reveal-show',
  'drill:watch',
  'drill:unwatch',
] as const satisfies readonly DrillEventName[];
export type TrainerEventName = (typeof trainerEventNames)[number];

export function isDrillEventName(name: unknown): name is DrillEventName {
  return typeof name === 'string' && Object.hasOwn(drillSchemas, name);
}

export function validateDrillPayload<E extends DrillEventName>(event: E, payload: unknown): Ack<DrillPayload<E>> {
  const bytes = oversizeBytes(payload);
  if (bytes !== undefined) return fail('too-large', `payload is ${bytes} bytes, over ${MAX_PAYLOAD_BYTES}`);
  const parsed = drillSchemas[event].safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'payload';
    return fail('bad-request', `${event}: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  return { ok: true, data: parsed.data as DrillPayload<E> };
}
