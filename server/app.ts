// The application on an existing HTTP server: HTTP routes, Socket.IO with the session gateway, the
// session registry. `createApplication(httpServer, deps)` lets tests run a real server on port 0.
import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { ServerOptions } from 'socket.io';
import { Server } from 'socket.io';
import { createHttpHandler } from './http/routes.ts';
import { allowRequestFrom, refuseForeignOrigins } from './http/origins.ts';
import { staticRoot } from './http/staticFiles.ts';
import { TRANSPORT_MAX_BYTES } from './protocol/index.ts';
import type { AppServer } from './runtime/gateway.ts';
import { attachGateway, broadcastTo, roomOf } from './runtime/gateway.ts';
import { ScenarioCatalog } from './runtime/scenarioCatalog.ts';
import { LeaseKeeper } from './runtime/leaseKeeper.ts';
import { allowRecovery, gateRecovery } from './runtime/recoveryGate.ts';
import type { RecoveredSession } from './runtime/recoveryGate.ts';
import type { Scheduler } from './runtime/scheduler.ts';
import { systemScheduler } from './runtime/scheduler.ts';
import { SessionRegistry } from './runtime/sessionRegistry.ts';
import type { GuessLimits } from './runtime/guessLimits.ts';
import type { RateLimit } from './runtime/socketGuard.ts';
import type { TrustProxy } from './runtime/clientAddress.ts';
import { SessionTokens } from './runtime/tokens.ts';
import type { SessionLog } from './store/sessionLog.ts';
import type { Drills } from './http/drillWiring.ts';
import { attachDrills } from './http/drillWiring.ts';
import { attachStudio } from './http/studioRoutes.ts';
import type { Kysely } from 'kysely';
import { LeaseStore } from './store/leases.ts';
import type { Database } from './store/schema.ts';

export interface AppDeps {
  log: SessionLog;
  scenariosDir: string;
  sessionSecret: string;
  logger: Logger;
  buyerSpeed: number;
  allowedOrigins: readonly string[];
  rateLimit: RateLimit;
  /** dist/client; the app is served only if it holds an index.html */
  staticDir?: string | undefined;
  /** the wall clock and its timers, unless a test drives time */
  scheduler?: Scheduler;
  /** the database: with it, trainer accounts and classroom drills are on */
  db?: Kysely<Database>;
  /** the address trainees open for join links; else the trainer's Host header */
  publicUrl?: string | undefined;
  /** trainer cookies only over HTTPS */
  secureCookies?: boolean;
  /**
   * Several nodes: the Socket.IO adapter they share (server/runtime/redisAdapter.ts). With it,
   * connection state recovery is on (a fast path; replay from the log by sequence number stays the guarantee).
   */
  adapter?: ServerOptions['adapter'];
  /** seats a drill may have (DRILL_MAX_SEATS; its default if not given) */
  drillMaxSeats?: number;
  /** ms a drill may wait in its lobby unstarted before it is cancelled (DRILL_LOBBY_TTL_HOURS; its default if not given) */
  drillLobbyTtlMs?: number;
  /** practice sessions one address may start per window (SESSION_START_LIMIT's default if not given) */
  sessionStartLimit?: RateLimit;
  /**
   * Several nodes: the login and join-code guessing limits they share in Redis (connectRedisGuessLimits
   * in server/runtime/guessLimits.ts); else each node keeps its own in memory. Closed by the caller.
   */
  guessLimits?: GuessLimits;
  /** whose X-Forwarded-For names the client of the per-address limits (TRUST_PROXY, clientAddress.ts); off if not given */
  trustProxy?: TrustProxy;
  /** Sessions run under leases in `db`, owned by this node id (needs `db`). */
  cluster?: { nodeId: string; leaseTtlMs: number };
}

export interface Application {
  io: AppServer;
  registry: SessionRegistry;
  catalog: ScenarioCatalog;
  /** trainer accounts and drills, when the app has a database */
  drills: Drills | undefined;
  /** the leases this node holds, when it runs in a cluster */
  leases: LeaseKeeper | undefined;
  /** Close sockets and the HTTP server, stop timers, wait for pending log writes. */
  close(): Promise<void>;
}

