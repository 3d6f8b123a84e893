// Trainer accounts and classroom drills on an app: the stores, the `/drill` Socket.IO namespace and
// the trainer HTTP routes, wired together. Kept out of app.ts so the practice wiring reads alone.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { trainerRoutes } from './trainerRoutes.ts';
import { TrainerAuth } from './trainerAuth.ts';
import { DRILL_NAMESPACE } from '../protocol/index.ts';
import { attachDrillGateway } from '../runtime/drills/drillGateway.ts';
import { DEFAULT_DRILL_LOBBY_TTL_HOURS, DEFAULT_LEASE_TTL_MS, DEFAULT_DRILL_MAX_SEATS } from '../runtime/config.ts';
import { DrillManager } from '../runtime/drills/drillManager.ts';
import type { DrillNamespace } from '../runtime/drills/drillRooms.ts';
import { drillOutbox } from '../runtime/drills/drillRooms.ts';
import { TappedSessionLog } from '../runtime/drills/tappedLog.ts';
import type { AppServer } from '../runtime/gateway.ts';
import type { ScenarioCatalog } from '../runtime/scenarioCatalog.ts';
import type { Scheduler } from '../runtime/scheduler.ts';
import type { GuessLimits } from '../runtime/guessLimits.ts';
import type { TrustProxy } from '../runtime/clientAddress.ts';
import type { RateLimit } from '../runtime/socketGuard.ts';
import { DrillRunStore } from '../store/drillRunStore.ts';
import { DrillStore } from '../store/drillStore.ts';
import { LeaseStore } from '../store/leases.ts';
import type { Database } from '../store/schema.ts';
import { TrainerStore } from '../store/trainerStore.ts';

export interface DrillWiringDeps {
  db: Kysely<Database>;
  catalog: ScenarioCatalog;
  scheduler: Scheduler;
  secret: string;
  logger: Logger;
  speed: number;
  rateLimit: RateLimit;
  allowedOrigins: readonly string[];
  publicUrl: string | undefined;
  secureCookies: boolean;
  /** this process among the nodes (the owner named in its leases); a new random one if not given */
  nodeId?: string | undefined;
  /** how long a drill lease lasts without a heartbeat (LEASE_TTL_MS's default if not given) */
  leaseTtlMs?: number | undefined;
  /** seats a drill may have (DRILL_MAX_SEATS's default if not given) */
  maxSeats?: number | undefined;
  /** how long a lobby may wait unstarted before it is cancelled, ms (DRILL_LOBBY_TTL_HOURS's default if not given) */
  lobbyTtlMs?: number | undefined;
  /** the login and join-code guessing limits (server/runtime/guessLimits.ts); in memory if not given */
  guessLimits?: GuessLimits | undefined;
  /** whose X-Forwarded-For names the client of the per-address limits (TRUST_PROXY); off if not given */
  trustProxy?: TrustProxy | undefined;
}

export interface Drills {
  manager: DrillManager;
  auth: TrainerAuth;
  store: DrillStore;
  /** the session log of drill sessions */
  log: TappedSessionLog;
  routes: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
  /**
   * The seat token's seat played this session: its trainee may read the transcript and report. A
   * seat the trainer removed keeps this (it is the trainee's own work); it only loses the seat.
   */
  seatHolds: (seatToken: string, sessionId: string) => Promise<boolean>;
  /** the seat's drill is not over yet (its exam results are held back until it is) */
  seatResultsHeld: (seatToken: string) => Promise<boolean>;
}

export function attachDrills(io: AppServer, deps: DrillWiringDeps): Drills {
  const now = () => deps.scheduler.now();
  const auth = new TrainerAuth(new TrainerStore(deps.db), deps.secret, now, deps.secureCookies);
  const store = new DrillStore(deps.db);
  const log = new TappedSessionLog(deps.db);
  // The namespace speaks the drill protocol, not the practice server's: its own event maps.
  const nsp = io.of(DRILL_NAMESPACE) as unknown as DrillNamespace;
  const leases = new LeaseStore(deps.db, deps.nodeId ?? `node-${randomUUID()}`);
  const manager = new DrillManager({
    wall: deps.scheduler,
    log,
    catalog: deps.catalog,
    store,
    logger: deps.logger,
    speed: deps.speed,
    secret: deps.secret,
    outbox: drillOutbox(nsp),
    publicUrl: deps.publicUrl,
    runs: new DrillRunStore(deps.db),
    leases,
    leaseMs: deps.leaseTtlMs ?? DEFAULT_LEASE_TTL_MS,
    maxSeats: deps.maxSeats ?? DEFAULT_DRILL_MAX_SEATS,
    lobbyTtlMs: deps.lobbyTtlMs ?? DEFAULT_DRILL_LOBBY_TTL_HOURS * 3_600_000,
  });
  attachDrillGateway(nsp, {
    drills: manager,
    store,
    trainerFromCookie: (header) => auth.fromCookieHeader(header),
    loginValid: (loginId, expiresAt) => auth.stillValid(loginId, expiresAt),
    onLoginEnded: (listener) => auth.onLoginEnded(listener),
    logger: deps.logger,
    rateLimit: deps.rateLimit,
    now,
    schedule: (at, fn) => deps.scheduler.schedule(at, fn),
    joinBudget: deps.guessLimits?.joinCodes,
    trustProxy: deps.trustProxy,
  });
  const routes = trainerRoutes({ auth, drills: manager, store, logger: deps.logger, allowedOrigins: deps.allowedOrigins, now, limits: deps.guessLimits?.login, trustProxy: deps.trustProxy });
  const seatHolds = async (seatToken: string, sessionId: string) => {
    const seat = manager.seatTokens.verify(seatToken);
    return seat !== undefined && (await store.seatHasSession(seat.drillId, seat.seatId, sessionId));
  };
  // The drill in memory knows first that it ended (its last reports follow that); else the store.
  const seatResultsHeld = async (seatToken: string) => {
    const seat = manager.seatTokens.verify(seatToken);
    if (!seat) return false;
    const status = manager.get(seat.drillId)?.status ?? (await store.statusOf(seat.drillId))?.status;
    return status !== 'ended' && status !== 'cancelled';
  };
  return { manager, auth, store, log, routes, seatHolds, seatResultsHeld };
}
