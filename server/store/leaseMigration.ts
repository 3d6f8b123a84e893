// Migration 0004: leases. A session (or a drill) is run by one node at a time: the row names the
// owner node and an epoch that grows on every change of owner; writes to the log are fenced by it.
import type { Kysely, Migration } from 'kysely';

export const leaseMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('leases')
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('id', 'varchar(64)', (c) => c.notNull())
      .addColumn('owner', 'varchar(128)', (c) => c.notNull())
      .addColumn('epoch', 'integer', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('wake_at', 'bigint')
      .addPrimaryKeyConstraint('leases_pk', ['kind', 'id'])
      .execute();
    // The heartbeat renews by owner; the sweeper looks for expired leases with work due.
    await db.schema.createIndex('leases_owner').on('leases').columns(['owner']).execute();
    await db.schema.createIndex('leases_expiry').on('leases').columns(['kind', 'expires_at']).execute();
  },
};