const SWEEP_EVERY_MS = 60_000;
/** Sessions taken over from dead nodes per sweep: a burst is spread over a few sweeps. */
const ORPHANS_PER_SWEEP = 100;
/** How long a disconnected socket may come back with its rooms (recovery); later, it resumes by token. */
const RECOVERY_WINDOW_MS = 2 * 60_000;

export function createApplication(httpServer: HttpServer, deps: AppDeps): Application {
  const scheduler = deps.scheduler ?? systemScheduler;
  const logger = deps.logger;
  const tokens = new SessionTokens(deps.sessionSecret);
  const leases = deps.cluster && deps.db ? new LeaseKeeper({ store: new LeaseStore(deps.db, deps.cluster.nodeId), ttlMs: deps.cluster.leaseTtlMs, now: () => scheduler.now(), logger: logger.child({ part: 'leases' }) }) : undefined;
  const catalog = new ScenarioCatalog(deps.scenariosDir, deps.log, logger.child({ part: 'scenarios' }), () => scheduler.now());
  const registry = new SessionRegistry({
    log: deps.log,
    catalog,
    scheduler,
    tokens,
    logger: logger.child({ part: 'sessions' }),
    speed: deps.buyerSpeed,
    // `io` is declared below; sessions only broadcast once they run, after the wiring is done.
    broadcast: (sessionId, event, except) => broadcastTo(io, deps.adapter !== undefined, sessionId, event, except),
    leases,
  });
  // The handler is registered before Socket.IO (which wraps the request listeners and keeps /socket.io/
  // for itself); drill routes are filled in once the drill namespace exists.
  let drills: Drills | undefined;
  let studio: ((req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>) | undefined;
  httpServer.on(
    'request',
    createHttpHandler({
      registry,
      catalog,
      tokens,
      logger: logger.child({ part: 'http' }),
      allowedOrigins: deps.allowedOrigins,
      staticRoot: staticRoot(deps.staticDir),
      extra: async (req, res, url) => (await studio?.(req, res, url)) || (drills?.routes(req, res, url) ?? false),
      isTrainer: async (req) => (await drills?.auth.fromCookieHeader(req.headers.cookie)) !== undefined,
      // A drill trainee's chat carries its seat token, not a session token.
      seatHolds: async (seatToken, sessionId) => (await drills?.seatHolds(seatToken, sessionId)) === true,
      seatResultsHeld: async (seatToken) => (await drills?.seatResultsHeld(seatToken)) === true,
    }),
  );
  const io: AppServer = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: TRANSPORT_MAX_BYTES,
    allowRequest: allowRequestFrom(deps.allowedOrigins),
    ...(deps.allowedOrigins.length > 0 ? { cors: { origin: [...deps.allowedOrigins] } } : {}),
    ...(deps.adapter ? { adapter: deps.adapter, connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS, skipMiddlewares: true } } : {}),
  });
  // Every namespace refuses recovery unless its owner allows it; the practice one allows a socket back
  // into the rooms of the sessions it had opened with valid tokens (they are never revoked).
  io.on('new_namespace', (nsp) => gateRecovery(nsp));
  allowRecovery(io.of('/'), practiceRecoveryCheck);
  io.engine.use(refuseForeignOrigins(deps.allowedOrigins));
  attachGateway(io, { registry, tokens, logger: logger.child({ part: 'socket' }), rateLimit: deps.rateLimit, ...(deps.sessionStartLimit ? { startLimit: deps.sessionStartLimit } : {}), now: () => scheduler.now(), trustProxy: deps.trustProxy });
  if (deps.db) {
    drills = attachDrills(io, {
      db: deps.db,
      catalog,
      scheduler,
      secret: deps.sessionSecret,
      logger: logger.child({ part: 'drills' }),
      speed: deps.buyerSpeed,
      rateLimit: deps.rateLimit,
      allowedOrigins: deps.allowedOrigins,
      publicUrl: deps.publicUrl,
      secureCookies: deps.secureCookies ?? false,
      // Drills take their leases as this node too (kind 'drill' in the same table).
      nodeId: deps.cluster?.nodeId,
      leaseTtlMs: deps.cluster?.leaseTtlMs,
      maxSeats: deps.drillMaxSeats,
      lobbyTtlMs: deps.drillLobbyTtlMs,
      guessLimits: deps.guessLimits,
      trustProxy: deps.trustProxy,
    });
    studio = attachStudio({ db: deps.db, auth: drills.auth, catalog, dir: deps.scenariosDir, logger: logger.child({ part: 'studio' }), allowedOrigins: deps.allowedOrigins, now: () => scheduler.now() });
  }
  const sweeper = setInterval(() => {
    registry.sweep(scheduler.now());
    drills?.manager.sweep(scheduler.now());
  }, SWEEP_EVERY_MS);
  sweeper.unref();
  const orphanSweeper = leases ? sweepOrphans(leases, registry, logger) : undefined;
  if (leases && deps.adapter) announceTakeovers(io, leases);
  leases?.start();
  return {
    io,
    registry,
    catalog,
    drills,
    leases,
    async close() {
      clearInterval(sweeper);
      clearInterval(orphanSweeper);
      leases?.stop();
      registry.dispose();
      // Timers stop now; the drill leases are handed on (stored) before the database closes.
      const drillsHandedOn = drills?.manager.close();
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      await deps.log.flush();
      await drills?.log.flush();
      await leases?.handOffAll();
      await drillsHandedOn;
    },
  };
}

