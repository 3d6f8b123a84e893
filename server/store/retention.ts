// Session retention: ended practice sessions older than a cutoff are deleted with their log rows and
// their lease row, and so are abandoned ones (never ended: the trainee closed the page) that started
// before the cutoff and have had no event since; then scenario bundles that nothing points at any
// more. Kept always: sessions with any event after the cutoff, sessions of a drill (drill_sessions: a trainer's results and exports read them for as long
// as the drill is kept), bundles of a studio version or of a drill still running.
//
// Batches of a bounded size, one short transaction each, with a pause between them: the log writer
// (and every socket, on SQLite's one thread) gets its turn. Safe on several nodes at once: on
// PostgreSQL each batch locks the sessions it picked and skips those another node has locked; on
// SQLite write transactions take turns. Every delete is conditional, so a repeat does nothing.
import type { Kysely, Transaction } from 'kysely';
import { PostgresAdapter } from 'kysely';
import type { Database } from './schema.ts';
import type { StudioTables } from './studioSchema.ts';

export const RETENTION_BATCH = 500;
/**
 * Between two batches at least this, and at least as long as the batch took: queued log commits take
 * the write lock first, and on SQLite (whose queries run on the main thread) the sweep has at most
 * half of the event loop while it works through a backlog.
 */
const PAUSE_BETWEEN_BATCHES_MS = 10;

export interface SweepOptions {
  /** sessions that ended before this (epoch ms) go; bundles unused since before it too */
  cutoff: number;
  /** sessions (or bundles) per transaction */
  batchSize?: number;
  /** the least pause between batches (ms) */
  pauseMs?: number;
  /** stop between batches (a shutdown); what was deleted stays deleted */
  signal?: AbortSignal;
}

export interface SweepResult {
  sessions: number;
  events: number;
  bundles: number;
  /** transactions that deleted sessions */
  batches: number;
}

/**
 * One pass (ended sessions, then abandoned ones; the name predates the second). Bundles come first: one left without sessions by an earlier pass goes now, so a reader
 * that had just read one of those sessions when it was deleted still finds the bundle to replay it.
 */
export async function sweepEndedSessions(db: Kysely<Database>, options: SweepOptions): Promise<SweepResult> {
  const batchSize = options.batchSize ?? RETENTION_BATCH;
  const pauseMs = options.pauseMs ?? PAUSE_BETWEEN_BATCHES_MS;
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const result: SweepResult = { sessions: 0, events: 0, bundles: 0, batches: 0 };
  result.bundles = await deleteUnusedBundles(db, options.cutoff, batchSize);
  for (const kind of ['ended', 'abandoned'] as const) {
    // Keyset: sessions a batch had to keep (a drill's) are not looked at again in this pass.
    let after: Batch['last'] | undefined;
    while (!options.signal?.aborted) {
      const started = Date.now();
      const batch = await db.transaction().execute((trx) => deleteBatch(trx, kind, options.cutoff, batchSize, after, postgres));
      if (!batch) break;
      result.sessions += batch.sessions;
      result.events += batch.events;
      result.batches += 1;
      after = batch.last;
      if (batch.picked < batchSize) break;
      await new Promise((resolve) => setTimeout(resolve, Math.max(pauseMs, Date.now() - started)));
    }
  }
  return result;
}

interface Batch {
  picked: number;
  sessions: number;
  events: number;
  /** the keyset position: ended_at (ended) or started_at (abandoned), then id */
  last: { at: number; id: string };
}

