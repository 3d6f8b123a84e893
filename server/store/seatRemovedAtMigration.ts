// Migration 0009: when a drill seat was removed (drill time, ms), so a node that takes the drill over
// ends the removed seat's chat where it stood still, as the node that removed it would have.
import type { Kysely, Migration } from 'kysely';

export const seatRemovedAtMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('drill_seats').addColumn('removed_at', 'bigint').execute();
  },
};
