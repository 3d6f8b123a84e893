// Running drills as stored (drill_runs): the state a node rebuilds a drill from. Which node runs a
// drill is its lease (server/store/leases.ts, kind 'drill'); a checkpoint is written only while the
// writer still holds the lease with its epoch, so a node that lost the drill changes nothing.
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from './schema.ts';

export type RunStatus = 'lobby' | 'running' | 'paused' | 'ending';

/** What a drill's owner checkpoints: enough, with the seats and the session logs, to go on. */
export interface DrillCheckpoint {
  status: RunStatus;
  locked: boolean;
  /** the drill clock now */
  clockMs: number;
  startedClock: number | null;
  frozenAt: string | null;
  frozenScenario: string | null;
  /** an 'ending' drill's: what ended it, so the node that finishes the end says the same */
  endedBy?: 'trainer' | 'time';
}

export interface DrillRun extends DrillCheckpoint {
  drillId: string;
  scenarios: { id: string; version: number }[];
}

/** The lease a checkpoint is fenced by. */
export interface DrillFence {
  owner: string;
  epoch: number;
}

export class DrillRunStore {
  constructor(private readonly db: Kysely<Database>) {}

  async create(drillId: string, scenarios: DrillRun['scenarios'], at: DrillCheckpoint): Promise<void> {
    await this.db
      .insertInto('drill_runs')
      .values({ drill_id: drillId, scenarios: JSON.stringify(scenarios), ...columns(at) })
      .execute();
  }

  /** Checkpoint; false if the fence's owner and epoch no longer hold the drill's lease. */
  async save(drillId: string, fence: DrillFence, at: DrillCheckpoint): Promise<boolean> {
    const result = await this.db.updateTable('drill_runs').set(columns(at)).where('drill_id', '=', drillId).where(heldBy(drillId, fence)).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * The drill is over: nothing to rebuild any more. Fenced like `save`: a node that lost the drill
   * without noticing yet removes nothing (false), and the real owner goes on with it.
   */
  async remove(drillId: string, fence: DrillFence): Promise<boolean> {
    const result = await this.db.deleteFrom('drill_runs').where('drill_id', '=', drillId).where(heldBy(drillId, fence)).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  async load(drillId: string): Promise<DrillRun | undefined> {
    const row = await this.db.selectFrom('drill_runs').selectAll().where('drill_id', '=', drillId).executeTakeFirst();
    return row && fromRow(row);
  }

  /** The id of the running drill with this join code, if any (whichever node runs it). */
  async byCode(code: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('drill_runs')
      .innerJoin('drills', 'drills.id', 'drill_runs.drill_id')
      .select('drills.id')
      .where('drills.code', '=', code)
      .where('drills.status', 'not in', ['ended', 'cancelled'])
      .executeTakeFirst();
    return row?.id;
  }
}

/** The drill's lease still has the fence's owner and epoch (checked in the same statement as the write). */
function heldBy(drillId: string, fence: DrillFence) {
  return ({ exists, selectFrom }: ExpressionBuilder<Database, 'drill_runs'>) =>
    exists(selectFrom('leases').select('leases.id').where('leases.kind', '=', 'drill').where('leases.id', '=', drillId).where('leases.owner', '=', fence.owner).where('leases.epoch', '=', fence.epoch));
}

function columns(at: DrillCheckpoint) {
  return { status: at.status, locked: at.locked ? 1 : 0, clock_ms: at.clockMs, started_clock: at.startedClock, frozen_at: at.frozenAt, frozen_scenario: at.frozenScenario, ended_by: at.status === 'ending' ? (at.endedBy ?? null) : null };
}

function fromRow(row: Database['drill_runs']): DrillRun {
  return {
    drillId: row.drill_id,
    scenarios: JSON.parse(row.scenarios) as DrillRun['scenarios'],
    status: row.status as RunStatus,
    locked: row.locked === 1,
    clockMs: Number(row.clock_ms),
    startedClock: row.started_clock === null ? null : Number(row.started_clock),
    frozenAt: row.frozen_at,
    frozenScenario: row.frozen_scenario,
    ...(row.ended_by === 'trainer' || row.ended_by === 'time' ? { endedBy: row.ended_by } : {}),
  };
}
