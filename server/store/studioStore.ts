// The studio's rows: drafts (saved over, but only by someone who saw the current text) and published
// versions (insert only; a second insert of the same scenario id + version fails on the primary key
// instead of overwriting). A draft's revision is a hash of its text, so an edit conflict needs no
// extra column: a save names the revision it started from, and the update only matches that text.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { StudioTables } from './studioSchema.ts';
import { titleOf } from './studioTitle.ts';
import type { DraftTitle } from './studioTitle.ts';

export interface DraftInfo {
  id: string;
  updatedAt: number;
  /** the title the draft declares (the list shows it), when it has one */
  title?: DraftTitle;
}

/** The current draft with who saved it last, for an editor and for a conflict answer. */
export interface DraftRow extends DraftInfo {
  source: string;
  revision: string;
  savedBy: string;
}

export interface PublishedInfo {
  id: string;
  version: number;
  publishedAt: number;
}

export interface VersionInfo extends PublishedInfo {
  publishedBy: string;
}

export interface PublishedVersion extends VersionInfo {
  source: string;
  bundle: string;
}

/**
 * What a save expects to find: `new` (no draft yet: a create must not replace someone's draft), a
 * revision it was based on, or `any` (the trainer chose to overwrite whatever is there).
 */
export type DraftBase = { kind: 'new' } | { kind: 'revision'; revision: string } | { kind: 'any' };

/** Short enough to read in a URL or a log line; a collision would need two drafts of one scenario. */
export function draftRevision(source: string): string {
  return createHash('sha256').update(source).digest('hex').slice(0, 24);
}

export class StudioStore {
  private readonly db: Kysely<Database & StudioTables>;

  constructor(db: Kysely<Database>) {
    this.db = db.withTables<StudioTables>();
  }

  async drafts(): Promise<DraftInfo[]> {
    const rows = await this.db.selectFrom('studio_drafts').select(['scenario_id', 'updated_at', 'source']).orderBy('scenario_id').execute();
    return rows.map((r) => {
      const title = titleOf(r.source);
      return { id: r.scenario_id, updatedAt: Number(r.updated_at), ...(title ? { title } : {}) };
    });
  }

  async draft(id: string): Promise<string | undefined> {
    return (await this.draftRow(id))?.source;
  }

  async draftRow(id: string): Promise<DraftRow | undefined> {
    const row = await this.db
      .selectFrom('studio_drafts as d')
      .leftJoin('trainers as t', 't.id', 'd.trainer_id')
      .select(['d.source', 'd.updated_at', 'd.trainer_id', 't.name'])
      .where('d.scenario_id', '=', id)
      .executeTakeFirst();
    return row && { id, source: row.source, updatedAt: Number(row.updated_at), revision: draftRevision(row.source), savedBy: row.name ?? row.trainer_id };
  }

  /** Saves unless the draft moved on from `base` (then false, and nothing changes). */
  async saveDraft(id: string, source: string, trainerId: string, now: number, base: DraftBase = { kind: 'any' }): Promise<boolean> {
    const values = { source, trainer_id: trainerId, updated_at: now };
    if (base.kind === 'any') {
      await this.db.insertInto('studio_drafts').values({ scenario_id: id, ...values }).onConflict((oc) => oc.column('scenario_id').doUpdateSet(values)).execute();
      return true;
    }
    if (base.kind === 'new') {
      const inserted = await this.db.insertInto('studio_drafts').values({ scenario_id: id, ...values }).onConflict((oc) => oc.column('scenario_id').doNothing()).executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
    }
    // Compare-and-set on the text the revision names: atomic on both backends, no lock held.
    const current = await this.draftRow(id);
    if (!current || current.revision !== base.revision) return false;
    const updated = await this.db.updateTable('studio_drafts').set(values).where('scenario_id', '=', id).where('source', '=', current.source).executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }

  /** Deletes the draft if it is still at `revision`; published versions stay (sessions and drills name them). */
  async deleteDraft(id: string, revision: string): Promise<boolean> {
    const current = await this.draftRow(id);
    if (!current || current.revision !== revision) return false;
    const deleted = await this.db.deleteFrom('studio_drafts').where('scenario_id', '=', id).where('source', '=', current.source).executeTakeFirst();
    return Number(deleted.numDeletedRows) === 1;
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

  /** Every published version of one scenario, newest first, without the texts. */
  async versions(id: string): Promise<VersionInfo[]> {
    const rows = await this.db
      .selectFrom('studio_versions as v')
      .leftJoin('trainers as t', 't.id', 'v.trainer_id')
      .select(['v.version', 'v.published_at', 'v.trainer_id', 't.name'])
      .where('v.scenario_id', '=', id)
      .orderBy('v.version', 'desc')
      .execute();
    return rows.map((r) => ({ id, version: Number(r.version), publishedAt: Number(r.published_at), publishedBy: r.name ?? r.trainer_id }));
  }

  /** The newest version, or the one asked for. */
  async version(id: string, version?: number): Promise<PublishedVersion | undefined> {
    let query = this.db
      .selectFrom('studio_versions as v')
      .leftJoin('trainers as t', 't.id', 'v.trainer_id')
      .select(['v.scenario_id', 'v.version', 'v.published_at', 'v.source', 'v.bundle', 'v.trainer_id', 't.name'])
      .where('v.scenario_id', '=', id);
    query = version === undefined ? query.orderBy('v.version', 'desc') : query.where('v.version', '=', version);
    const row = await query.executeTakeFirst();
    return (
      row && {
        id: row.scenario_id,
        version: Number(row.version),
        publishedAt: Number(row.published_at),
        publishedBy: row.name ?? row.trainer_id,
        source: row.source,
        bundle: row.bundle,
      }
    );
  }

  async latestVersionNumber(id: string): Promise<number> {
    const row = await this.db.selectFrom('studio_versions').select((eb) => eb.fn.max('version').as('v')).where('scenario_id', '=', id).executeTakeFirst();
    return Number(row?.v ?? 0);
  }

  /** Whether the studio has this scenario at all (a draft or a published version). */
  async owns(id: string): Promise<boolean> {
    if ((await this.draftRow(id)) !== undefined) return true;
    return (await this.latestVersionNumber(id)) > 0;
  }

  /** Whether `text` is, byte for byte, one of this scenario's published versions (an earlier export). */
  async isPublishedText(id: string, text: string): Promise<boolean> {
    const row = await this.db.selectFrom('studio_versions').select('version').where('scenario_id', '=', id).where('source', '=', text).executeTakeFirst();
    return row !== undefined;
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
