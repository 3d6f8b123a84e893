// The application on an existing HTTP server: HTTP routes, Socket.IO with the session gateway, the
// session registry. `createApplication(httpServer, deps)` lets tests run a real server on port 0.
import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { createHttpHandler } from './http/routes.ts';
import { allowRequestFrom, refuseForeignOrigins } from './http/origins.ts';
import { staticRoot } from './http/staticFiles.ts';
import { TRANSPORT_MAX_BYTES } from './protocol/index.ts';
import type { AppServer } from './runtime/gateway.ts';
import { attachGateway, emitTo, roomOf } from './runtime/gateway.ts';
import { ScenarioCatalog } from './runtime/scenarioCatalog.ts';
import type { Scheduler } from './runtime/scheduler.ts';
import { systemScheduler } from './runtime/scheduler.ts';
import { SessionRegistry } from './runtime/sessionRegistry.ts';
import type { RateLimit } from './runtime/socketGuard.ts';
import { SessionTokens } from './runtime/tokens.ts';
import type { SessionLog } from './store/sessionLog.ts';
import type { Drills } from './http/drillWiring.ts';
import { attachDrills } from './http/drillWiring.ts';
import { attachStudio } from './http/studioRoutes.ts';
import type { Kysely } from 'kysely';
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
}

export interface Application {
  io: AppServer;
  registry: SessionRegistry;
  catalog: ScenarioCatalog;
  /** trainer accounts and drills, when the app has a database */
  drills: Drills | undefined;
  /** Close sockets and the HTTP server, stop timers, wait for pending log writes. */
  close(): Promise<void>;
}

const SWEEP_EVERY_MS = 60_000;

export function createApplication(httpServer: HttpServer, deps: AppDeps): Application {
  const scheduler = deps.scheduler ?? systemScheduler;
  const logger = deps.logger;
  const tokens = new SessionTokens(deps.sessionSecret);
  const catalog = new ScenarioCatalog(deps.scenariosDir, deps.log, logger.child({ part: 'scenarios' }), () => scheduler.now());
  const registry = new SessionRegistry({
    log: deps.log,
    catalog,
    scheduler,
    tokens,
    logger: logger.child({ part: 'sessions' }),
    speed: deps.buyerSpeed,
    // `io` is declared below; sessions only broadcast once they run, after the wiring is done.
    broadcast: (sessionId, event) => emitTo(io.to(roomOf(sessionId)), event),
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
    }),
  );
  const io: AppServer = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: TRANSPORT_MAX_BYTES,
    allowRequest: allowRequestFrom(deps.allowedOrigins),
    ...(deps.allowedOrigins.length > 0 ? { cors: { origin: [...deps.allowedOrigins] } } : {}),
  });
  io.engine.use(refuseForeignOrigins(deps.allowedOrigins));
  attachGateway(io, { registry, tokens, logger: logger.child({ part: 'socket' }), rateLimit: deps.rateLimit, now: () => scheduler.now() });
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
    });
    studio = attachStudio({ db: deps.db, auth: drills.auth, catalog, dir: deps.scenariosDir, logger: logger.child({ part: 'studio' }), allowedOrigins: deps.allowedOrigins, now: () => scheduler.now() });
  }
  const sweeper = setInterval(() => {
    registry.sweep(scheduler.now());
    drills?.manager.sweep(scheduler.now());
  }, SWEEP_EVERY_MS);
  sweeper.unref();
  return {
    io,
    registry,
    catalog,
    drills,
    async close() {
      clearInterval(sweeper);
      registry.dispose();
      drills?.manager.dispose();
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      await deps.log.flush();
      await drills?.log.flush();
    },
  };
}
