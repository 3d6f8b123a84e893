// Drill tests: a real server with trainer accounts on (127.0.0.1, port 0), a trainer logged in over
// HTTP whose socket carries the cookie, and trainees on the `/drill` namespace. Nothing waits on the
// wall clock: tests wait for events, or drive a ManualScheduler.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { pino } from 'pino';
import { afterEach, expect } from 'vitest';
import type { Socket } from 'socket.io-client';
import { io as connectClient } from 'socket.io-client';
import type { Application } from '../../server/app.ts';
import { createApplication } from '../../server/app.ts';
import type { Drills } from '../../server/http/drillWiring.ts';
import type { DrillAck, DrillAckData, DrillEventName, DrillPayload, DrillServerEventBodies, ServerEventName, ServerEventPayload, TraineeAck } from '../../server/protocol/index.ts';
import { DRILL_NAMESPACE, serverEventNames } from '../../server/protocol/index.ts';
import type { Scheduler } from '../../server/runtime/scheduler.ts';
import { openSqlite } from '../../server/store/database.ts';
import type { Database } from '../../server/store/schema.ts';
import { SessionLog } from '../../server/store/sessionLog.ts';
import { connectRedisAdapter } from '../../server/runtime/redisAdapter.ts';
import type { StoreAt } from './backends.ts';
import { openStore } from './backends.ts';
import { FIXTURE_SCENARIOS, TEST_SECRET, tempDataDir } from './helpers.ts';

export const PASSWORD = 'correct-horse-battery';

export interface DrillServer {
  url: string;
  dataDir: string;
  app: Application;
  drills: Drills;
  db: Kysely<Database>;
  /** for ManualScheduler.advance: waits for the practice sessions and every drill's jobs */
  settles: { registry: { settled(): Promise<void> } };
  close(): Promise<void>;
}

export interface DrillServerOptions {
  scheduler?: Scheduler;
  buyerSpeed?: number;
  rateLimit?: { events: number; windowMs: number };
  /** an earlier server's, to start again on its database (a restart) */
  dataDir?: string;
  /** the store to use instead (tests/server/backends.ts): two servers on one PostgreSQL are two nodes */
  store?: StoreAt;
  /** nodes share Socket.IO rooms through the Redis Streams adapter on this server */
  redisUrl?: string;
  /** the persona library to serve (default: the server fixtures) */
  scenariosDir?: string;
  /** seats a drill may have (DRILL_MAX_SEATS) */
  drillMaxSeats?: number;
  /** ms a lobby may wait unstarted before it is cancelled (DRILL_LOBBY_TTL_HOURS, as ms) */
  drillLobbyTtlMs?: number;
}

/** `dataDir`: an earlier server's, to start again on its database (a restart). */
export async function startDrillServer(options: DrillServerOptions = {}): Promise<DrillServer> {
  const dataDir = options.store?.dataDir ?? options.dataDir ?? tempDataDir();
  const db = options.store ? await openStore(options.store) : await openSqlite({ file: join(dataDir, 'kefu-dojo.sqlite'), synchronous: 'normal' });
  const logger = pino({ level: 'silent' });
  const redis = options.redisUrl ? await connectRedisAdapter(options.redisUrl, logger) : undefined;
  const httpServer = createServer();
  const app = createApplication(httpServer, {
    ...(redis ? { adapter: redis.adapter } : {}),
    log: new SessionLog(db),
    db,
    scenariosDir: options.scenariosDir ?? FIXTURE_SCENARIOS,
    sessionSecret: TEST_SECRET,
    logger,
    buyerSpeed: options.buyerSpeed ?? 0,
    allowedOrigins: [],
    rateLimit: options.rateLimit ?? { events: 1000, windowMs: 10_000 },
    ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    ...(options.drillMaxSeats ? { drillMaxSeats: options.drillMaxSeats } : {}),
    ...(options.drillLobbyTtlMs ? { drillLobbyTtlMs: options.drillLobbyTtlMs } : {}),
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  const drills = app.drills;
  if (!drills) throw new Error('drills are off: the app got no database');
  const settled = async () => {
    await app.registry.settled();
    await drills.manager.settled();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    app,
    drills,
    db,
    settles: { registry: { settled } },
    async close() {
      await app.close();
      await redis?.close();
      await db.destroy();
    },
  };
}

/** Create a trainer and log in over HTTP; returns the Cookie header value. */
export async function loginTrainer(server: DrillServer, name: string, admin = false): Promise<string> {
  const added = await server.drills.auth.add(name, PASSWORD, admin);
  if (!added.ok) throw new Error(added.message);
  return login(server.url, name, PASSWORD);
}

export async function login(url: string, name: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/trainer/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password }) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  return setCookie.split(';')[0] ?? '';
}

type DrillEventBodies = DrillServerEventBodies & { [N in ServerEventName]: ServerEventPayload<N> };
export type DrillReceived = { [N in keyof DrillEventBodies]: { name: N; payload: DrillEventBodies[N] } }[keyof DrillEventBodies];
const drillEventNames = ['drill:state', 'drill:session', 'drill:dashboard', 'drill:reveal', 'drill:removed', 'drill:headcount'] as const;

