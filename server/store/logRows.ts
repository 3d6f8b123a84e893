// A batch of the session log written through Kysely, inside the caller's transaction: PostgreSQL, and
// SQLite when its log writer declines. Appends carrying a fence go in only while their session's
// lease still has that owner and epoch. On PostgreSQL the fence and the events' INSERT are one
// statement (a data-modifying WITH), so fencing adds no round trip to a reply's commit.
import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import type { FenceRow, LogRows } from './logWriter.ts';
import type { Database, SessionEventsTable } from './schema.ts';

/** Rows per multi-row INSERT: well under SQLite's bound-parameter limit (and PostgreSQL's). */
const ROWS_PER_INSERT = 400;

/** Write the batch; answers the sessions whose fence refused their rows (none of theirs written). */
export async function writeRows(trx: Transaction<Database>, rows: LogRows, postgres: boolean): Promise<string[]> {
  for (const chunk of chunks(rows.sessions)) await trx.insertInto('sessions').values(chunk).execute();
  for (const chunk of chunks(rows.leases)) await trx.insertInto('leases').values(chunk).execute();
  let fenced: string[];
  if (postgres && rows.fences.length > 0 && rows.fences.length + rows.events.length <= ROWS_PER_INSERT) {
    fenced = await fenceAndInsert(trx, rows.fences, rows.events);
  } else {
    fenced = await fence(trx, rows.fences);
    const events = fenced.length === 0 ? rows.events : rows.events.filter((e) => !fenced.includes(e.session_id));
    for (const chunk of chunks(events)) await trx.insertInto('session_events').values(chunk).execute();
  }
  for (const { id, end } of rows.ends) {
    if (fenced.includes(id)) continue;
    await trx.updateTable('sessions').set({ ended_at: end.endedAt, outcome: end.outcome, score: end.score }).where('id', '=', id).execute();
  }
  return fenced;
}

function fenceValues(fences: FenceRow[]) {
  return sql.join(fences.map((f) => sql`(${f.session_id}, ${f.owner}, CAST(${f.epoch} AS integer), CAST(${f.wake_at} AS bigint), CAST(${f.release} AS boolean))`));
}

/** A held lease gets its wake-up time, or (the session's last write, column5) is let go. */
const FENCE_SET = sql`wake_at = CASE WHEN v.column5 THEN NULL ELSE v.column4 END,
  owner = CASE WHEN v.column5 THEN '' ELSE leases.owner END,
  expires_at = CASE WHEN v.column5 THEN 0 ELSE leases.expires_at END`;

function heldIds(fences: FenceRow[], held: readonly { id: string }[]): string[] {
  const ids = new Set(held.map((r) => r.id));
  return fences.filter((f) => !ids.has(f.session_id)).map((f) => f.session_id);
}

/**
 * Every fence of the batch in one statement: the leases still held get their wake-up time and are
 * named back; the others are fenced. VALUES columns are column1.. on both SQLite and PostgreSQL.
 */
async function fence(trx: Transaction<Database>, fences: FenceRow[]): Promise<string[]> {
  const fenced: string[] = [];
  for (const chunk of chunks(fences)) {
    const result = await sql<{ id: string }>`UPDATE leases SET ${FENCE_SET} FROM (VALUES ${fenceValues(chunk)}) AS v
      WHERE leases.kind = 'session' AND leases.id = v.column1 AND leases.owner = v.column2 AND leases.epoch = v.column3
      RETURNING leases.id`.execute(trx);
    fenced.push(...heldIds(chunk, result.rows));
  }
  return fenced;
}

/**
 * PostgreSQL: fence and insert in one statement. An event goes in if it carries no fence, or if its
 * session's lease was among those the UPDATE still found (a CTE sees the rows another one returns).
 */
async function fenceAndInsert(trx: Transaction<Database>, fences: FenceRow[], events: SessionEventsTable[]): Promise<string[]> {
  const fencedSessions = new Set(fences.map((f) => f.session_id));
  const eventValues = sql.join(
    events.map(
      (e) =>
        sql`(${e.session_id}, CAST(${e.n} AS integer), CAST(${e.at} AS bigint), ${e.type}, ${e.payload}, CAST(${e.client_msg_id} AS varchar), CAST(${e.result} AS text), ${e.effects}, CAST(${fencedSessions.has(e.session_id)} AS boolean))`,
    ),
  );
  const result = await sql<{ id: string }>`WITH held AS (
      UPDATE leases SET ${FENCE_SET} FROM (VALUES ${fenceValues(fences)}) AS v
      WHERE leases.kind = 'session' AND leases.id = v.column1 AND leases.owner = v.column2 AND leases.epoch = v.column3
      RETURNING leases.id
    ), written AS (
      INSERT INTO session_events (session_id, n, at, type, payload, client_msg_id, result, effects)
      SELECT e.column1, e.column2, e.column3, e.column4, e.column5, e.column6, e.column7, e.column8 FROM (VALUES ${eventValues}) AS e
      WHERE NOT e.column9 OR e.column1 IN (SELECT id FROM held)
    )
    SELECT id FROM held`.execute(trx);
  return heldIds(fences, result.rows);
}

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) out.push(rows.slice(i, i + ROWS_PER_INSERT));
  return out;
}
