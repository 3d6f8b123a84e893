// Configuration from the environment, with the defaults README documents. Invalid values stop the
// server at start with a message naming the variable, rather than surprising anyone later.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { RATE_LIMIT } from '../protocol/index.ts';
import type { TrustProxy } from './clientAddress.ts';
import { parseTrustProxy } from './clientAddress.ts';
import type { RateLimit } from './socketGuard.ts';
import { SESSION_START_LIMIT } from './socketGuard.ts';

/** A session or drill lease not renewed for this long may be taken over by another node. */
export const DEFAULT_LEASE_TTL_MS = 15_000;

/** Seats one drill may have (a class, generously): joins past it are refused with `drill-full`. */
export const DEFAULT_DRILL_MAX_SEATS = 200;

/**
 * A drill still in its lobby this many hours after it was opened is cancelled: a drill opened and
 * forgotten would otherwise hold its join code and read 候场中 in the history for ever. Half a day
 * covers a class opened in the morning and run in the afternoon.
 */
export const DEFAULT_DRILL_LOBBY_TTL_HOURS = 12;
/** A month: a longer lobby is a forgotten one. */
const MAX_DRILL_LOBBY_TTL_HOURS = 24 * 30;

/**
 * Ended practice sessions are kept this long: a quarter, so a trainee can look back over weeks of
 * practice and a review cycle still finds them, while the store (about 12 KB a session) stops growing.
 */
export const DEFAULT_SESSION_RETENTION_DAYS = 90;

/**
 * PostgreSQL: a statement running longer is cancelled by the server. Generous for any query the server
 * makes, short enough that a stuck one (a lock never let go) frees its request and its pooled
 * connection before anyone gives up waiting; the request then fails as "database unavailable".
 */
export const DEFAULT_DB_STATEMENT_TIMEOUT_MS = 10_000;
/** PostgreSQL: a new connection not made by then fails (a stopped or unreachable server). */
export const DEFAULT_DB_CONNECT_TIMEOUT_MS = 5000;

export interface ServerConfig {
  port: number;
  /** the interface to listen on; all of them by default */
  host: string | undefined;
  /** the SQLite file, the session secret: ./data by default */
  dataDir: string;
  scenariosDir: string;
  /** undefined: generated once and kept in DATA_DIR */
  sessionSecret: string | undefined;
  /** browser origins allowed besides the server's own */
  allowedOrigins: string[];
  buyerSpeed: number;
  logLevel: string;
  rateLimit: RateLimit;
  /** practice sessions one client address may start per ten minutes */
  sessionStartLimit: RateLimit;
  /** FULL survives a power cut, NORMAL a process crash */
  dbSync: 'full' | 'normal';
  staticDir: string;
  /** `name:password`: the first trainer (an admin), created on a start with no trainer yet */
  trainerBootstrap: string | undefined;
  /** where trainees reach the server (join links, QR codes); else the trainer's Host header */
  publicUrl: string | undefined;
  /** trainer cookies marked Secure (HTTPS only); on by default when PUBLIC_URL is https */
  secureCookies: boolean;
  /** postgres://...: the store is PostgreSQL (several nodes share it); else SQLite in dataDir */
  databaseUrl: string | undefined;
  /** redis://...: Socket.IO goes through the Redis Streams adapter, so several nodes share rooms */
  redisUrl: string | undefined;
  /** this process among the nodes: the owner named in the leases it holds */
  nodeId: string;
  /** how long a session lease lasts without a heartbeat before another node may take it over */
  leaseTtlMs: number;
  /** seats one drill may have, removed ones included */
  drillMaxSeats: number;
  /** a drill left in its lobby unstarted this long after it opened is cancelled, ms (DRILL_LOBBY_TTL_HOURS) */
  drillLobbyTtlMs: number;
  /** ended practice sessions older than this many days are deleted; 0 keeps them forever */
  sessionRetentionDays: number;
  /** PostgreSQL statement timeout, ms; 0: none */
  dbStatementTimeoutMs: number;
  /** PostgreSQL connection timeout, ms */
  dbConnectTimeoutMs: number;
  /** whose X-Forwarded-For names the client of the per-address limits (clientAddress.ts); off: the TCP peer */
  trustProxy: TrustProxy;
}