async function deleteBatch(trx: Transaction<Database>, kind: 'ended' | 'abandoned', cutoff: number, size: number, after: Batch['last'] | undefined, postgres: boolean): Promise<Batch | undefined> {
  const column = kind === 'ended' ? 's.ended_at' : 's.started_at';
  let query = trx
    .selectFrom('sessions as s')
    .select(['s.id', 's.ended_at', 's.started_at'])
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('drill_sessions as d').select('d.session_id').whereRef('d.session_id', '=', 's.id'))))
    .orderBy(column)
    .orderBy('s.id')
    .limit(size);
  query = kind === 'ended'
    ? query.where('s.ended_at', 'is not', null).where('s.ended_at', '<', cutoff)
    : query
        .where('s.ended_at', 'is', null)
        .where('s.started_at', '<', cutoff)
        // no event since the cutoff: nobody has touched it for the whole retention period
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('session_events as e').select('e.n').whereRef('e.session_id', '=', 's.id').where('e.at', '>=', cutoff))));
  if (after) query = query.where((eb) => eb.or([eb(column, '>', after.at), eb.and([eb(column, '=', after.at), eb('s.id', '>', after.id)])]));
  // Another node sweeping at the same moment takes the next sessions instead of waiting for these
  // (or deadlocking on them); a drill session inserted meanwhile would have to wait for this lock.
  if (postgres) query = query.forUpdate().skipLocked();
  const picked = await query.execute();
  const last = picked.at(-1);
  if (!last) return undefined;
  const ids = picked.map((r) => r.id);
  const events = await trx.deleteFrom('session_events').where('session_id', 'in', ids).executeTakeFirst();
  await trx.deleteFrom('leases').where('kind', '=', 'session').where('id', 'in', ids).execute();
  const sessions = await trx.deleteFrom('sessions').where('id', 'in', ids).executeTakeFirst();
  const at = kind === 'ended' ? (last.ended_at ?? cutoff) : last.started_at;
  return { picked: picked.length, sessions: Number(sessions.numDeletedRows), events: Number(events.numDeletedRows), last: { at, id: last.id } };
}

/**
 * Bundles no session points at, not used since the cutoff (a node marks a bundle used each time it
 * saves it for new sessions, server/runtime/scenarioCatalog.ts), and not a version a studio or a
 * running drill may still start sessions on. The conditions sit in the DELETE itself, so a session
 * written meanwhile keeps its bundle (on PostgreSQL the foreign key refuses the delete outright).
 */
async function deleteUnusedBundles(db: Kysely<Database>, cutoff: number, size: number): Promise<number> {
  const studio = db.withTables<StudioTables>();
  const drillVersions = await versionsOfRunningDrills(db);
  let deleted = 0;
  for (let guard = 0; guard < 10_000; guard++) {
    const candidates = await studio
      .selectFrom('scenario_bundles as b')
      .select(['b.hash', 'b.scenario_id', 'b.version'])
      .where((eb) => eb(eb.fn.coalesce('b.used_at', 'b.created_at'), '<', cutoff))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('sessions as s').select('s.id').whereRef('s.bundle_hash', '=', 'b.hash'))))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('studio_versions as v').select('v.version').whereRef('v.scenario_id', '=', 'b.scenario_id').whereRef('v.version', '=', 'b.version'))))
      .orderBy('b.hash')
      .limit(size)
      .execute();
    const hashes = candidates.filter((b) => !drillVersions.has(`${b.scenario_id}@${b.version}`)).map((b) => b.hash);
    if (hashes.length > 0) {
      const result = await studio
        .deleteFrom('scenario_bundles')
        .where('hash', 'in', hashes)
        .where((eb) => eb(eb.fn.coalesce('used_at', 'created_at'), '<', cutoff))
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('sessions as s').select('s.id').whereRef('s.bundle_hash', '=', 'scenario_bundles.hash'))))
        .executeTakeFirst();
      deleted += Number(result.numDeletedRows);
    }
    // Kept ones (a running drill's) fill the page again only if there are more than a page of them.
    if (candidates.length < size || hashes.length === 0) break;
  }
  return deleted;
}

/** `id@version` of every scenario a drill not yet ended opened with (drill_runs.scenarios JSON). */
async function versionsOfRunningDrills(db: Kysely<Database>): Promise<Set<string>> {
  const runs = await db.selectFrom('drill_runs').select('scenarios').execute();
  const versions = new Set<string>();
  for (const run of runs) {
    try {
      for (const s of JSON.parse(run.scenarios) as { id?: unknown; version?: unknown }[]) versions.add(`${String(s.id)}@${String(s.version)}`);
    } catch {
      // An unreadable row keeps nothing extra; its drill's own sessions still keep their bundles.
    }
  }
  return versions;
}
