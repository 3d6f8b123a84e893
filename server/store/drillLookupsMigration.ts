// Migration 0010: the two drill look-ups that grew with cancelling. A join code that opens nothing is
// checked against the drills opened with it (was the newest cancelled?), and every node's sweep looks
// for lobbies left unstarted past DRILL_LOBBY_TTL_HOURS; without these both read the whole table.
import type { Kysely, Migration } from 'kysely';

export const drillLookupsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex('drills_code').on('drills').columns(['code', 'created_at']).execute();
    await db.schema.createIndex('drills_status').on('drills').columns(['status', 'created_at']).execute();
  },
};
