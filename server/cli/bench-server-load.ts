// The load generator of `npm run bench`, in its own process: N simulated trainees on 127.0.0.1, each
// with its own socket and session. `closed`: every trainee replies as soon as its last reply is acked.
// `paced`: every trainee replies once every `intervalMs`. Prints one JSON line with what it measured.
import { io as connect } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { benchReplies } from './benchReplies.ts';
import type { HandshakeAuth } from '../protocol/index.ts';

export interface LoadConfig {
  url: string;
  mode: 'closed' | 'paced';
  sessions: number;
  scenarioId: string;
  /** measured time, after warm-up */
  seconds: number;
  warmupSeconds: number;
  /** paced mode: one reply per trainee per interval */
  intervalMs: number;
}

export interface LoadResult {
  replies: number;
  elapsedSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** error acks by code, and `timeout` / `disconnected` */
  errorCodes: Record<string, number>;
  connected: number;
  /** CPU the load generator itself spent in the window (all its threads), ms */
  cpuMs: number;
}

/** What a load generator run as a process prints when its measured window opens and closes. */
export const WINDOW_OPEN = '{"window":"open"}';
export const WINDOW_CLOSE = '{"window":"close"}';

/** A session is ended and a new one started after this many replies, as a trainee would. */
const REPLIES_PER_SESSION = 20;
const ACK_TIMEOUT_MS = 10_000;
const CONNECTS_AT_ONCE = 200;

interface Ack {
  ok: boolean;
  data?: { sessionId?: string };
  error?: { code: string };
}

