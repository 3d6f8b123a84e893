// Drills as stored: a row when opened, its status as it moves on, and at the end its results
// (seats, the sessions they played with their reports, the class summary) in one transaction.
import type { Kysely } from 'kysely';
import type { ClassSummary, DrillResults, DrillStatus } from '../protocol/index.ts';
import type { Database } from './schema.ts';

export interface NewDrill {
  id: string;
  code: string;
  trainerId: string;
  scenarioIds: string[];
  mode: string;
  timeLimitMs: number | null;
  createdAt: number;
}

export interface DrillListItem {
  drillId: string;
  code: string;
  scenarioIds: string[];
  mode: string;
  status: DrillStatus;
  createdAt: number;
  startedAt: number | null;
  endedAt: number | null;
  /** seats that stayed in the class (joined and not removed): the seats the summary counts; null before the end */
  seats: number | null;
  /** every seat that joined, removed ones included (null: before the end, or stored by an older version) */
  joined: number | null;
  /** seats the trainer removed (null as `joined`) */
  removed: number | null;
  summary: ClassSummary | null;
  /** the server stopped while it ran: its results are those so far */
  interrupted?: boolean;
}

export interface UnfinishedDrill {
  drillId: string;
  code: string;
  trainer: string;
  trainerId: string;
  trainerAdmin: boolean;
  timeLimitMs: number | null;
  scenarioIds: string[];
  mode: string;
  status: DrillStatus;
  createdAt: number;
  startedAt: number | null;
  /** `removedAt`: drill time of the removal, when known; `removals`: how many times the trainer removed it */
  seats: { seatId: string; name: string; removed: boolean; removedAt?: number; removals: number; joinedAt: number; sessions: { sessionId: string; scenarioId: string }[] }[];
}

const ROWS_PER_INSERT = 200;
/** Stored statuses of drills nobody goes on with. */
const OVER = ['ended', 'cancelled'];

export class DrillStore {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(drill: NewDrill): Promise<void> {
    await this.db
      .insertInto('drills')
      .values({ id: drill.id, code: drill.code, trainer_id: drill.trainerId, scenario_ids: JSON.stringify(drill.scenarioIds), mode: drill.mode, time_limit_ms: drill.timeLimitMs, status: 'lobby', created_at: drill.createdAt, started_at: null, ended_at: null, summary: null, results: null })
      .execute();
  }

