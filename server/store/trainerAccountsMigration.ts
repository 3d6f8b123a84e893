// Migration 0007: trainer account management. `disabled` (1: the account may not log in, and its
// logins were ended) and `last_login_at` (shown in the admins' list) on trainers; an index so the
// logins of one trainer can be ended together (disable, password reset or change).
import type { Kysely, Migration } from 'kysely';

export const trainerAccountsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('trainers')
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('trainers').addColumn('last_login_at', 'bigint').execute();
    await db.schema.createIndex('trainer_logins_trainer').on('trainer_logins').columns(['trainer_id']).execute();
  },
};
