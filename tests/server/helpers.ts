// A real server on 127.0.0.1 port 0 over a fresh (or given) data dir, and trainees that talk to it
// through the real socket.io-client. Nothing here waits on the wall clock: tests wait for events.
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { pino } from 'pino';
import { afterAll } from 'vitest';
import type { Socket } from 'socket.io-client';
import { io as connectClient } from 'socket.io-client';
import type { ServerOptions as IoOptions } from 'socket.io';
import type { Application } from '../../server/app.ts';
import { createApplication } from '../../server/app.ts';
import type { Ack, AckData, ClientEventName, ClientPayload, ServerEventName, ServerEventPayload, ServerToClientEvents, ClientToServerEvents, HandshakeAuth } from '../../server/protocol/index.ts';
import { serverEventNames } from '../../server/protocol/index.ts';
import type { Scheduler } from '../../server/runtime/scheduler.ts';
import type { RateLimit } from '../../server/runtime/socketGuard.ts';
import { openSqlite } from '../../server/store/database.ts';
import type { Database } from '../../server/store/schema.ts';
import { SessionLog } from '../../server/store/sessionLog.ts';

export const FIXTURE_SCENARIOS = join(import.meta.dirname, 'fixtures', 'scenarios');
export const TEST_SECRET = 'test-secret-for-the-server-tests';

export interface TestServer {
  url: string;
  app: Application;
  db: Kysely<Database>;
  log: SessionLog;
  dataDir: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  dataDir?: string;
  scheduler?: Scheduler;
  buyerSpeed?: number;
  rateLimit?: RateLimit;
  /** practice sessions one address may start per window */
  sessionStartLimit?: RateLimit;
  allowedOrigins?: string[];
  scenariosDir?: string;
  staticDir?: string;
  /** open this store (tests/server/backends.ts) instead of a SQLite file in dataDir */
  store?: { open(): Promise<Kysely<Database>> };
  /** several nodes: the shared Socket.IO adapter (server/runtime/redisAdapter.ts) */
  adapter?: IoOptions['adapter'];
  /** sessions under leases, as this node (the app then gets the database: drills and leases are on) */
  cluster?: { nodeId: string; leaseTtlMs: number };
}

/** A fresh data dir, deleted after the test file is done. */
export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-server-'));
  made.push(dir);
  return dir;
}
const made: string[] = [];

/** How long removing the temp dirs of a test file may take in all (well under the hook timeout). */
const REMOVE_WITHIN_MS = 3000;

/**
 * Each attempt lists the dir afresh. (rmSync's own maxRetries does not: it retries only the last
 * rmdir, so one file created after its listing, say by a thread or process still closing a store
 * there, fails every retry while the growing sleeps block the thread: 40 retries 50 ms apart, 41 s.)
 */
async function removeTempDir(dir: string, deadline: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await rm(dir, { recursive: true, force: true });
      return;
    } catch (err) {
      if (Date.now() + 50 * attempt > deadline) {
        // A temp dir left behind is not a test failure: say so and go on.
        console.warn(`could not remove ${dir}: ${err instanceof Error ? err.message : String(err)}`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

// A closed server leaves nothing running in its dir (a SQLite store's close waits for its threads);
// one left open by a failed test might still write there, which costs at most REMOVE_WITHIN_MS.
function removeTempDirs(): Promise<void> {
  const deadline = Date.now() + REMOVE_WITHIN_MS;
  return Promise.all(made.splice(0).map((dir) => removeTempDir(dir, deadline))).then(() => undefined);
}
// Registered while a test file imports this module, so it runs after that file's tests.
afterAll(removeTempDirs);

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir();
  const db = options.store ? await options.store.open() : await openSqlite({ file: join(dataDir, 'kefu-dojo.sqlite'), synchronous: 'normal' });
  const log = new SessionLog(db);
  const httpServer = createServer();
  const app = createApplication(httpServer, {
    log,
    scenariosDir: options.scenariosDir ?? FIXTURE_SCENARIOS,
    sessionSecret: TEST_SECRET,
    logger: pino({ level: 'silent' }),
    buyerSpeed: options.buyerSpeed ?? 0,
    allowedOrigins: options.allowedOrigins ?? [],
    rateLimit: options.rateLimit ?? { events: 1000, windowMs: 10_000 },
    ...(options.sessionStartLimit ? { sessionStartLimit: options.sessionStartLimit } : {}),
    staticDir: options.staticDir,
    ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    ...(options.adapter ? { adapter: options.adapter } : {}),
    ...(options.cluster ? { cluster: options.cluster, db } : {}),
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    db,
    log,
    dataDir,
    async close() {
      await app.close();
      await db.destroy();
    },
  };
}

export type ReceivedEvent = { [N in ServerEventName]: { name: N; payload: ServerEventPayload<N> } }[ServerEventName];
type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** One trainee's connection: records every server event in arrival order. */
export class Trainee {
  readonly events: ReceivedEvent[] = [];
  private readonly waiters: { test: () => boolean; resolve: () => void }[] = [];
  readonly socket: ClientSocket;

  constructor(url: string, extraHeaders: Record<string, string> = {}, auth: HandshakeAuth = {}) {
    this.socket = connectClient(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders, auth });
    for (const name of serverEventNames) {
      this.socket.on(name, ((payload: ServerEventPayload<typeof name>) => {
        this.events.push({ name, payload } as ReceivedEvent);
        this.check();
      }) as never);
    }
  }

  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  send<E extends ClientEventName>(name: E, payload: ClientPayload<E>): Promise<Ack<AckData[E]>> {
    return this.sendRaw(name, payload) as Promise<Ack<AckData[E]>>;
  }

  /** Emit anything at all, as a hostile client would; rejects if no ack comes within 10 s. */
  sendRaw(name: string, ...args: unknown[]): Promise<unknown> {
    // The typed emitWithAck only takes declared events; a hostile client is not limited to those.
    const untyped = this.socket.timeout(10_000) as unknown as { emitWithAck(name: string, ...args: unknown[]): Promise<unknown> };
    return untyped.emitWithAck(name, ...args);
  }

  async ok<E extends ClientEventName>(name: E, payload: ClientPayload<E>): Promise<AckData[E]> {
    const answer = await this.send(name, payload);
    if (!answer.ok) throw new Error(`${name} failed: ${answer.error.code}: ${answer.error.message}`);
    return answer.data;
  }

  /** Resolves once an event satisfying `test` has arrived (now or later). */
  waitFor(test: (events: ReceivedEvent[]) => boolean): Promise<void> {
    if (test(this.events)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ test: () => test(this.events), resolve }));
  }

  waitForEvent(name: ServerEventName, count = 1): Promise<void> {
    return this.waitFor((events) => events.filter((e) => e.name === name).length >= count);
  }

  lastSeq(): number {
    return this.events.reduce((max, e) => Math.max(max, e.payload.seq), 0);
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

export async function trainee(url: string): Promise<Trainee> {
  const t = new Trainee(url);
  await t.connected();
  return t;
}

/** Sequence numbers as received: 1, 2, 3, ... with no gap and no repeat. */
export function seqs(events: readonly ReceivedEvent[]): number[] {
  return events.map((e) => e.payload.seq);
}

let counter = 0;
export function msgId(): string {
  counter += 1;
  return `c${counter}`;
}
