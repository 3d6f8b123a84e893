// Tables of the trainer studio (migration 0003), as Kysely sees them. Times are epoch ms.

export interface StudioDraftsTable {
  scenario_id: string;
  /** the YAML as the trainer last saved it, comments and all */
  source: string;
  trainer_id: string;
  updated_at: number;
}

export interface StudioVersionsTable {
  scenario_id: string;
  version: number;
  source: string;
  /** the checked Bundle JSON (scenario + shop + lexicon) a session plays */
  bundle: string;
  trainer_id: string;
  published_at: number;
}

// a type alias, not an interface: Kysely's withTables() wants an index-compatible record
export type StudioTables = {
  studio_drafts: StudioDraftsTable;
  studio_versions: StudioVersionsTable;
};
