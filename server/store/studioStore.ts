// The studio's rows: drafts (overwritten on every save) and published versions (insert only; a
// second insert of the same scenario id + version fails on the primary key instead of overwriting).
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { StudioTables } from './studioSchema.ts';

export interface DraftInfo {
  id: string;
  updatedAt: number;
}

export interface PublishedInfo {
  id: string;
  version: number;
  publishedAt: number;
}

export interface PublishedVersion extends PublishedInfo {
  source: string;
  bundle: string;
}

export class StudioStore {
  private readonly db: Kysely<Database & StudioTables>;

  constructor(db: Kysely<Database>) {
    this.db = db.withTables<StudioTables>();
  }

  async drafts(): Promise<DraftInfo[]> {
    const rows = await this.db.selectFrom('studio_drafts').select(['scenario_id', 'updated_at']).orderBy('scenario_id').execute();
    return rows.map((r) => ({ id: r.scenario_id, updatedAt: Number(r.updated_at) }));
  }

  async draft(id: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('studio_drafts').select('source').where('scenario_id', '=', id).executeTakeFirst();
    return row?.source;
  }

  async saveDraft(id: string, source: string, trainerId: string, now: number): Promise<void> {
    await this.db
      .insertInto('studio_drafts')
      .values({ scenario_id: id, source, trainer_id: trainerId, updated_at: now })
      .onConflict((oc) => oc.column('scenario_id').doUpdateSet({ source, trainer_id: trainerId, updated_at: now }))
      .execute();
  }

  /** The newest version of every published scenario. */
  async published(): Promise<PublishedInfo[]> {
    const rows = await this.db
      .selectFrom('studio_versions')
      .select(['scenario_id', (eb) => eb.fn.max('version').as('version'), (eb) => eb.fn.max('published_at').as('published_at')])
      .groupBy('scenario_id')
      .orderBy('scenario_id')
      .execute();
    return rows.map((r) => ({ id: r.scenario_id, version: Number(r.version), publishedAt: Number(r.published_at) }));
  }

  /** The newest version, or the one asked for. */
  async version(id: string, version?: number): Promise<PublishedVersion | undefined> {
    let query = this.db.selectFrom('studio_versions').selectAll().where('scenario_id', '=', id);
    query = version === undefined ? query.orderBy('version', 'desc') : query.where('version', '=', version);
    const row = await query.executeTakeFirst();
    return row && { id: row.scenario_id, version: Number(row.version), publishedAt: Number(row.published_at), source: row.source, bundle: row.bundle };
  }

  async latestVersionNumber(id: string): Promise<number> {
    const row = await this.db.selectFrom('studio_versions').select((eb) => eb.fn.max('version').as('v')).where('scenario_id', '=', id).executeTakeFirst();
    return Number(row?.v ?? 0);
  }

  /** Inserts a new version; false when that version already exists (a concurrent publish won). */
  async publish(row: { id: string; version: number; source: string; bundle: string; trainerId: string; now: number }): Promise<boolean> {
    try {
      await this.db
        .insertInto('studio_versions')
        .values({ scenario_id: row.id, version: row.version, source: row.source, bundle: row.bundle, trainer_id: row.trainerId, published_at: row.now })
        .execute();
      return true;
    } catch (err) {
      if (/unique|duplicate|primary key/i.test(err instanceof Error ? err.message : String(err))) return false;
      throw err;
    }
  }
}
