// Server events -> a session's new state. Pure, so replays, duplicates and reconnects are tested
// without a socket or React. The net layer has already dropped events it saw before (by seq).
import type { LastLine, SavedSession } from './persist.ts';
import type { Outcome } from '../../server/engine/index.ts';
import type { ReportMarks } from '../../server/protocol/index.ts';
import type { ChatSession, DeliveredEvent, Message, SessionInfo, VerdictMark } from './types.ts';

function messageNumber(id: string): number {
  const n = Number(id.replace(/^\D+/, ''));
  return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
}

/** Messages in the order they appeared: by time, then by number (m1, m2, ...) for lines of the same moment. */
function comesBefore(a: Message, b: Message): boolean {
  return a.at < b.at || (a.at === b.at && messageNumber(a.id) < messageNumber(b.id));
}

/**
 * Insert keeping transcript order; a message already there is left as it is. Numbers alone are not
 * that order: a reply sent while the buyer was still typing gets a later number than her pending
 * lines, yet appeared before them.
 */
export function withMessage(messages: readonly Message[], message: Message): Message[] {
  if (messages.some((m) => m.id === message.id)) return messages as Message[];
  const out = [...messages];
  let i = out.length;
  while (i > 0 && comesBefore(message, out[i - 1] as Message)) i--;
  out.splice(i, 0, message);
  return out;
}

function withVerdicts(existing: readonly VerdictMark[] | undefined, added: readonly VerdictMark[]): VerdictMark[] {
  const kept = (existing ?? []).filter((v) => !added.some((a) => a.rule === v.rule));
  return [...kept, ...added];
}

export function applyEvent(session: ChatSession, event: DeliveredEvent, active: boolean): ChatSession {
  const quiet = active || event.payload.seq <= session.replayUntil;
  switch (event.name) {
    case 'buyer:typing':
      return { ...session, typing: { messageId: event.payload.messageId, until: event.payload.until } };
    case 'buyer:say': {
      const { message } = event.payload;
      const fresh = !session.messages.some((m) => m.id === message.id);
      return {
        ...session,
        messages: withMessage(session.messages, message),
        typing: session.typing?.messageId === message.id ? null : session.typing,
        unread: fresh && !quiet ? session.unread + 1 : session.unread,
      };
    }
    case 'trainee:say': {
      const { message, clientMsgId } = event.payload;
      return {
        ...session,
        messages: withMessage(session.messages, message),
        byClientId: clientMsgId ? { ...session.byClientId, [clientMsgId]: message.id } : session.byClientId,
      };
    }
    case 'verdict:add':
      return { ...session, verdicts: { ...session.verdicts, [event.payload.messageId]: withVerdicts(session.verdicts[event.payload.messageId], event.payload.verdicts) } };
    case 'session:outcome':
      return { ...session, outcome: event.payload.outcome };
    case 'session:report':
      return withReport(session, event.payload.report, event.payload.outcome);
  }
}

/** The chat with its report: ended, scored (what `session:report` says, or an exam drill's end releases). */
export function withReport(session: ChatSession, report: ReportMarks, outcome: Outcome | null): ChatSession {
  return { ...session, report, outcome: outcome ?? session.outcome, ended: true, typing: null, score: report.score, passed: report.passed };
}

/** What a chat is made from: the server's answer, or what this browser (or a trainer's watch) knows before it, without a rubric or the server's start. */
export type SessionSeed = Omit<SessionInfo, 'rubric' | 'startedAt'> & { rubric?: string; startedAt?: number };

export function newSession(info: SessionSeed, startedAt: number): ChatSession {
  return {
    id: info.sessionId,
    token: info.token,
    mode: info.mode,
    displayName: info.displayName,
    scenario: info.scenario,
    ...(info.rubric ? { rubric: info.rubric } : {}),
    startedAt,
    ...(info.startedAt === undefined ? {} : { serverStartedAt: info.startedAt }),
    status: 'live',
    messages: [],
    byClientId: {},
    verdicts: {},
    typing: null,
    outcome: null,
    report: null,
    ended: info.ended,
    outbox: [],
    unread: 0,
    replayUntil: 0,
  };
}

/** A remembered session before the server has answered for it. */
export function fromSaved(saved: SavedSession): ChatSession {
  return {
    ...newSession({ sessionId: saved.id, token: saved.token, mode: saved.mode, displayName: saved.displayName, scenario: saved.scenario, lastSeq: 0, ended: saved.ended }, saved.startedAt),
    status: saved.ended ? 'live' : 'resuming',
    ...(saved.score === undefined ? {} : { score: saved.score }),
    ...(saved.passed === undefined ? {} : { passed: saved.passed }),
  };
}

/** What the conversation list needs of a message: its time and what its preview is made from. */
export function lastLineOf(m: Message): LastLine {
  return {
    at: m.at,
    from: m.from,
    text: m.text,
    ...(m.attachment ? { attachment: { kind: m.attachment.kind } } : {}),
    ...(m.action ? { action: { kind: m.action.kind } } : {}),
  };
}

/** The record kept in the browser; `known` is the last line saved before, for a chat not fetched yet. */
export function toSaved(s: ChatSession, known?: LastLine): SavedSession {
  const lastMessage = s.messages.at(-1);
  const last = lastMessage ? lastLineOf(lastMessage) : known;
  return {
    id: s.id,
    token: s.token,
    mode: s.mode,
    displayName: s.displayName,
    scenario: s.scenario,
    startedAt: s.startedAt,
    ended: s.ended,
    ...(s.score === undefined ? {} : { score: s.score }),
    ...(s.passed === undefined ? {} : { passed: s.passed }),
    outcome: s.outcome?.kind ?? null,
    ...(last ? { last } : {}),
  };
}

/**
 * Since when the buyer has waited for an answer: their first line after the trainee's last turn
 * (a buyer who writes three times in a row has waited since the first), or null when nobody waits.
 */
export function waitingSince(session: ChatSession): number | null {
  if (session.ended || session.outcome) return null;
  let since: number | null = null;
  for (let i = session.messages.length - 1; i >= 0; i--) {
    const m = session.messages[i] as (typeof session.messages)[number];
    if (m.from !== 'buyer') break;
    since = m.at;
  }
  return since;
}