  /**
   * A lobby called off before it started (by its trainer, or left unstarted too long): stored as
   * cancelled, with no results. True if it was still a lobby (a drill that started is left alone).
   */
  async cancel(id: string, at: number): Promise<boolean> {
    const result = await this.db.updateTable('drills').set({ status: 'cancelled', ended_at: at }).where('id', '=', id).where('status', '=', 'lobby').executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Lobbies opened before `cutoff` (oldest first): left unstarted, they are cancelled. */
  async lobbiesOpenedBefore(cutoff: number, limit: number): Promise<string[]> {
    const rows = await this.db.selectFrom('drills').select('id').where('status', '=', 'lobby').where('created_at', '<', cutoff).orderBy('created_at').limit(limit).execute();
    return rows.map((r) => r.id);
  }

  /** The stored status of the newest drill opened with this join code (none: no drill ever had it). */
  async statusByCode(code: string): Promise<DrillStatus | undefined> {
    const row = await this.db.selectFrom('drills').select('status').where('code', '=', code).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
    return row?.status as DrillStatus | undefined;
  }

  /** A drill's status and owner as stored, if it exists. */
  async statusOf(id: string): Promise<{ trainerId: string; status: DrillStatus } | undefined> {
    const row = await this.db.selectFrom('drills').select(['trainer_id', 'status']).where('id', '=', id).executeTakeFirst();
    return row && { trainerId: row.trainer_id, status: row.status as DrillStatus };
  }

  async started(id: string, at: number): Promise<void> {
    await this.db.updateTable('drills').set({ status: 'running', started_at: at }).where('id', '=', id).execute();
  }

  async saveResults(results: DrillResults, joinedAt: (seatId: string) => number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const removed = results.seats.filter((s) => s.removed).length;
      const summary = JSON.stringify({ seats: results.seats.length - removed, joined: results.seats.length, removed, summary: results.summary, ...(results.interrupted ? { interrupted: true } : {}) });
      await trx.updateTable('drills').set({ status: 'ended', ended_at: results.endedAt, summary, results: JSON.stringify(results) }).where('id', '=', results.drillId).execute();
      // The removal counts written as the drill ran stay, but never below what the results say: a seat
      // let back in before migration 0011 was stored with 0 (only seats removed then were counted).
      const counted = await trx.selectFrom('drill_seats').select(['seat_id', 'removals']).where('drill_id', '=', results.drillId).execute();
      const removals = new Map(counted.map((r) => [r.seat_id, Number(r.removals)]));
      const seats = results.seats.map((s) => ({ drill_id: results.drillId, seat_id: s.seatId, display_name: s.name, removed: s.removed ? 1 : 0, removals: Math.max(removals.get(s.seatId) ?? 0, s.removed || s.readmitted === true ? 1 : 0), joined_at: joinedAt(s.seatId) }));
      const sessions = results.seats.flatMap((s) =>
        s.sessions.map((x, position) => ({
          drill_id: results.drillId,
          seat_id: s.seatId,
          position,
          session_id: x.sessionId,
          scenario_id: x.scenarioId,
          outcome: x.outcome,
          score: x.report?.score ?? null,
          report: x.report ? JSON.stringify(x.report) : null,
        })),
      );
      // The seats and sessions written as the drill ran (for a restart) give way to the final rows.
      await trx.deleteFrom('drill_sessions').where('drill_id', '=', results.drillId).execute();
      await trx.deleteFrom('drill_seats').where('drill_id', '=', results.drillId).execute();
      for (let i = 0; i < seats.length; i += ROWS_PER_INSERT) await trx.insertInto('drill_seats').values(seats.slice(i, i + ROWS_PER_INSERT)).execute();
      for (let i = 0; i < sessions.length; i += ROWS_PER_INSERT) await trx.insertInto('drill_sessions').values(sessions.slice(i, i + ROWS_PER_INSERT)).execute();
    });
  }

  // Written as the drill runs, so that a drill a stopped server leaves behind can be accounted for.

  async seatJoined(drillId: string, seat: { id: string; name: string; joinedAt: number }): Promise<void> {
    await this.db.insertInto('drill_seats').values({ drill_id: drillId, seat_id: seat.id, display_name: seat.name, removed: 0, joined_at: seat.joinedAt }).execute();
  }

  /** `at`: drill time of the removal. */
  /** A removal counts one more (a seat let back in keeps its count, which marks it readmitted). */
  async seatRemoved(drillId: string, seatId: string, removed: boolean, at?: number): Promise<void> {
    await this.db
      .updateTable('drill_seats')
      .set((eb) => ({ removed: removed ? 1 : 0, removed_at: removed ? (at ?? null) : null, removals: removed ? eb('removals', '+', 1) : eb.ref('removals') }))
      .where('drill_id', '=', drillId)
      .where('seat_id', '=', seatId)
      .execute();
  }

  async sessionStarted(drillId: string, seatId: string, position: number, sessionId: string, scenarioId: string): Promise<void> {
    await this.db.insertInto('drill_sessions').values({ drill_id: drillId, seat_id: seatId, position, session_id: sessionId, scenario_id: scenarioId, outcome: null, score: null, report: null }).execute();
  }

  /** Whether the seat played the session (a seat token then opens its transcript and report). */
  async seatHasSession(drillId: string, seatId: string, sessionId: string): Promise<boolean> {
    const row = await this.db.selectFrom('drill_sessions').select('position').where('drill_id', '=', drillId).where('seat_id', '=', seatId).where('session_id', '=', sessionId).executeTakeFirst();
    return row !== undefined;
  }

  /** Drills not over (neither ended nor cancelled), with their trainer's name, their seats (joining order) and their sessions. */
  async unfinished(): Promise<UnfinishedDrill[]> {
    return this.unfinishedWhere(undefined);
  }

  /** One drill not ended, as unfinished() gives it. */
  async unfinishedOne(drillId: string): Promise<UnfinishedDrill | undefined> {
    return (await this.unfinishedWhere(drillId))[0];
  }

  private async unfinishedWhere(drillId: string | undefined): Promise<UnfinishedDrill[]> {
    let query = this.db
      .selectFrom('drills')
      .innerJoin('trainers', 'trainers.id', 'drills.trainer_id')
      .select(['drills.id', 'drills.code', 'drills.scenario_ids', 'drills.mode', 'drills.status', 'drills.created_at', 'drills.started_at', 'drills.time_limit_ms', 'trainers.name', 'trainers.id as trainer_id', 'trainers.admin'])
      .where('drills.status', 'not in', OVER);
    if (drillId !== undefined) query = query.where('drills.id', '=', drillId);
    const drills = await query.execute();
    const out: UnfinishedDrill[] = [];
    for (const d of drills) {
      const seats = await this.db.selectFrom('drill_seats').selectAll().where('drill_id', '=', d.id).orderBy('joined_at').execute();
      const sessions = await this.db.selectFrom('drill_sessions').selectAll().where('drill_id', '=', d.id).orderBy('position').execute();
      out.push({
        drillId: d.id,
        code: d.code,
        trainer: d.name,
        trainerId: d.trainer_id,
        trainerAdmin: d.admin === 1,
        timeLimitMs: d.time_limit_ms,
        scenarioIds: JSON.parse(d.scenario_ids) as string[],
        mode: d.mode,
        status: d.status as DrillStatus,
        createdAt: d.created_at,
        startedAt: d.started_at,
        seats: seats.map((s) => ({ seatId: s.seat_id, name: s.display_name, removed: s.removed === 1, ...(s.removed === 1 && s.removed_at !== null ? { removedAt: Number(s.removed_at) } : {}), removals: Number(s.removals), joinedAt: s.joined_at, sessions: sessions.filter((x) => x.seat_id === s.seat_id).map((x) => ({ sessionId: x.session_id, scenarioId: x.scenario_id })) })),
      });
    }
    return out;
  }

  /** A trainer's drills, newest first. */
  async list(trainerId: string, limit = 200): Promise<DrillListItem[]> {
    const rows = await this.db
      .selectFrom('drills')
      .select(['id', 'code', 'scenario_ids', 'mode', 'status', 'created_at', 'started_at', 'ended_at', 'summary'])
      // A drill with no results (waiting, or cancelled before it started) still had trainees seated.
      .select((eb) =>
        eb
          .selectFrom('drill_seats')
          .select((inner) => inner.fn.countAll<number>().as('n'))
          .whereRef('drill_seats.drill_id', '=', 'drills.id')
          .where('drill_seats.removed', '=', 0)
          .as('seated'),
      )
      .where('trainer_id', '=', trainerId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => {
      const stored = r.summary === null ? null : (JSON.parse(r.summary) as { seats: number; joined?: number; removed?: number; summary: ClassSummary; interrupted?: boolean });
      return {
        drillId: r.id,
        code: r.code,
        scenarioIds: JSON.parse(r.scenario_ids) as string[],
        mode: r.mode,
        status: r.status as DrillStatus,
        createdAt: r.created_at,
        startedAt: r.started_at,
        endedAt: r.ended_at,
        seats: stored?.seats ?? (r.seated === null ? null : Number(r.seated)),
        joined: stored?.joined ?? null,
        removed: stored?.removed ?? null,
        summary: stored?.summary ?? null,
        ...(stored?.interrupted ? { interrupted: true } : {}),
      };
    });
  }

  /** The class numbers kept for the history list, made again (the seat counts beside them stay). */
  async rewriteSummary(id: string, summary: ClassSummary): Promise<void> {
    const row = await this.db.selectFrom('drills').select('summary').where('id', '=', id).executeTakeFirst();
    if (!row?.summary) return;
    const stored = JSON.parse(row.summary) as Record<string, unknown>;
    await this.db.updateTable('drills').set({ summary: JSON.stringify({ ...stored, summary }) }).where('id', '=', id).execute();
  }

  /** The stored results of an ended drill, with its owner. */
  /** When the drill ended, if the store has it as ended (null: ended with no time); undefined otherwise. */
  async endedAt(id: string): Promise<number | null | undefined> {
    const row = await this.db.selectFrom('drills').select(['status', 'ended_at']).where('id', '=', id).executeTakeFirst();
    if (row?.status !== 'ended') return undefined;
    return row.ended_at === null ? null : Number(row.ended_at);
  }

  async results(id: string): Promise<{ trainerId: string; results: DrillResults | null } | undefined> {
    const row = await this.db.selectFrom('drills').select(['trainer_id', 'results']).where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    return { trainerId: row.trainer_id, results: row.results === null ? null : (JSON.parse(row.results) as DrillResults) };
  }

  /** Drills left open with nobody to go on with them: they end where they are. */
  async closeAbandoned(now: number): Promise<number> {
    const result = await this.db.updateTable('drills').set({ status: 'ended', ended_at: now }).where('status', '!=', 'ended').executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
