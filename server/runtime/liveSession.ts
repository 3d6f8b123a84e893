// One running session: the engine state, the server events not yet due, and the ones delivered
// (kept for replay by sequence number). Every job on a session (a trainee event, a timer, a resume)
// runs on one queue, so steps, deliveries and replays never interleave, and nothing is delivered
// or acknowledged before its log rows are committed.
import type { Logger } from 'pino';
import type { CompiledScenario, LocalText, Message, SessionEvent, SessionState, StepResult } from '../engine/index.ts';
import { nextDeadline, SessionError, step } from '../engine/index.ts';
import type { Ack, DeliveredServerEvent, Mode, ScenarioSummary, ServerEventPayload, SessionRuleTexts, TraineeAck } from '../protocol/index.ts';
import { fail, ok } from '../protocol/index.ts';
import { LeaseLostError } from '../store/leases.ts';
import { isDuplicateRow, isStoreUnavailable, STORE_UNAVAILABLE } from '../store/storeFailures.ts';
import type { SessionLog } from '../store/sessionLog.ts';
import { rubricTexts } from './ruleTexts.ts';
import type { Scheduler } from './scheduler.ts';
import type { EventRecord } from './serverEvents.ts';
import { byDelivery, effectsToRecords, insertInOrder, isVisible, toLogged } from './serverEvents.ts';

export type DeliveredEvent = DeliveredServerEvent;

export interface SessionIdentity {
  id: string;
  mode: Mode;
  displayName: string;
  scenario: ScenarioSummary;
  startedAt: number;
}

export interface LiveSessionDeps {
  log: SessionLog;
  scheduler: Scheduler;
  logger: Logger;
  /** to every socket in the session's room, but the one `except` names (it had the event in its answer) */
  broadcast: (sessionId: string, event: DeliveredEvent, except?: string) => void;
  /** the report has been delivered: nothing more will happen in this session */
  onFinished: (session: LiveSession) => void;
  /** the lease this node runs the session under: every append is fenced by it */
  lease?: { owner: string; epoch: number } | undefined;
  /** a fenced append said another node runs the session now: this copy is dead */
  onLeaseLost?: (session: LiveSession) => void;
  /**
   * The log already had this copy's next row (a commit whose answer was lost): this copy is behind
   * its log and dead, but the session is still this node's — rebuild it from the log now, so its
   * timers go on without waiting for the trainee or for the lease to lapse.
   */
  onBehindLog?: (session: LiveSession) => void;
}

/** What a session is rebuilt from: a fresh start or a replayed log. */
export interface SessionSeed {
  state: SessionState;
  records: EventRecord[];
  results: Map<string, TraineeAck>;
  eventCount: number;
  lastAt: number;
  /** rebuilt from the log: what fell due before now counts as delivered */
  replayed: boolean;
}

const RETRY_AFTER_FAILURE_MS = 1000;

export class LiveSession {
  private state: SessionState;
  private eventCount: number;
  private nextK: number;
  private readonly pending: EventRecord[];
  private readonly delivered: DeliveredEvent[] = [];
  private readonly results: Map<string, TraineeAck>;
  private endedAt: number | null;
  /** the session clock never runs backwards, whatever the wall clock does */
  private clockHigh: number;
  private cancelTimer: (() => void) | null = null;
  private queue: Promise<void> = Promise.resolve();
  private jobs = 0;
  /** another node took the session over: no job runs on this copy any more */
  private moved = false;
  /** standing still (a drill seat the trainer removed): no timer is armed until it moves on */
  private still = false;
  /** this copy wrote the end, and the lease went with it */
  leaseReleased = false;
  lastActivity: number;

  constructor(
    readonly identity: SessionIdentity,
    private readonly compiled: CompiledScenario,
    seed: SessionSeed,
    private readonly deps: LiveSessionDeps,
  ) {
    this.state = seed.state;
    this.eventCount = seed.eventCount;
    this.nextK = seed.records.length + 1;
    this.results = seed.results;
    this.endedAt = seed.state.ended ? seed.lastAt : null;
    this.clockHigh = seed.lastAt;
    this.pending = seed.records.filter((r) => isVisible(r, identity.mode, this.endedAt)).sort(byDelivery);
    // In a rebuilt session, what fell due before now was delivered (or would have been, had anyone
    // been connected): it takes its sequence number now, and a resuming client asks for what it missed.
    if (seed.replayed) this.deliverDue(this.now(), false);
    this.lastActivity = this.clockHigh;
  }

  get id(): string {
    return this.identity.id;
  }

  /** The texts this session's verdict marks refer to. */
  get ruleTexts(): SessionRuleTexts {
    return rubricTexts(this.compiled, this.state.rulesRevision);
  }

  /** The buyer's move now (persona state id) and its display name when the scenario gives one. */
  get buyerMove(): { id: string; label?: LocalText } {
    const id = this.state.machine.value;
    const label = this.compiled.scenario.states[id]?.label;
    return label ? { id, label } : { id };
  }

