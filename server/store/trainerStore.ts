// Trainer accounts and their cookie logins.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';
import type { Database } from './schema.ts';
import type { TrainersTable } from './drillSchema.ts';

export interface Trainer {
  id: string;
  name: string;
  admin: boolean;
}

/** A row of the admins' list of trainers (never the password hash). */
export interface TrainerListItem extends Trainer {
  disabled: boolean;
  createdAt: number;
  /** when the trainer last logged in; null: never (or not since this was recorded) */
  lastLoginAt: number | null;
}

/** What came of disabling or enabling a trainer. */
export type DisableOutcome = 'done' | 'no-such-trainer' | 'last-admin';

export interface TrainerLogin {
  id: string;
  trainer: Trainer;
  expiresAt: number;
}

function toTrainer(row: Pick<TrainersTable, 'id' | 'name' | 'admin'>): Trainer {
  return { id: row.id, name: row.name, admin: row.admin === 1 };
}

export class TrainerStore {
  private readonly postgres: boolean;

  constructor(private readonly db: Kysely<Database>) {
    this.postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('trainers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** undefined when the name is taken. */
  async add(name: string, passwordHash: string, admin: boolean, now: number): Promise<Trainer | undefined> {
    const existing = await this.db.selectFrom('trainers').select('id').where('name', '=', name).executeTakeFirst();
    if (existing) return undefined;
    const row = { id: randomUUID(), name, password_hash: passwordHash, admin: admin ? 1 : 0, created_at: now, disabled: 0, last_login_at: null };
    await this.db.insertInto('trainers').values(row).execute();
    return toTrainer(row);
  }

  async byName(name: string): Promise<(Trainer & { passwordHash: string; disabled: boolean }) | undefined> {
    const row = await this.db.selectFrom('trainers').selectAll().where('name', '=', name).executeTakeFirst();
    return row ? { ...toTrainer(row), passwordHash: row.password_hash, disabled: row.disabled === 1 } : undefined;
  }

  async passwordHashOf(id: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('trainers').select('password_hash').where('id', '=', id).executeTakeFirst();
    return row?.password_hash;
  }

  /** Every trainer, by name, for the admins' list. */
  async list(): Promise<TrainerListItem[]> {
    const rows = await this.db.selectFrom('trainers').select(['id', 'name', 'admin', 'disabled', 'created_at', 'last_login_at']).orderBy('name').execute();
    return rows.map((row) => ({ ...toTrainer(row), disabled: row.disabled === 1, createdAt: Number(row.created_at), lastLoginAt: row.last_login_at === null ? null : Number(row.last_login_at) }));
  }

  /**
   * Disables (or enables) a trainer. Disabling an enabled admin is refused when no other enabled
   * admin would be left: the check and the change are one transaction that first locks the enabled
   * admins' rows (on PostgreSQL; SQLite runs one write transaction at a time anyway), so two admins
   * disabling each other at once cannot lock everybody out.
   */
  async setDisabled(id: string, disabled: boolean): Promise<DisableOutcome> {
    return this.db.transaction().execute(async (trx) => {
      const admins = trx.selectFrom('trainers').select('id').where('admin', '=', 1).where('disabled', '=', 0);
      const enabledAdmins = (await (this.postgres ? admins.forUpdate() : admins).execute()).map((r) => r.id);
      const target = await trx.selectFrom('trainers').select(['admin', 'disabled']).where('id', '=', id).executeTakeFirst();
      if (!target) return 'no-such-trainer';
      if (disabled && target.admin === 1 && target.disabled === 0 && !enabledAdmins.some((other) => other !== id)) return 'last-admin';
      await trx.updateTable('trainers').set({ disabled: disabled ? 1 : 0 }).where('id', '=', id).execute();
      return 'done';
    });
  }

  /** false: no such trainer. */
  async setPasswordHash(id: string, passwordHash: string): Promise<boolean> {
    const result = await this.db.updateTable('trainers').set({ password_hash: passwordHash }).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Ends every login of the trainer except `keep`; returns the ids of those ended. */
  async deleteLoginsOf(trainerId: string, keep?: string): Promise<string[]> {
    let query = this.db.deleteFrom('trainer_logins').where('trainer_id', '=', trainerId);
    if (keep !== undefined) query = query.where('id', '<>', keep);
    return (await query.returning('id').execute()).map((row) => row.id);
  }

  async byId(id: string): Promise<Trainer | undefined> {
    const row = await this.db.selectFrom('trainers').select(['id', 'name', 'admin']).where('id', '=', id).executeTakeFirst();
    return row ? toTrainer(row) : undefined;
  }

  /**
   * A new login of the trainer, made only while `checkedHash` (the hash the password was checked
   * against) is still theirs and the account is enabled; else undefined, and no login. The row is
   * written first and the trainer read after: a new password (or disabling) committed before that
   * read is seen there and the row deleted again; one committed after it is followed by its own
   * deletion of the trainer's logins (TrainerAuth.setPassword / setDisabled), which finds the row.
   * Either way no login with the old password outlives the change.
   */
  async createLogin(trainerId: string, checkedHash: string, now: number, ttlMs: number): Promise<string | undefined> {
    const id = randomUUID();
    await this.db.insertInto('trainer_logins').values({ id, trainer_id: trainerId, created_at: now, expires_at: now + ttlMs }).execute();
    const still = await this.db.selectFrom('trainers').select('id').where('id', '=', trainerId).where('password_hash', '=', checkedHash).where('disabled', '=', 0).executeTakeFirst();
    if (!still) {
      await this.deleteLogin(id);
      return undefined;
    }
    await this.db.updateTable('trainers').set({ last_login_at: now }).where('id', '=', trainerId).execute();
    return id;
  }

  /** The login and its trainer, if it exists, has not expired and the trainer is not disabled. */
  async login(id: string, now: number): Promise<TrainerLogin | undefined> {
    const row = await this.db
      .selectFrom('trainer_logins')
      .innerJoin('trainers', 'trainers.id', 'trainer_logins.trainer_id')
      .select(['trainer_logins.id as loginId', 'trainer_logins.expires_at', 'trainers.id', 'trainers.name', 'trainers.admin'])
      .where('trainer_logins.id', '=', id)
      // A login made in the moment a trainer was disabled (its password checked just before) is no good either.
      .where('trainers.disabled', '=', 0)
      .executeTakeFirst();
    if (!row || row.expires_at <= now) return undefined;
    return { id: row.loginId, trainer: toTrainer(row), expiresAt: row.expires_at };
  }

  /** Which of `ids` name logins that still exist, have not expired and whose trainer is enabled (logout deletes the row). */
  async liveLogins(ids: readonly string[], now: number): Promise<Set<string>> {
    const live = new Set<string>();
    // In chunks: a statement's parameters are limited (SQLite: 32,766; PostgreSQL: 65,535).
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db
        .selectFrom('trainer_logins')
        .innerJoin('trainers', 'trainers.id', 'trainer_logins.trainer_id')
        .select('trainer_logins.id')
        .where('trainer_logins.id', 'in', ids.slice(i, i + 500))
        .where('trainer_logins.expires_at', '>', now)
        .where('trainers.disabled', '=', 0)
        .execute();
      for (const row of rows) live.add(row.id);
    }
    return live;
  }

  async deleteLogin(id: string): Promise<void> {
    await this.db.deleteFrom('trainer_logins').where('id', '=', id).execute();
  }

  /** Forget expired logins (called now and then). */
  async purgeExpired(now: number): Promise<void> {
    await this.db.deleteFrom('trainer_logins').where('expires_at', '<=', now).execute();
  }
}
