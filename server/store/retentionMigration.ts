// Migration 0008: what the retention sweep (server/store/retention.ts) needs to stay cheap and safe.
// `used_at` on a bundle: a node's scenario catalog writes it when it (re)saves the bundle for a new
// session, so a bundle about to be pointed at is never taken for an unused one. The indexes let the
// sweep find old ended sessions, and check "is this bundle / this session still referenced", without
// scanning whole tables (PostgreSQL's foreign-key check on deleting a session reads
// drill_sessions.session_id too).
import type { Kysely, Migration } from 'kysely';

export const retentionMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('scenario_bundles').addColumn('used_at', 'bigint').execute();
    await db.schema.createIndex('sessions_ended').on('sessions').columns(['ended_at']).execute();
    await db.schema.createIndex('sessions_bundle').on('sessions').columns(['bundle_hash']).execute();
    await db.schema.createIndex('drill_sessions_session').on('drill_sessions').columns(['session_id']).execute();
  },
};
