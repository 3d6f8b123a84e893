// Migration 0003: the trainer studio. Drafts are one editable row per scenario id; published
// versions are separate rows that are only ever inserted (the key makes a version immutable).
import type { Kysely, Migration } from 'kysely';

export const studioMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('studio_drafts')
      .addColumn('scenario_id', 'varchar(128)', (c) => c.primaryKey())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('trainer_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('studio_versions')
      .addColumn('scenario_id', 'varchar(128)', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('bundle', 'text', (c) => c.notNull())
      .addColumn('trainer_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('published_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('studio_versions_pk', ['scenario_id', 'version'])
      .execute();
  },
};
