// Rebuild a session from its log: the start (seed, time, speed) and every inbound event with its
// time, through the same step() that ran live. The effects it produces are compared with the stored
// ones: a difference means the engine or the scenario bundle no longer reproduces the session.
import type { CompiledScenario, SessionEvent, SessionState } from '../engine/index.ts';
import { startSession, step } from '../engine/index.ts';
import type { TraineeAck } from '../protocol/index.ts';
import type { StoredSession } from '../store/sessionLog.ts';
import type { EventRecord } from './serverEvents.ts';
import { effectsToRecords, fromLogged } from './serverEvents.ts';

export interface ReplayedSession {
  state: SessionState;
  /** the server events as stored (what clients were sent), in k order */
  records: EventRecord[];
  /** answers to trainee events by clientMsgId, for retries */
  results: Map<string, TraineeAck>;
  eventCount: number;
  /** time of the last logged event: the session clock never runs behind it */
  lastAt: number;
  /** the first difference between the stored effects and the replayed ones, if any */
  divergence: string | null;
  replayed: true;
}

export function replaySession(compiled: CompiledScenario, stored: StoredSession): ReplayedSession {
  const { session } = stored;
  const start = startSession(compiled, { seed: session.seed, now: session.started_at, speed: session.speed, rulesRevision: session.rules_revision });
  let state = start.state;
  const replayed = effectsToRecords(start.effects, state, session.started_at, 1, null);
  const results = new Map<string, TraineeAck>();
  let lastAt = session.started_at;
  for (const event of stored.events) {
    const result = step(compiled, state, event.payload as SessionEvent, event.at);
    state = result.state;
    replayed.push(...effectsToRecords(result.effects, state, event.at, replayed.length + 1, event.clientMsgId));
    if (event.clientMsgId !== null && event.result !== null) results.set(event.clientMsgId, event.result as TraineeAck);
    lastAt = event.at;
  }
  const records = [...stored.startEffects, ...stored.events.flatMap((e) => e.effects)].map(fromLogged);
  return { state, records, results, eventCount: stored.events.length, lastAt, divergence: firstDifference(records, replayed), replayed: true };
}

function firstDifference(stored: EventRecord[], replayed: EventRecord[]): string | null {
  const count = Math.max(stored.length, replayed.length);
  for (let i = 0; i < count; i++) {
    const a = stored[i];
    const b = replayed[i];
    if (!a || !b) return `stored ${stored.length} server events, replay produced ${replayed.length}`;
    if (a.k !== b.k || a.dueAt !== b.dueAt || a.name !== b.name || JSON.stringify(a.body) !== JSON.stringify(b.body)) {
      return `server event k=${a.k}: stored ${a.name}@${a.dueAt}, replayed ${b.name}@${b.dueAt}`;
    }
  }
  return null;
}
