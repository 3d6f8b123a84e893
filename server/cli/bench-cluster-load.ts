// The load generator of `npm run bench:cluster`, in its own process: N simulated trainees on
// 127.0.0.1, spread round-robin over the nodes' URLs, each with its own socket and session.
// `closed`: every trainee replies as soon as its last reply is acked; every latency is kept, so the
// p99 is over all nodes together. `drill`: the same closed loop, the trainees seated in one drill per
// node (a trainer opens and starts it; a seat whose session has ended stops). `idle`: start the
// sessions, say `ready`, and hold them open until stdin closes (the parent measures the nodes'
// memory meanwhile). One JSON line of results.
import { io as connect } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { DRILL_NAMESPACE } from '../protocol/index.ts';
import type { AckError, LoadResult } from './bench-server-load.ts';
import { LoadWindow, reportAndExit, SimulatedTrainee } from './bench-server-load.ts';

export interface ClusterLoadConfig {
  urls: string[];
  mode: 'closed' | 'idle' | 'drill';
  sessions: number;
  scenarioId: string;
  seconds: number;
  warmupSeconds: number;
  /** drill mode: a trainer account on the nodes' database */
  trainer?: { name: string; password: string };
}

export interface ClusterLoadResult extends LoadResult {
  /** trainees that had a session (drill mode: seated and started) */
  sessions: number;
}

const ACK_TIMEOUT_MS = 10_000;
const CONNECTS_AT_ONCE = 200;

/** Drill mode: per node, a trainer opens a drill, its share of the trainees join it, and it starts. */
async function seatAll(config: ClusterLoadConfig): Promise<SimulatedTrainee[]> {
  const trainer = config.trainer;
  if (!trainer) throw new Error('drill mode needs a trainer account');
  const seated = await Promise.all(
    config.urls.map(async (url, node) => {
      const login = await fetch(`${url}/api/trainer/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(trainer) });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const trainerSocket = await open(`${url}${DRILL_NAMESPACE}`, { cookie });
      const opened = (await trainerSocket.timeout(ACK_TIMEOUT_MS).emitWithAck('drill:open', { scenarioIds: [config.scenarioId], mode: 'practice' })) as { ok: boolean; data?: { code: string; state: { drillId: string } } };
      if (!opened.ok || !opened.data) throw new Error(`drill:open failed on ${url}`);
      const { code, state } = opened.data;
      const share = Array.from({ length: config.sessions }, (_, i) => i).filter((i) => i % config.urls.length === node);
      const trainees: SimulatedTrainee[] = [];
      for (let first = 0; first < share.length; first += CONNECTS_AT_ONCE) {
        const batch = await Promise.all(
          share.slice(first, first + CONNECTS_AT_ONCE).map(async (index) => {
            const socket = await open(`${url}${DRILL_NAMESPACE}`);
            const t = new SimulatedTrainee(socket, index, config.scenarioId, true);
            socket.on('drill:session', (p: { session: { sessionId: string } }) => (t.sessionId = p.session.sessionId));
            await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('drill:join', { code, displayName: `学员${index}` });
            return t;
          }),
        );
        trainees.push(...batch);
      }
      await trainerSocket.timeout(ACK_TIMEOUT_MS).emitWithAck('drill:start', { drillId: state.drillId });
      return trainees;
    }),
  );
  const all = seated.flat();
  // Every seat has its session once the start has reached it.
  for (let i = 0; i < 200 && all.some((t) => t.sessionId === undefined); i++) await sleep(50);
  return all.filter((t) => t.sessionId !== undefined);
}

function open(url: string, headers?: Record<string, string>): Promise<Socket> {
  const socket = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false, ...(headers ? { extraHeaders: headers } : {}) });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Error codes that mean the seat's session is over (the drill mode stops that trainee), not a failure. */
const SESSION_OVER = new Set(['ended', 'session-ended', 'not-active', 'drill-ended']);

async function connectAll(config: ClusterLoadConfig): Promise<SimulatedTrainee[]> {
  const trainees: SimulatedTrainee[] = [];
  for (let first = 0; first < config.sessions; first += CONNECTS_AT_ONCE) {
    const batch = Array.from({ length: Math.min(CONNECTS_AT_ONCE, config.sessions - first) }, (_, i) => {
      const index = first + i;
      const url = config.urls[index % config.urls.length] ?? '';
      const socket = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false });
      return new Promise<SimulatedTrainee | undefined>((resolve) => {
        socket.once('connect', () => resolve(new SimulatedTrainee(socket, index, config.scenarioId)));
        socket.once('connect_error', () => resolve(undefined));
      });
    });
    for (const t of await Promise.all(batch)) if (t) trainees.push(t);
    // Sessions start in batches too: a node answers a burst of starts, not all of them at once.
    await Promise.allSettled(trainees.slice(first).map((t) => t.ensureSession()));
  }
  return trainees;
}

export async function runClusterLoad(config: ClusterLoadConfig, onReady: () => Promise<void>): Promise<ClusterLoadResult> {
  const trainees = config.mode === 'drill' ? await seatAll(config) : await connectAll(config);
  const window = new LoadWindow();
  if (trainees.length < config.sessions) window.countError('connect', config.sessions - trainees.length);
  const sessions = trainees.filter((t) => t.sessionId !== undefined).length;
  if (config.mode === 'idle') {
    await onReady();
    for (const t of trainees) t.socket.disconnect();
    return { replies: 0, elapsedSec: 0, p50Ms: 0, p99Ms: 0, errors: config.sessions - sessions, errorCodes: window.errorCodes, connected: trainees.length, cpuMs: 0, sessions };
  }
  // A drill seat whose session is over stops: that is the drill ending, not an error.
  const sessionOver = (t: SimulatedTrainee) => (err: AckError) => config.mode === 'drill' && SESSION_OVER.has(err.code) && (t.done = true);
  const loops = trainees.map(async (t) => {
    for (let i = 0; i < 10_000_000 && !window.stopped && !t.done; i++) await window.replyOnce(t, sessionOver(t));
  });
  return { ...(await window.measure(loops, trainees, config.warmupSeconds, config.seconds)), sessions };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Idle mode: the parent closes our stdin once it has measured. */
function stdinClosed(): Promise<void> {
  return new Promise((resolve) => {
    process.stdin.on('data', () => undefined);
    process.stdin.once('end', () => resolve());
    process.stdin.once('close', () => resolve());
  });
}

if (process.argv[1]?.endsWith('bench-cluster-load.ts')) {
  const config = JSON.parse(process.argv[2] ?? '{}') as ClusterLoadConfig;
  reportAndExit(
    runClusterLoad(config, async () => {
      console.log('ready');
      await stdinClosed();
    }),
  );
}
