// Trainer accounts and their cookie logins.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { TrainersTable } from './drillSchema.ts';

export interface Trainer {
  id: string;
  name: string;
  admin: boolean;
}

export interface TrainerLogin {
  id: string;
  trainer: Trainer;
  expiresAt: number;
}

function toTrainer(row: Pick<TrainersTable, 'id' | 'name' | 'admin'>): Trainer {
  return { id: row.id, name: row.name, admin: row.admin === 1 };
}

export class TrainerStore {
  constructor(private readonly db: Kysely<Database>) {}

  async count(): Promise<number> {
    const row = await this.db.selectFrom('trainers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** undefined when the name is taken. */
  async add(name: string, passwordHash: string, admin: boolean, now: number): Promise<Trainer | undefined> {
    const existing = await this.db.selectFrom('trainers').select('id').where('name', '=', name).executeTakeFirst();
    if (existing) return undefined;
    const row = { id: randomUUID(), name, password_hash: passwordHash, admin: admin ? 1 : 0, created_at: now };
    await this.db.insertInto('trainers').values(row).execute();
    return toTrainer(row);
  }

  async byName(name: string): Promise<(Trainer & { passwordHash: string }) | undefined> {
    const row = await this.db.selectFrom('trainers').selectAll().where('name', '=', name).executeTakeFirst();
    return row ? { ...toTrainer(row), passwordHash: row.password_hash } : undefined;
  }

  async byId(id: string): Promise<Trainer | undefined> {
    const row = await this.db.selectFrom('trainers').select(['id', 'name', 'admin']).where('id', '=', id).executeTakeFirst();
    return row ? toTrainer(row) : undefined;
  }

  async createLogin(trainerId: string, now: number, ttlMs: number): Promise<string> {
    const id = randomUUID();
    await this.db.insertInto('trainer_logins').values({ id, trainer_id: trainerId, created_at: now, expires_at: now + ttlMs }).execute();
    return id;
  }

  /** The login and its trainer, if it exists and has not expired. */
  async login(id: string, now: number): Promise<TrainerLogin | undefined> {
    const row = await this.db
      .selectFrom('trainer_logins')
      .innerJoin('trainers', 'trainers.id', 'trainer_logins.trainer_id')
      .select(['trainer_logins.id as loginId', 'trainer_logins.expires_at', 'trainers.id', 'trainers.name', 'trainers.admin'])
      .where('trainer_logins.id', '=', id)
      .executeTakeFirst();
    if (!row || row.expires_at <= now) return undefined;
    return { id: row.loginId, trainer: toTrainer(row), expiresAt: row.expires_at };
  }

  /** Which of `ids` name logins that still exist and have not expired (logout deletes the row). */
  async liveLogins(ids: readonly string[], now: number): Promise<Set<string>> {
    const live = new Set<string>();
    // In chunks: a statement's parameters are limited (SQLite: 32,766; PostgreSQL: 65,535).
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db
        .selectFrom('trainer_logins')
        .select('id')
        .where('id', 'in', ids.slice(i, i + 500))
        .where('expires_at', '>', now)
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
