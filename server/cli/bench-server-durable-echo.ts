// The second baseline of `npm run bench`: the ack echo of bench-server-echo.ts, but each event is
// first written to the session log (the app's own SQLite file, log writer thread and group commit,
// synchronous = FULL) and acknowledged once committed. No engine, no scoring, no buyer: what
// "persisted before the ack" costs on this machine on top of the transport, so the app's figure can
// be read against a floor that does the same durable work.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server } from 'socket.io';
import { TRANSPORT_MAX_BYTES } from '../protocol/index.ts';
import { openSqlite } from '../store/database.ts';
import { SessionLog } from '../store/sessionLog.ts';

const BUNDLE_HASH = 'durable-echo';

const dataDir = mkdtempSync(join(tmpdir(), 'kefu-durable-echo-'));
const db = await openSqlite({ file: join(dataDir, 'kefu.sqlite') });
const log = new SessionLog(db);
await log.saveBundle(BUNDLE_HASH, 'durable-echo', 1, '{}', Date.now());

const httpServer = createServer();
const io = new Server(httpServer, { serveClient: false, maxHttpBufferSize: TRANSPORT_MAX_BYTES });
let sessions = 0;
/** the next row number of each session (row 0 is its start) */
const nextRow = new Map<string, number>();

function start(displayName: string): Promise<string> {
  const id = `echo-${++sessions}`;
  const now = Date.now();
  nextRow.set(id, 1);
  const row = { id, scenario_id: 'durable-echo', scenario_version: 1, bundle_hash: BUNDLE_HASH, seed: 0, speed: 0, mode: 'practice', display_name: displayName, started_at: now, ended_at: null, outcome: null, score: null, rules_revision: 0 };
  return log.create(row, []).then(() => id);
}

/** The event's row, with the event as its payload and an echo as its one effect (the app logs each reply's effects with it). */
function append(event: string, payload: { sessionId?: unknown; clientMsgId?: unknown }): Promise<void> {
  const sessionId = typeof payload.sessionId === 'string' ? payload.sessionId : '';
  const n = nextRow.get(sessionId);
  if (n === undefined) return Promise.reject(new Error('unknown session'));
  nextRow.set(sessionId, n + 1);
  const at = Date.now();
  const clientMsgId = typeof payload.clientMsgId === 'string' ? payload.clientMsgId : null;
  return log.append(sessionId, { n, at, type: event, payload, clientMsgId, result: { ok: true }, effects: [{ k: 0, dueAt: at, kind: 'echo', payload }] });
}

io.on('connection', (socket) => {
  socket.onAny((event: string, ...args: unknown[]) => {
    const ack = args.at(-1);
    if (typeof ack !== 'function') return;
    const answer = ack as (answer: unknown) => void;
    const payload = (typeof args[0] === 'object' && args[0] !== null ? args[0] : {}) as { displayName?: unknown; sessionId?: unknown; clientMsgId?: unknown };
    const written =
      event === 'session:start'
        ? start(typeof payload.displayName === 'string' ? payload.displayName : '').then((sessionId) => ({ sessionId }))
        : append(event, payload).then(() => ({ messageId: null, at: Date.now() }));
    written.then(
      (data) => answer({ ok: true, data }),
      (err: unknown) => answer({ ok: false, error: { code: 'store', message: String(err) } }),
    );
  });
});

httpServer.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ msg: 'listening', port: (httpServer.address() as AddressInfo).port }));
});

// The bench stops this process by a signal: the temporary database goes with it.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void db.destroy().finally(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  });
}
