// The drill-run table (server/store/drillSchema.ts DrillRunsTable): what a drill's owner checkpoints
// so that a restarted node, or another node, can go on with it (migration 0005).
import type { Kysely, Migration } from 'kysely';

export const drillRunMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('drill_runs')
      .addColumn('drill_id', 'varchar(64)', (c) => c.primaryKey().references('drills.id'))
      .addColumn('scenarios', 'text', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('locked', 'integer', (c) => c.notNull())
      .addColumn('clock_ms', 'bigint', (c) => c.notNull())
      .addColumn('started_clock', 'bigint')
      .addColumn('frozen_at', 'varchar(128)')
      .addColumn('frozen_scenario', 'varchar(128)')
      .execute();
  },
};
