// Rows for the retention tests, written straight into the store: sessions with their log and lease,
// bundles last used at a given time, drills that hold sessions, studio versions, running drills.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../server/store/schema.ts';

export const DAY = 24 * 60 * 60 * 1000;
export const NOW = 1_760_000_000_000;
/** What sweepEndedSessions gets for 90 days of retention at NOW. */
export const CUTOFF = NOW - 90 * DAY;

export async function addBundle(db: Kysely<Database>, hash: string, options: { scenarioId?: string; version?: number; usedAt?: number } = {}): Promise<void> {
  const usedAt = options.usedAt ?? NOW - 200 * DAY;
  await db
    .insertInto('scenario_bundles')
    .values({ hash, scenario_id: options.scenarioId ?? 'x', version: options.version ?? 1, bundle: '{}', created_at: usedAt, used_at: usedAt })
    .execute();
}

export interface SessionSpec {
  /** null: still running */
  endedAt: number | null;
  bundle?: string;
  /** log rows besides row 0 */
  events?: number;
  /** bytes of payload per log row (a real session is about 12 KB in all) */
  rowBytes?: number;
  /** default: a minute before the end (or before NOW, for a running one) */
  startedAt?: number;
  /** when its log rows were written; default NOW */
  eventsAt?: number;
}

/** Rows per multi-row INSERT (8 columns: well under both stores' parameter limits). */
const ROWS_PER_INSERT = 400;

/** A session row, its log (row 0 and `events` more) and its lease, as the runtime leaves them. */
export async function addSessions(db: Kysely<Database>, ids: string[], spec: SessionSpec): Promise<void> {
  const bundle = spec.bundle ?? 'h';
  const endedAt = spec.endedAt;
  const padding = 'x'.repeat(spec.rowBytes ?? 40);
  const sessions = ids.map((id) => ({ id, scenario_id: 'x', scenario_version: 1, bundle_hash: bundle, seed: 1, speed: 1, mode: 'practice', display_name: 'n', started_at: spec.startedAt ?? (endedAt ?? NOW) - 60_000, ended_at: endedAt, outcome: endedAt === null ? null : 'left', score: endedAt === null ? null : 50, rules_revision: 4 }));
  const events = ids.flatMap((id) =>
    Array.from({ length: (spec.events ?? 3) + 1 }, (_, n) => ({ session_id: id, n, at: spec.eventsAt ?? NOW, type: n === 0 ? 'start' : 'reply', payload: JSON.stringify({ text: padding }), client_msg_id: n === 0 ? null : `c${n}`, result: null, effects: '[]' })),
  );
  const leases = ids.map((id) => ({ kind: 'session', id, owner: '', epoch: 1, expires_at: 0, wake_at: null }));
  for (let i = 0; i < sessions.length; i += ROWS_PER_INSERT) await db.insertInto('sessions').values(sessions.slice(i, i + ROWS_PER_INSERT)).execute();
  for (let i = 0; i < events.length; i += ROWS_PER_INSERT) await db.insertInto('session_events').values(events.slice(i, i + ROWS_PER_INSERT)).execute();
  for (let i = 0; i < leases.length; i += ROWS_PER_INSERT) await db.insertInto('leases').values(leases.slice(i, i + ROWS_PER_INSERT)).execute();
}

/** A drill (long ended) whose one seat played these sessions. Raw SQL: only the columns every schema version has. */
export async function addDrill(db: Kysely<Database>, drillId: string, sessionIds: string[], status = 'ended'): Promise<void> {
  const trainer = `t-${drillId}`;
  await sql`INSERT INTO trainers (id, name, password_hash, admin, created_at) VALUES (${trainer}, ${trainer}, 'x', 0, 0)`.execute(db);
  await sql`INSERT INTO drills (id, code, trainer_id, scenario_ids, mode, status, created_at, ended_at) VALUES (${drillId}, 'ABCDEF', ${trainer}, '["x"]', 'practice', ${status}, 0, 0)`.execute(db);
  for (const [position, sessionId] of sessionIds.entries()) {
    await sql`INSERT INTO drill_sessions (drill_id, seat_id, position, session_id, scenario_id) VALUES (${drillId}, 'seat', ${position}, ${sessionId}, 'x')`.execute(db);
  }
}

/** A drill still open, on these scenario versions (its drill_runs row). */
export async function addRunningDrill(db: Kysely<Database>, drillId: string, scenarios: { id: string; version: number }[]): Promise<void> {
  await addDrill(db, drillId, [], 'lobby');
  await db.insertInto('drill_runs').values({ drill_id: drillId, scenarios: JSON.stringify(scenarios), status: 'lobby', locked: 0, clock_ms: 0, started_clock: null, frozen_at: null, frozen_scenario: null }).execute();
}

export async function addStudioVersion(db: Kysely<Database>, scenarioId: string, version: number): Promise<void> {
  await sql`INSERT INTO studio_versions (scenario_id, version, source, bundle, trainer_id, published_at) VALUES (${scenarioId}, ${version}, '', '{}', 't', 0)`.execute(db);
}

export async function sessionIds(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('sessions').select('id').orderBy('id').execute()).map((r) => r.id);
}

export async function count(db: Kysely<Database>, table: 'session_events' | 'leases' | 'scenario_bundles'): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function bundleHashes(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('scenario_bundles').select('hash').orderBy('hash').execute()).map((r) => r.hash);
}

export const ids = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(5, '0')}`);
