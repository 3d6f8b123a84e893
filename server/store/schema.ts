// Tables of the session log, as Kysely sees them. Times are epoch milliseconds (bigint columns);
// JSON is stored as text so the same queries run on SQLite and PostgreSQL.
import type { DrillTables } from './drillSchema.ts';

export interface ScenarioBundlesTable {
  /** sha-256 of the bundle JSON: a session replays against exactly what it was started with */
  hash: string;
  scenario_id: string;
  version: number;
  bundle: string;
  created_at: number;
  /** when a node last (re)saved it for a new session (migration 0008); null: only created_at */
  used_at: number | null;
}

export interface SessionsTable {
  id: string;
  scenario_id: string;
  scenario_version: number;
  bundle_hash: string;
  seed: number;
  speed: number;
  mode: string;
  display_name: string;
  started_at: number;
  /** set in the same transaction as the `end` event */
  ended_at: number | null;
  outcome: string | null;
  score: number | null;
  /** the rubric revision the session is scored by (server/engine/session/rulesRevision.ts) */
  rules_revision: number;
}

/**
 * The log: one row per inbound event (trainee events and the runtime's ticks, n = 1, 2, ...) with
 * every effect it had, written in one statement; row n = 0 holds the effects of the start.
 */
export interface SessionEventsTable {
  session_id: string;
  n: number;
  at: number;
  type: string;
  payload: string;
  client_msg_id: string | null;
  /** the answer the client got, returned again for a retry of the same client_msg_id */
  result: string | null;
  /**
   * The server events it produced, as a JSON array of {k, dueAt, kind, payload}: k counts on from the
   * previous row's. A client sees them in (dueAt, k) order; its sequence number is that rank.
   */
  effects: string;
}

/** Who runs a session or a drill now (migration 0004, server/store/leases.ts). */
export interface LeasesTable {
  /** 'session' or 'drill' */
  kind: string;
  id: string;
  /** a node id; '' once released */
  owner: string;
  /** grows by one on every change of owner: a write carrying an older one is refused */
  epoch: number;
  /** the owner's heartbeat keeps this ahead of now; past it, another node may take over */
  expires_at: number;
  /** when the owner has something to do next (a buyer line due, a silence deadline); null: nothing */
  wake_at: number | null;
}

export interface Database extends DrillTables {
  leases: LeasesTable;
  scenario_bundles: ScenarioBundlesTable;
  sessions: SessionsTable;
  session_events: SessionEventsTable;
}
