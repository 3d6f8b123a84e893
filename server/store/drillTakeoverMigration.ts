// Migration 0011: two things a node that goes on with a drill (a takeover, a restart, an interrupted
// close) used to lose. Each seat's removals by the trainer: above 0 on a seat that is in now, it was
// let back in (移出后又放回 in the results and CSV); a seat stored as removed before this counts one.
// And what ended a drill whose end had begun (the trainer, or the time limit), checkpointed with the
// 'ending' status so the node that finishes the end says the same.
import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';

export const drillTakeoverMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('drill_seats').addColumn('removals', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await sql`update drill_seats set removals = 1 where removed = 1`.execute(db);
    await db.schema.alterTable('drill_runs').addColumn('ended_by', 'varchar(16)').execute();
  },
};
