// Tables of trainer accounts and drills (migration 0002), as Kysely sees them. Times are epoch ms.
import type { Generated } from 'kysely';

export interface TrainersTable {
  id: string;
  name: string;
  /** `scrypt$N$r$p$<salt b64url>$<hash b64url>` */
  password_hash: string;
  /** 1: may add trainers */
  admin: number;
  created_at: number;
  /** 1: may not log in (migration 0007) */
  disabled: number;
  last_login_at: number | null;
}

/** A trainer's cookie session: deleted on logout, dead after expires_at. */
export interface TrainerLoginsTable {
  id: string;
  trainer_id: string;
  created_at: number;
  expires_at: number;
}

export interface DrillsTable {
  id: string;
  code: string;
  trainer_id: string;
  /** JSON array of scenario ids, played in order */
  scenario_ids: string;
  mode: string;
  time_limit_ms: number | null;
  status: string;
  created_at: number;
  started_at: number | null;
  ended_at: number | null;
  /** the ClassSummary JSON and the seat count, for the history list */
  summary: string | null;
  /** the DrillResults JSON, written when the drill ends */
  results: string | null;
}

export interface DrillSeatsTable {
  drill_id: string;
  seat_id: string;
  display_name: string;
  removed: number;
  /** drill time of the removal (migration 0009); null when not removed, or removed before 0009 */
  removed_at: number | null;
  /** removals by the trainer so far (migration 0011): above 0 on a seat not removed now, it was let back in */
  removals: Generated<number>;
  joined_at: number;
}

/** The practice sessions a seat played, in sequence order, with their reports once ended. */
export interface DrillSessionsTable {
  drill_id: string;
  seat_id: string;
  position: number;
  session_id: string;
  scenario_id: string;
  outcome: string | null;
  score: number | null;
  report: string | null;
}

/**
 * A drill while it runs (migration 0005-drill-runs): what a node needs, with the seats and the
 * session logs, to rebuild it. Which node runs it is its lease (`leases`, kind 'drill').
 */
export interface DrillRunsTable {
  drill_id: string;
  /** JSON [{id, version}]: the scenario versions the drill opened with, in sequence order */
  scenarios: string;
  /** lobby, running, paused, or ending (the end began: a new owner finishes it) */
  status: string;
  locked: number;
  /** the drill clock (wall time less pauses) at the last checkpoint */
  clock_ms: number;
  /** the drill clock when the drill started */
  started_clock: number | null;
  /** the buyer move of a class-wide reveal, and its scenario */
  frozen_at: string | null;
  frozen_scenario: string | null;
  /** what ended a drill checkpointed as 'ending': 'trainer' or 'time' (migration 0011); null otherwise */
  ended_by: string | null;
}

export interface DrillTables {
  drill_runs: DrillRunsTable;
  trainers: TrainersTable;
  trainer_logins: TrainerLoginsTable;
  drills: DrillsTable;
  drill_seats: DrillSeatsTable;
  drill_sessions: DrillSessionsTable;
}