/**
 * Through the adapter, a node that takes a lease tells the others at once, so the one that held it
 * drops its copy (and its timers) now rather than at its next heartbeat; the fence guarantees
 * correctness either way, this only shortens the overlap. Not part of the typed client protocol.
 */
function announceTakeovers(io: AppServer, leases: LeaseKeeper): void {
  const servers = io as unknown as { serverSideEmit(event: string, ...args: unknown[]): boolean; on(event: string, listener: (...args: unknown[]) => void): unknown };
  leases.onTaken((lease) => servers.serverSideEmit(LEASE_TAKEN, lease.kind, lease.id, lease.epoch));
  servers.on(LEASE_TAKEN, (kind, id, epoch) => {
    if ((kind === 'session' || kind === 'drill') && typeof id === 'string' && typeof epoch === 'number') leases.takenElsewhere(kind, id, epoch);
  });
}

const LEASE_TAKEN = 'lease:taken';

/** A restored practice socket holds session rooms only, each of a session in its (token-checked) list. */
function practiceRecoveryCheck(session: RecoveredSession): boolean {
  const data = session.data as { sessions?: unknown } | undefined;
  const sessions = data?.sessions;
  if (!Array.isArray(sessions) || !sessions.every((id) => typeof id === 'string')) return false;
  const rooms = new Set([session.sid, ...sessions.map((id: string) => roomOf(id))]);
  return session.rooms.every((room) => rooms.has(room));
}

/**
 * Every half TTL: sessions whose node stopped renewing their lease while a buyer line or a silence
 * deadline was pending are taken over here and run from the log, so a dead node's buyers still
 * nudge and leave on time. Each orphan goes to one node (the take-over is a compare-and-set).
 */
function sweepOrphans(leases: LeaseKeeper, registry: SessionRegistry, logger: Logger): ReturnType<typeof setInterval> {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    leases
      .takeOrphans('session', ORPHANS_PER_SWEEP)
      .then((won) => Promise.allSettled(won.map(({ id, epoch }) => registry.adopt(id, epoch))))
      .then((adopted) => {
        const failed = adopted.filter((a) => a.status === 'rejected').length;
        if (adopted.length > 0) logger.info({ adopted: adopted.length, failed }, 'took over sessions of a node that stopped');
      })
      .catch((err: unknown) => logger.warn({ err: String(err) }, 'orphan sweep failed; retrying'))
      .finally(() => {
        running = false;
      });
  }, Math.max(200, Math.floor(leases.ttlMs / 2)));
  timer.unref();
  return timer;
}