  get lastSeq(): number {
    return this.delivered.length;
  }

  get ended(): boolean {
    return this.state.ended;
  }

  /** Nothing scheduled and nothing running: the session can leave memory without losing anything. */
  get quiet(): boolean {
    return this.cancelTimer === null && this.jobs === 0;
  }

  /** Deliver what is due and arm the timer; call once the first clients can hear the session. */
  begin(): Promise<void> {
    return this.enqueue(() => this.settle(this.now()));
  }

  /**
   * A trainee event. `respond` is called exactly once: after the commit, or with an error; unless the
   * session turns out to be run by another node now and `onMoved` is given: then `onMoved` is called
   * instead, nothing having been written (the caller takes the lease and tries again).
   * `carrier`: the id of a socket that takes the events due with this one in its answer
   * (TraineeAck.events); the room's other sockets get them as usual, that one not again.
   */
  act(event: SessionEvent, clientMsgId: string, respond: (answer: Ack<TraineeAck>) => void, onMoved?: () => void, carrier?: string): Promise<void> {
    let answered = false;
    const answer = (a: Ack<TraineeAck>) => {
      if (answered) return;
      answered = true;
      respond(a);
    };
    return this.enqueue(async () => {
      const previous = this.results.get(clientMsgId);
      if (previous) return answer(ok(previous));
      const now = this.now();
      this.deliverDue(now, true);
      let result: StepResult;
      try {
        result = step(this.compiled, this.state, event, now);
      } catch (err) {
        if (err instanceof SessionError) return answer(fail(err.code, err.message));
        throw err;
      }
      const ack: TraineeAck = { messageId: traineeMessageId(result), at: now };
      await this.commit(event, now, result, clientMsgId, ack);
      this.results.set(clientMsgId, ack);
      if (carrier === undefined) {
        answer(ok(ack));
      } else {
        const events: DeliveredEvent[] = [];
        this.deliverDue(now, false, events);
        answer(ok(events.length > 0 ? { ...ack, events } : ack));
        for (const e of events) this.deps.broadcast(this.id, e, carrier);
      }
      this.settle(now);
    }).catch((err: unknown) => {
      if (err instanceof LeaseLostError && onMoved && !answered) {
        answered = true;
        return onMoved();
      }
      if (isStoreUnavailable(err)) {
        this.deps.logger.warn({ err: String(err), sessionId: this.id, event: event.type }, 'the store is unavailable; event refused');
        return answer(fail('unavailable', STORE_UNAVAILABLE));
      }
      this.deps.logger.error({ err, sessionId: this.id, event: event.type }, 'trainee event failed');
      answer(fail('internal', 'the server could not record this event; send it again with the same clientMsgId'));
    });
  }

  /** Answer a (re)connecting client: `respond` gets the current sequence number and what came after `lastSeq`. */
  resume(lastSeq: number, respond: (lastSeq: number, missed: DeliveredEvent[]) => void): Promise<void> {
    return this.enqueue(() => {
      const now = this.now();
      this.deliverDue(now, true);
      respond(this.delivered.length, this.delivered.slice(lastSeq));
      this.settle(now);
    });
  }

  /** Messages on screen now (buyer lines not yet due are not), and the report once ended. */
  view(): { transcript: Message[]; lastSeq: number; ended: boolean; report: ServerEventPayload<'session:report'> | null } {
    const now = this.now();
    const last = this.delivered.at(-1);
    return {
      // In the order they appeared: a reply sent while the buyer was typing comes before her pending lines (stable sort).
      transcript: this.state.messages.filter((m) => m.at <= now).sort((a, b) => a.at - b.at),
      lastSeq: this.delivered.length,
      ended: this.state.ended,
      report: last?.name === 'session:report' ? last.payload : null,
    };
  }

  /** Resolves once every job queued so far has run (tests driving a manual clock wait on it). */
  settled(): Promise<void> {
    return this.queue;
  }

  /**
   * Stand still: the timer stops and nothing re-arms it (a resume, a watch, a step) until `moveOn`,
   * so the buyer neither nudges nor leaves and no later verdict comes (a removed drill seat).
   */
  standStill(): void {
    this.still = true;
    this.dispose();
  }

  /** Time runs for the session again (the seat was let back in); call `begin` to arm its timer. */
  moveOn(): void {
    this.still = false;
  }