export class AckError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** One simulated trainee on its own socket (bench:server, and bench:cluster's load generator). */
export class SimulatedTrainee {
  /** the session it replies in (a drill seat's is set from `drill:session`) */
  sessionId: string | undefined;
  /** a drill seat whose session is over: this trainee stops */
  done = false;
  private replies = 0;
  private counter = 0;

  constructor(
    readonly socket: Socket,
    private readonly index: number,
    private readonly scenarioId: string,
    /** a drill seat: the drill starts its session, the trainee never does */
    private readonly seated = false,
  ) {}

  private async call(event: string, payload: unknown): Promise<Ack> {
    return (await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as Ack;
  }

  /** Start a session if there is none or the current one is used up. Throws on an error ack. */
  async ensureSession(): Promise<void> {
    if (this.seated) return;
    if (this.sessionId && this.replies < REPLIES_PER_SESSION) return;
    if (this.sessionId) await this.call('session:end', { sessionId: this.sessionId, clientMsgId: `end-${this.counter++}` });
    const started = await this.call('session:start', { scenarioId: this.scenarioId, displayName: `trainee ${this.index}`, mode: 'practice' });
    if (!started.ok || !started.data?.sessionId) throw new AckError(started.error?.code ?? 'no-session');
    this.sessionId = started.data.sessionId;
    this.replies = 0;
  }

  /** One reply; resolves with its latency in ms, or throws AckError. */
  async reply(): Promise<number> {
    const text = benchReplies[(this.index + this.counter) % benchReplies.length] ?? '好的';
    const t0 = performance.now();
    const answer = await this.call('reply:send', { sessionId: this.sessionId, clientMsgId: `r-${this.counter++}`, text });
    const ms = performance.now() - t0;
    this.replies++;
    if (!answer.ok) throw new AckError(answer.error?.code ?? 'unknown');
    return ms;
  }
}

async function connectAll(config: LoadConfig): Promise<SimulatedTrainee[]> {
  const trainees: SimulatedTrainee[] = [];
  for (let first = 0; first < config.sessions; first += CONNECTS_AT_ONCE) {
    const batch = Array.from({ length: Math.min(CONNECTS_AT_ONCE, config.sessions - first) }, (_, i) => {
      // As the web client does (client/net/SessionSocket.ts): a reply's answer carries its events.
      const auth: HandshakeAuth = { ackEvents: true };
      const socket = connect(config.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth });
      return new Promise<SimulatedTrainee | undefined>((resolve) => {
        socket.once('connect', () => resolve(new SimulatedTrainee(socket, first + i, config.scenarioId)));
        socket.once('connect_error', () => resolve(undefined));
      });
    });
    for (const t of await Promise.all(batch)) if (t) trainees.push(t);
  }
  await Promise.all(trainees.map((t) => t.ensureSession()));
  return trainees;
}

/**
 * One load run's measured window: replies and errors count only while it is open (after the warm-up),
 * and every trainee loop stops when it closes. Shared by bench:server and bench:cluster.
 */
export class LoadWindow {
  readonly errorCodes: Record<string, number> = {};
  private readonly latencies: number[] = [];
  private measuring = false;
  /** the trainee loops check this and stop */
  stopped = false;

  /** `onEdge` hears the measured window open and close (the parent reads the server's CPU then). */
  constructor(private readonly onEdge: (edge: 'open' | 'close') => void = () => undefined) {}

  countError(code: string, n = 1): void {
    this.errorCodes[code] = (this.errorCodes[code] ?? 0) + n;
  }

  /** One reply of `t` (a session first if it needs one), its latency or its error counted. */
  async replyOnce(t: SimulatedTrainee, onAckError?: (err: AckError) => boolean): Promise<void> {
    try {
      await t.ensureSession();
      const ms = await t.reply();
      if (this.measuring) this.latencies.push(ms);
    } catch (err) {
      if (err instanceof AckError && onAckError?.(err)) return;
      if (this.measuring) this.countError(err instanceof AckError ? err.code : t.socket.connected ? 'timeout' : 'disconnected');
    }
  }

  /** Warm up, measure for `seconds`, stop the loops, disconnect everyone; the figures of the window. */
  async measure(loops: Promise<unknown>[], trainees: readonly SimulatedTrainee[], warmupSeconds: number, seconds: number) {
    await sleep(warmupSeconds * 1000);
    this.onEdge('open');
    this.measuring = true;
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await sleep(seconds * 1000);
    this.measuring = false;
    const elapsedSec = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    this.onEdge('close');
    this.stopped = true;
    await Promise.race([Promise.all(loops), sleep(ACK_TIMEOUT_MS + 1000)]);
    for (const t of trainees) t.socket.disconnect();
    const latencies = [...this.latencies].sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
    const errors = Object.values(this.errorCodes).reduce((a, b) => a + b, 0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    return { replies: latencies.length, elapsedSec, p50Ms: at(0.5), p99Ms: at(0.99), errors, errorCodes: this.errorCodes, connected: trainees.length, cpuMs };
  }
}

export async function runLoad(config: LoadConfig, onEdge?: (edge: 'open' | 'close') => void): Promise<LoadResult> {
  const trainees = await connectAll(config);
  const window = new LoadWindow(onEdge);
  if (trainees.length < config.sessions) window.countError('connect', config.sessions - trainees.length);
  const loops =
    config.mode === 'closed'
      ? trainees.map(async (t) => {
          for (let i = 0; i < 10_000_000 && !window.stopped; i++) await window.replyOnce(t);
        })
      : trainees.map(async (t, i) => {
          // Spread the trainees evenly over the interval, then each keeps its own beat.
          await sleep((i * config.intervalMs) / trainees.length);
          for (let beat = 0; beat < 100_000 && !window.stopped; beat++) {
            const next = performance.now() + config.intervalMs;
            await window.replyOnce(t);
            await sleep(Math.max(0, next - performance.now()));
          }
        });
  return window.measure(loops, trainees, config.warmupSeconds, config.seconds);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A load generator run as a process: its result is the last line it prints, a failure its stderr and exit code. */
export function reportAndExit(run: Promise<unknown>): void {
  run
    .then((result) => {
      console.log(JSON.stringify(result));
      process.exit(0);
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    });
}

// Run as a process: the config is the one argument, the result the one line printed.
if (process.argv[1]?.endsWith('bench-server-load.ts')) {
  const config = JSON.parse(process.argv[2] ?? '{}') as LoadConfig;
  reportAndExit(runLoad(config, (edge) => console.log(edge === 'open' ? WINDOW_OPEN : WINDOW_CLOSE)));
}