/** A socket on the drill namespace (a trainer's with the cookie, or a trainee's), recording every event. */
export class DrillClient {
  readonly events: DrillReceived[] = [];
  readonly socket: Socket;
  private readonly waiters: { test: () => boolean; resolve: () => void }[] = [];

  constructor(url: string, cookie?: string) {
    this.socket = connectClient(`${url}${DRILL_NAMESPACE}`, { transports: ['websocket'], forceNew: true, reconnection: false, ...(cookie ? { extraHeaders: { cookie } } : {}) });
    for (const name of [...serverEventNames, ...drillEventNames]) {
      this.socket.on(name, (payload: unknown) => {
        this.events.push({ name, payload } as DrillReceived);
        this.check();
      });
    }
  }

  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  send<E extends DrillEventName>(name: E, payload: DrillPayload<E>): Promise<DrillAck<DrillAckData[E]>> {
    return this.raw(name, payload) as Promise<DrillAck<DrillAckData[E]>>;
  }

  async ok<E extends DrillEventName>(name: E, payload: DrillPayload<E>): Promise<DrillAckData[E]> {
    const answer = await this.send(name, payload);
    if (!answer.ok) throw new Error(`${name} failed: ${answer.error.code}: ${answer.error.message}`);
    return answer.data;
  }

  /** A practice event in the seat's session (reply:send & co.). */
  act(name: string, payload: Record<string, unknown>): Promise<DrillAck<TraineeAck>> {
    return this.raw(name, payload) as Promise<DrillAck<TraineeAck>>;
  }

  raw(name: string, ...args: unknown[]): Promise<unknown> {
    const untyped = this.socket.timeout(10_000) as unknown as { emitWithAck(name: string, ...args: unknown[]): Promise<unknown> };
    return untyped.emitWithAck(name, ...args);
  }

  /** The payloads of every `name` event received so far. */
  of<N extends keyof DrillEventBodies>(name: N): DrillEventBodies[N][] {
    return this.events.flatMap((e) => (e.name === name ? [e.payload as unknown as DrillEventBodies[N]] : []));
  }

  waitFor(test: (events: DrillReceived[]) => boolean): Promise<void> {
    if (test(this.events)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ test: () => test(this.events), resolve }));
  }

  waitForEvent(name: DrillReceived['name'], count = 1): Promise<void> {
    return this.waitFor((events) => events.filter((e) => e.name === name).length >= count);
  }

  close(): void {
    this.socket.disconnect();
  }

  private check(): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const waiter = this.waiters[i];
      if (waiter?.test()) {
        this.waiters.splice(i, 1);
        waiter.resolve();
      }
    }
  }
}

export async function drillClient(url: string, cookie?: string): Promise<DrillClient> {
  const client = new DrillClient(url, cookie);
  await client.connected();
  return client;
}

/**
 * The trainer starts the drill and every seat gets its session's first buyer line: the seats'
 * session ids, in the order the seats were given.
 */
export async function startDrill<const Seats extends readonly DrillClient[]>(trainer: DrillClient, drillId: string, seats: Seats): Promise<{ [K in keyof Seats]: string }> {
  await trainer.ok('drill:start', { drillId });
  for (const seat of seats) await seat.waitForEvent('buyer:say');
  return seats.map((seat) => seat.of('drill:session')[0]?.session.sessionId ?? '') as { [K in keyof Seats]: string };
}

/**
 * A test file's servers and clients, all closed after each test: call once at the top of the file.
 * `stop` closes a server in the middle of a test (a restart), clients first.
 */
export function drillFixture() {
  const servers: DrillServer[] = [];
  const clients: DrillClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    for (const s of servers.splice(0)) await s.close();
  });
  return {
    async server(options: DrillServerOptions = {}): Promise<DrillServer> {
      const server = await startDrillServer(options);
      servers.push(server);
      return server;
    },
    async client(url: string, cookie?: string): Promise<DrillClient> {
      const c = await drillClient(url, cookie);
      clients.push(c);
      return c;
    },
    /** clients made some other way, closed with the rest */
    track(...made: DrillClient[]): void {
      clients.push(...made);
    },
    async stop(server: DrillServer): Promise<void> {
      for (const c of clients.splice(0)) c.close();
      servers.splice(servers.indexOf(server), 1);
      await server.close();
    },
  };
}

/** Every `name` event the client hears from now on: for the drill events DrillClient does not record. */
export function heard<N extends keyof DrillServerEventBodies>(client: DrillClient, name: N): DrillServerEventBodies[N][] {
  const got: DrillServerEventBodies[N][] = [];
  client.socket.on(name as string, (body: DrillServerEventBodies[N]) => got.push(body));
  return got;
}

/** Waits, 10 ms at a time for 2 s at most, until `test` holds; fails the test if it never does. */
export async function until(test: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !test(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(test()).toBe(true);
}
