// Tables of trainer accounts and drills (migration 0002), as Kysely sees them. Times are epoch ms.

export interface TrainersTable {
  id: string;
  name: string;
  /** `scrypt$N$r$p$<salt b64url>$<hash b64url>` */
  password_hash: string;
  /** 1: may add trainers */
  admin: number;
  created_at: number;
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

export interface DrillTables {
  trainers: TrainersTable;
  trainer_logins: TrainerLoginsTable;
  drills: DrillsTable;
  drill_seats: DrillSeatsTable;
  drill_sessions: DrillSessionsTable;
}
