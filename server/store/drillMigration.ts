// Migration 0002: trainer accounts, their login sessions, and drills with their seats and results.
import type { Kysely, Migration } from 'kysely';

export const drillMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('trainers')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('name', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('password_hash', 'varchar(256)', (c) => c.notNull())
      .addColumn('admin', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('trainer_logins')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('trainer_id', 'varchar(64)', (c) => c.notNull().references('trainers.id'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('drills')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('code', 'varchar(6)', (c) => c.notNull())
      .addColumn('trainer_id', 'varchar(64)', (c) => c.notNull().references('trainers.id'))
      .addColumn('scenario_ids', 'text', (c) => c.notNull())
      .addColumn('mode', 'varchar(16)', (c) => c.notNull())
      .addColumn('time_limit_ms', 'bigint')
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('started_at', 'bigint')
      .addColumn('ended_at', 'bigint')
      .addColumn('summary', 'text')
      .addColumn('results', 'text')
      .execute();
    await db.schema.createIndex('drills_trainer').on('drills').columns(['trainer_id', 'created_at']).execute();
    await db.schema
      .createTable('drill_seats')
      .addColumn('drill_id', 'varchar(64)', (c) => c.notNull().references('drills.id'))
      .addColumn('seat_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('display_name', 'varchar(128)', (c) => c.notNull())
      .addColumn('removed', 'integer', (c) => c.notNull())
      .addColumn('joined_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('drill_seats_pk', ['drill_id', 'seat_id'])
      .execute();
    await db.schema
      .createTable('drill_sessions')
      .addColumn('drill_id', 'varchar(64)', (c) => c.notNull().references('drills.id'))
      .addColumn('seat_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('session_id', 'varchar(64)', (c) => c.notNull().references('sessions.id'))
      .addColumn('scenario_id', 'varchar(128)', (c) => c.notNull())
      .addColumn('outcome', 'varchar(32)')
      .addColumn('score', 'double precision')
      .addColumn('report', 'text')
      .addPrimaryKeyConstraint('drill_sessions_pk', ['drill_id', 'seat_id', 'position'])
      .execute();
  },
};
