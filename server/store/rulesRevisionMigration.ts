// Migration 0006: the rubric revision a session is scored by. A session replays from its log with
// the rules it was played under (server/engine/session/rulesRevision.ts), so a rule that changes
// its measure never rescores an old session. Rows written before this column existed are revision 1.
import type { Kysely, Migration } from 'kysely';

export const rulesRevisionMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('sessions')
      .addColumn('rules_revision', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
  },
};
