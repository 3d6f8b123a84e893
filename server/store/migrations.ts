// Schema migrations, in code so they ship with the server. Append new ones; never edit a shipped one.
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { Migrator } from 'kysely';
import { drillLookupsMigration } from './drillLookupsMigration.ts';
import { drillMigration } from './drillMigration.ts';
import { drillRunMigration } from './drillRunMigration.ts';
import { drillTakeoverMigration } from './drillTakeoverMigration.ts';
import { leaseMigration } from './leaseMigration.ts';
import { retentionMigration } from './retentionMigration.ts';
import { rulesRevisionMigration } from './rulesRevisionMigration.ts';
import { seatRemovedAtMigration } from './seatRemovedAtMigration.ts';
import { studioMigration } from './studioMigration.ts';
import { trainerAccountsMigration } from './trainerAccountsMigration.ts';

const migrations: Record<string, Migration> = {
  '0001-session-log': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('scenario_bundles')
        .addColumn('hash', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('scenario_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('bundle', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('scenario_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('scenario_version', 'integer', (c) => c.notNull())
        .addColumn('bundle_hash', 'varchar(64)', (c) => c.notNull().references('scenario_bundles.hash'))
        .addColumn('seed', 'bigint', (c) => c.notNull())
        .addColumn('speed', 'double precision', (c) => c.notNull())
        .addColumn('mode', 'varchar(16)', (c) => c.notNull())
        .addColumn('display_name', 'varchar(128)', (c) => c.notNull())
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addColumn('ended_at', 'bigint')
        .addColumn('outcome', 'varchar(32)')
        .addColumn('score', 'double precision')
        .execute();
      await db.schema
        .createTable('session_events')
        .addColumn('session_id', 'varchar(64)', (c) => c.notNull().references('sessions.id'))
        .addColumn('n', 'integer', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('type', 'varchar(32)', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('client_msg_id', 'varchar(64)')
        .addColumn('result', 'text')
        .addColumn('effects', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('session_events_pk', ['session_id', 'n'])
        .addUniqueConstraint('session_events_client_msg', ['session_id', 'client_msg_id'])
        .execute();
      await db.schema.createIndex('sessions_started').on('sessions').columns(['started_at']).execute();
    },
  },
  '0002-drills': drillMigration,
  '0003-studio': studioMigration,
  '0004-leases': leaseMigration,
  '0005-drill-runs': drillRunMigration,
  '0006-rules-revision': rulesRevisionMigration,
  '0007-trainer-accounts': trainerAccountsMigration,
  '0008-session-retention': retentionMigration,
  '0009-seat-removed-at': seatRemovedAtMigration,
  '0010-drill-lookups': drillLookupsMigration,
  '0011-drill-takeover': drillTakeoverMigration,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Bring the database to the latest schema; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