  /** Stop the timer (server shutdown or eviction); the log has everything needed to go on. */
  dispose(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  private enqueue(job: () => Promise<void> | void): Promise<void> {
    this.jobs++;
    const guarded = () => {
      if (this.moved) throw new LeaseLostError('session', this.id);
      return job();
    };
    const run = this.queue.then(guarded).finally(() => this.jobs--);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private now(): number {
    this.clockHigh = Math.max(this.clockHigh, this.deps.scheduler.now());
    return this.clockHigh;
  }

  /** The timer: deliver what fell due, and wake the buyer when a silence deadline passed. */
  private wake(): void {
    this.cancelTimer = null;
    this.enqueue(async () => {
      const now = this.now();
      this.deliverDue(now, true);
      const deadline = nextDeadline(this.state);
      if (deadline !== null && deadline <= now) {
        const tick: SessionEvent = { type: 'tick' };
        await this.commit(tick, now, step(this.compiled, this.state, tick, now), null, null);
      }
      this.settle(now);
    }).catch((err: unknown) => {
      if (err instanceof LeaseLostError) return;
      this.deps.logger[isStoreUnavailable(err) ? 'warn' : 'error']({ err: String(err), sessionId: this.id }, 'session timer failed; retrying');
      this.arm(this.now() + RETRY_AFTER_FAILURE_MS);
    });
  }

  private async commit(event: SessionEvent, now: number, result: StepResult, clientMsgId: string | null, ack: TraineeAck | null): Promise<void> {
    const n = this.eventCount + 1;
    const records = effectsToRecords(result.effects, result.state, now, this.nextK, clientMsgId);
    const ended = result.effects.find((e) => e.type === 'ended');
    const end = ended?.type === 'ended' ? { endedAt: now, outcome: result.state.outcome?.kind ?? null, score: ended.report.score } : undefined;
    const lease = this.deps.lease;
    const fence = lease && { owner: lease.owner, epoch: lease.epoch, wakeAt: this.wakeAfter(result.state, records), release: end !== undefined };
    try {
      await this.deps.log.append(this.id, { n, at: now, type: event.type, payload: event, clientMsgId, result: ack, effects: records.map(toLogged) }, end, fence);
    } catch (err) {
      if (err instanceof LeaseLostError) this.drop();
      // The row is there already: a commit whose answer was lost (the connection dropped after it).
      // This copy is behind its log; it goes, and a copy rebuilt from the log answers instead.
      if (isDuplicateRow(err)) {
        this.drop(this.deps.onBehindLog);
        throw new LeaseLostError('session', this.id);
      }
      throw err;
    }
    // Memory changes only once the log has it.
    if (fence?.release) this.leaseReleased = true;
    this.state = result.state;
    this.eventCount = n;
    this.nextK += records.length;
    this.lastActivity = now;
    if (end) {
      this.endedAt = now;
      // Buyer lines still being typed were never seen: they are not part of the chat.
      const kept = this.pending.filter((r) => r.dueAt <= now);
      this.pending.splice(0, this.pending.length, ...kept);
    }
    for (const r of records) if (isVisible(r, this.identity.mode, this.endedAt)) insertInOrder(this.pending, r);
  }

  /** When this session next needs its node (a buyer line due, a silence deadline), once `state` and `records` are in. */
  private wakeAfter(state: SessionState, records: EventRecord[]): number | null {
    let at = nextDeadline(state);
    for (const r of [this.pending[0], ...records]) if (r && (at === null || r.dueAt < at)) at = r.dueAt;
    return at;
  }

  /** Another node runs the session now: stop the timer, refuse every later job, tell the owner. */
  private drop(tell = this.deps.onLeaseLost): void {
    if (this.moved) return;
    this.moved = true;
    this.dispose();
    tell?.(this);
  }

  /** Dropped (lease lost or behind its log): a newer copy, here or elsewhere, runs the session. */
  get dropped(): boolean {
    return this.moved;
  }

  /** The lease was lost (a heartbeat found another owner): the same as a fenced write. */
  leaseLost(): void {
    this.drop();
  }

  private settle(now: number): void {
    this.deliverDue(now, true);
    if (this.state.ended && this.pending.length === 0) {
      this.dispose();
      this.deps.onFinished(this);
      return;
    }
    const deadline = nextDeadline(this.state);
    const next = this.pending[0]?.dueAt;
    const at = deadline === null ? next : next === undefined ? deadline : Math.min(deadline, next);
    if (at === undefined) this.dispose();
    else this.arm(at);
  }

  private arm(at: number): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    if (this.still) return;
    this.cancelTimer = this.deps.scheduler.schedule(at, () => this.wake());
  }

  /** What fell due takes its sequence number: broadcast, or (`into`) handed to the caller. */
  private deliverDue(now: number, broadcast: boolean, into?: DeliveredEvent[]): void {
    for (let i = this.pending.length; i > 0; i--) {
      const record = this.pending[0];
      if (!record || record.dueAt > now) break;
      this.pending.shift();
      const event = { name: record.name, payload: { ...record.body, sessionId: this.id, seq: this.delivered.length + 1 } } as DeliveredEvent;
      this.delivered.push(event);
      if (broadcast) this.deps.broadcast(this.id, event);
      into?.push(event);
    }
  }
}

function traineeMessageId(result: StepResult): string | null {
  for (const effect of result.effects) if (effect.type === 'message' && effect.message.from === 'trainee') return effect.message.id;
  return null;
}