export class ConfigError extends Error {}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const secret = env['SESSION_SECRET'];
  if (secret !== undefined && secret !== '' && secret.length < 16) throw new ConfigError('SESSION_SECRET must be at least 16 characters');
  const logLevel = env['LOG_LEVEL'] || 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const dbSync = env['DB_SYNC'] || 'full';
  if (dbSync !== 'full' && dbSync !== 'normal') throw new ConfigError('DB_SYNC must be full or normal');
  const bootstrap = env['TRAINER_BOOTSTRAP'] || undefined;
  if (bootstrap !== undefined && bootstrap.indexOf(':') <= 0) throw new ConfigError('TRAINER_BOOTSTRAP must be name:password');
  const publicUrl = env['PUBLIC_URL'] || undefined;
  if (publicUrl !== undefined && !/^https?:\/\/[^/]+/.test(publicUrl)) throw new ConfigError('PUBLIC_URL must be an http(s) URL');
  const secure = env['SECURE_COOKIES'];
  if (secure !== undefined && secure !== '' && secure !== 'true' && secure !== 'false') throw new ConfigError('SECURE_COOKIES must be true or false');
  const databaseUrl = env['DATABASE_URL'] || undefined;
  if (databaseUrl !== undefined && !/^postgres(?:ql)?:\/\/./.test(databaseUrl)) throw new ConfigError('DATABASE_URL must be a postgres:// URL');
  const redisUrl = env['REDIS_URL'] || undefined;
  if (redisUrl !== undefined && !/^rediss?:\/\/./.test(redisUrl)) throw new ConfigError('REDIS_URL must be a redis:// URL');
  const nodeId = env['NODE_ID'] || defaultNodeId();
  if (!/^[\w.:-]{1,100}$/.test(nodeId)) throw new ConfigError('NODE_ID must be 1 to 100 letters, digits, dots, colons, dashes or underscores');
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env['HOST'] || undefined,
    dataDir: env['DATA_DIR'] || 'data',
    scenariosDir: env['SCENARIOS_DIR'] || 'scenarios',
    sessionSecret: secret || undefined,
    allowedOrigins: (env['ALLOWED_ORIGINS'] ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter((o) => o !== ''),
    buyerSpeed: number(env, 'BUYER_SPEED', 1, 0, 100),
    logLevel,
    rateLimit: {
      events: integer(env, 'RATE_LIMIT_EVENTS', RATE_LIMIT.events, 1, 1_000_000),
      windowMs: integer(env, 'RATE_LIMIT_WINDOW_MS', RATE_LIMIT.windowMs, 1, 3_600_000),
    },
    sessionStartLimit: { events: integer(env, 'SESSION_START_LIMIT', SESSION_START_LIMIT.events, 1, 100_000_000), windowMs: SESSION_START_LIMIT.windowMs },
    dbSync,
    staticDir: env['STATIC_DIR'] || 'dist/client',
    trainerBootstrap: bootstrap,
    publicUrl,
    secureCookies: secure ? secure === 'true' : (publicUrl?.startsWith('https:') ?? false),
    databaseUrl,
    redisUrl,
    nodeId,
    leaseTtlMs: integer(env, 'LEASE_TTL_MS', DEFAULT_LEASE_TTL_MS, 1000, 600_000),
    drillMaxSeats: integer(env, 'DRILL_MAX_SEATS', DEFAULT_DRILL_MAX_SEATS, 1, 100_000),
    drillLobbyTtlMs: hoursAsMs(env, 'DRILL_LOBBY_TTL_HOURS', DEFAULT_DRILL_LOBBY_TTL_HOURS, MAX_DRILL_LOBBY_TTL_HOURS),
    sessionRetentionDays: integer(env, 'SESSION_RETENTION_DAYS', DEFAULT_SESSION_RETENTION_DAYS, 0, 36_500),
    dbStatementTimeoutMs: integer(env, 'DB_STATEMENT_TIMEOUT_MS', DEFAULT_DB_STATEMENT_TIMEOUT_MS, 0, 3_600_000),
    dbConnectTimeoutMs: integer(env, 'DB_CONNECT_TIMEOUT_MS', DEFAULT_DB_CONNECT_TIMEOUT_MS, 100, 600_000),
    trustProxy: trustProxy(env),
  };
}

function trustProxy(env: NodeJS.ProcessEnv): TrustProxy {
  try {
    return parseTrustProxy(env['TRUST_PROXY']);
  } catch (err) {
    throw new ConfigError(`TRUST_PROXY ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Unique per process: a node restarted on the same host is a new owner, so its old leases are fenced. */
function defaultNodeId(): string {
  return `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

function number(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new ConfigError(`${name} must be a number from ${min} to ${max} (got "${raw}")`);
  return value;
}

/** Hours above 0 (fractions allowed) and at most `max`, as ms; blank means the default. */
function hoursAsMs(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback * 3_600_000;
  const hours = Number(raw);
  if (!Number.isFinite(hours) || hours <= 0 || hours > max) throw new ConfigError(`${name} must be a number of hours above 0 and at most ${max} (got "${raw}")`);
  return Math.round(hours * 3_600_000);
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const value = number(env, name, fallback, min, max);
  if (!Number.isInteger(value)) throw new ConfigError(`${name} must be a whole number (got "${env[name]}")`);
  return value;
}
