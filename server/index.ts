// The practice server: reads config, wires the parts, listens. Nothing else.
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pino } from 'pino';
import { createApplication } from './app.ts';
import { ConfigError, readConfig } from './runtime/config.ts';
import { connectRedisGuessLimits } from './runtime/guessLimits.ts';
import { connectRedisAdapter } from './runtime/redisAdapter.ts';
import { startSessionRetention } from './runtime/sessionRetention.ts';
import { openDatabase } from './store/database.ts';
import { loadOrCreateSecret } from './store/secret.ts';
import { SessionLog } from './store/sessionLog.ts';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const logger = pino({ level: config.logLevel });
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    file: join(config.dataDir, 'kefu-dojo.sqlite'),
    synchronous: config.dbSync,
    onCheckpointError: (message) => logger.warn({ message }, 'background checkpoint failed'),
    onConnectionError: (err) => logger.warn({ err: err.message }, 'a database connection was lost; queries reconnect'),
    statementTimeoutMs: config.dbStatementTimeoutMs,
    connectTimeoutMs: config.dbConnectTimeoutMs,
  });
  const log = new SessionLog(db);
  const redis = config.redisUrl ? await connectRedisAdapter(config.redisUrl, logger.child({ part: 'redis' })) : undefined;
  // With Redis, the nodes share one budget of password and join-code guesses.
  const guessLimits = config.redisUrl ? await connectRedisGuessLimits(config.redisUrl, logger.child({ part: 'limits' })) : undefined;
  // A hop count believes whichever peer connects: safe only where clients cannot reach a node
  // without passing the proxies. The list of proxy addresses holds either way.
  if (config.trustProxy.kind === 'hops') logger.warn({ hops: config.trustProxy.hops }, 'TRUST_PROXY is a hop count: X-Forwarded-For is believed from any peer, so clients must not reach this node except through the proxies; a list of proxy addresses is safer');
  const httpServer = createServer();
  const app = createApplication(httpServer, {
    log,
    scenariosDir: config.scenariosDir,
    sessionSecret: config.sessionSecret ?? loadOrCreateSecret(config.dataDir),
    logger,
    buyerSpeed: config.buyerSpeed,
    allowedOrigins: config.allowedOrigins,
    rateLimit: config.rateLimit,
    sessionStartLimit: config.sessionStartLimit,
    trustProxy: config.trustProxy,
    staticDir: config.staticDir,
    db,
    publicUrl: config.publicUrl,
    secureCookies: config.secureCookies,
    drillMaxSeats: config.drillMaxSeats,
    drillLobbyTtlMs: config.drillLobbyTtlMs,
    ...(redis ? { adapter: redis.adapter } : {}),
    ...(guessLimits ? { guessLimits } : {}),
    // Sessions run under leases even on one node: after a restart, the sweep finishes what was pending.
    cluster: { nodeId: config.nodeId, leaseTtlMs: config.leaseTtlMs },
  });
  if (app.drills) {
    await app.drills.auth.bootstrap(config.trainerBootstrap, logger);
    const interrupted = await app.drills.manager.recover(Date.now());
    if (interrupted > 0) logger.warn({ interrupted }, 'drills left open by the last run were closed as interrupted, with their results so far');
  }
  const retention = startSessionRetention({ db, days: config.sessionRetentionDays, logger: logger.child({ part: 'retention' }) });
  httpServer.listen({ port: config.port, ...(config.host ? { host: config.host } : {}) }, () => {
    const address = httpServer.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info({ port, nodeId: config.nodeId, store: config.databaseUrl ? 'postgres' : 'sqlite', redis: redis !== undefined, dataDir: config.dataDir, scenariosDir: config.scenariosDir, buyerSpeed: config.buyerSpeed, sessionRetentionDays: config.sessionRetentionDays }, 'listening');
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    app
      .close()
      .then(() => retention.stop())
      .then(() => redis?.close())
      .then(() => guessLimits?.close())
      .then(() => db.destroy())
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  // A bug in one handler must not take every trainee's session down with it.
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? `config: ${err.message}` : err);
  process.exit(1);
});
