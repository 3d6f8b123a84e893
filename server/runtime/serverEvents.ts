// Engine effects -> server events, each with the time it falls due. Records are numbered k = 1, 2, ...
// in the order the engine produced them; a client sees them in (dueAt, k) order, and its sequence
// number is the rank in that order. The rank of an event never changes once it is due: every later
// step runs at a `now` no earlier than any delivery, and its events are due at `now` or later.
import type { SessionEffect, SessionState } from '../engine/index.ts';
import type { Mode, ServerEventBodies, ServerEventName } from '../protocol/index.ts';
import type { LoggedEffect } from '../store/sessionLog.ts';
import { toMark, toReportMarks } from './ruleTexts.ts';

export type EventRecord = {
  [N in ServerEventName]: { k: number; dueAt: number; name: N; body: ServerEventBodies[N] };
}[ServerEventName];

/**
 * Map one step's effects. `after` is the state the step produced; `clientMsgId` names the trainee
 * event that caused them (null for the start and for ticks).
 */
export function effectsToRecords(effects: readonly SessionEffect[], after: SessionState, now: number, firstK: number, clientMsgId: string | null): EventRecord[] {
  const out: EventRecord[] = [];
  const add = <N extends ServerEventName>(name: N, dueAt: number, body: ServerEventBodies[N]) => {
    out.push({ k: firstK + out.length, dueAt, name, body } as EventRecord);
  };
  for (const effect of effects) {
    switch (effect.type) {
      case 'message': {
        const message = effect.message;
        if (message.from === 'trainee') {
          add('trainee:say', now, { message, clientMsgId: clientMsgId ?? '' });
          break;
        }
        if (message.typingAt !== undefined && message.typingAt < message.at) {
          add('buyer:typing', message.typingAt, { messageId: message.id, at: message.typingAt, until: message.at });
        }
        add('buyer:say', message.at, { message });
        break;
      }
      case 'verdicts':
        add('verdict:add', now, { messageId: effect.messageId, verdicts: effect.verdicts.map(toMark) });
        break;
      case 'outcome':
        // Shown once the buyer's last line is on screen, not before it.
        add('session:outcome', Math.max(now, after.lastBuyerAt ?? now), { outcome: effect.outcome });
        break;
      case 'ended':
        add('session:report', now, { report: toReportMarks(effect.report), outcome: after.outcome });
        break;
    }
  }
  return out;
}

/** As stored in the log (the kind is the event name). */
export function toLogged(record: EventRecord): LoggedEffect {
  return { k: record.k, dueAt: record.dueAt, kind: record.name, payload: record.body };
}

export function fromLogged(effect: LoggedEffect): EventRecord {
  const record = { k: effect.k, dueAt: effect.dueAt, name: effect.kind, body: effect.payload } as EventRecord;
  // Logs written before verdicts became marks carry each rule's texts: read them as marks, so a
  // resumed session sends what a new one does and its replay compares equal.
  if (record.name === 'verdict:add') return { ...record, body: { ...record.body, verdicts: record.body.verdicts.map(toMark) } };
  if (record.name === 'session:report') return { ...record, body: { ...record.body, report: toReportMarks(record.body.report) } };
  return record;
}

/** Exam verdicts are kept in the log but reach the trainee only in the report; nothing shows after the end. */
export function isVisible(record: EventRecord, mode: Mode, endedAt: number | null): boolean {
  if (record.name === 'verdict:add' && mode !== 'practice') return false;
  return endedAt === null || record.dueAt <= endedAt;
}

export function byDelivery(a: EventRecord, b: EventRecord): number {
  return a.dueAt - b.dueAt || a.k - b.k;
}

/** Insert keeping (dueAt, k) order; new records are nearly always last. */
export function insertInOrder(sorted: EventRecord[], record: EventRecord): void {
  let i = sorted.length;
  while (i > 0 && byDelivery(sorted[i - 1] as EventRecord, record) > 0) i--;
  sorted.splice(i, 0, record);
}
