// The socket events of a practice session, declared once for both ends:
// `new Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>()` on the
// server, `Socket<ServerToClientEvents, ClientToServerEvents>` in client/net.
import type { LocalText, Message, Outcome, Report, Verdict } from '../engine/index.ts';
import type { Ack } from './errors.ts';
import type { ClientEventName, ClientPayload, Mode, TraineeEventName } from './schemas.ts';

export interface ScenarioSummary {
  id: string;
  version: number;
  title: LocalText;
  description: LocalText;
  difficulty: string;
  persona: string;
  shop: string;
  /** the score a finished chat needs to pass (the rubric's); absent from summaries saved before it was added */
  passMark?: number;
}

export interface SessionInfo {
  sessionId: string;
  /** with the session id, resumes the session later or from another device; keep it private */
  token: string;
  mode: Mode;
  displayName: string;
  scenario: ScenarioSummary;
  /**
   * When the server started the session (epoch ms): what the session's relative order dates ('-7d')
   * count from, so a chat shows the same dates whichever device or day it is opened on.
   */
  startedAt: number;
  /** the server's last sequence number when it answered; the events after the client's follow the answer */
  lastSeq: number;
  ended: boolean;
  /**
   * Names the rule texts this session's verdicts refer to (a digest of them): equal keys, equal texts,
   * so a client fetches `GET /api/sessions/:id/rules` once per key, not once per session.
   */
  rubric: string;
}

/** What a rule says to the trainee: the same for every verdict on it, so it travels once per rubric. */
export interface RuleText {
  rule: string;
  title?: LocalText;
  feedback: LocalText;
  modelReply?: LocalText;
}

/**
 * A verdict as a session's events carry it: the rule by id, without its texts (a client joins them
 * from the session's rule texts). Logs written before this carry the texts too; readers ignore them.
 */
export type VerdictMark = Omit<Verdict, 'title' | 'feedback' | 'modelReply'>;
export type ReportMarks = Omit<Report, 'rules'> & { rules: VerdictMark[] };

/** `GET /api/sessions/:id/rules`: practice sessions, ended sessions and trainers only. */
export interface SessionRuleTexts {
  rubric: string;
  rules: RuleText[];
}

/** The answer to a trainee event: the transcript message it became (none for `session:end`). */
export interface TraineeAck {
  messageId: string | null;
  at: number;
  /**
   * Only to a socket that asked for it at its handshake (`auth: { ackEvents: true }`): the session's
   * events that fell due with this one (the trainee's line, its verdicts, at instant pace the buyer's
   * answer), in order, each with its sequence number. That socket does not also get them as separate
   * events: one frame a reply instead of four or five. Absent from a retry's answer (what it would
   * have carried went out with the first answer; a gap in sequence numbers is filled by resuming).
   */
  events?: DeliveredServerEvent[];
}

/** Asked for at the handshake: a trainee event's answer carries the events due with it (TraineeAck.events). */
export interface HandshakeAuth {
  ackEvents?: boolean;
}

/** What each server event carries besides `sessionId` and `seq`. */
export interface ServerEventBodies {
  /** the buyer starts typing `messageId`, which appears at `until` */
  'buyer:typing': { messageId: string; at: number; until: number };
  'buyer:say': { message: Message };
  /** a trainee message or action as recorded, so every tab and a resumed client has the transcript */
  'trainee:say': { message: Message; clientMsgId: string };
  /** practice mode only: exam verdicts arrive with the report */
  'verdict:add': { messageId: string; verdicts: VerdictMark[] };
  'session:outcome': { outcome: Outcome };
  /** the last event of a session */
  'session:report': { report: ReportMarks; outcome: Outcome | null };
}

export type ServerEventName = keyof ServerEventBodies;
/** Sequence numbers count 1, 2, 3... per session, in delivery order. */
export type ServerEventPayload<N extends ServerEventName> = ServerEventBodies[N] & { sessionId: string; seq: number };
export const serverEventNames = ['buyer:typing', 'buyer:say', 'trainee:say', 'verdict:add', 'session:outcome', 'session:report'] as const satisfies readonly ServerEventName[];

export type ServerToClientEvents = { [N in ServerEventName]: (payload: ServerEventPayload<N>) => void };

/** A server event as a value: its name and what it carries. */
export type DeliveredServerEvent = { [N in ServerEventName]: { name: N; payload: ServerEventPayload<N> } }[ServerEventName];

export type AckData = { 'session:start': SessionInfo; 'session:resume': SessionInfo } & { [E in TraineeEventName]: TraineeAck };

export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientPayload<E>, ack: (answer: Ack<AckData[E]>) => void) => void;
};

// Nodes talk through the adapter only; no events of their own yet.
export type InterServerEvents = Record<never, never>;

export interface SocketData {
  /** sessions this socket started or resumed with a valid token: the only ones it may act in */
  sessions: string[];
}
