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
}

export interface SessionInfo {
  sessionId: string;
  /** with the session id, resumes the session later or from another device; keep it private */
  token: string;
  mode: Mode;
  displayName: string;
  scenario: ScenarioSummary;
  /** the server's last sequence number when it answered; the events after the client's follow the answer */
  lastSeq: number;
  ended: boolean;
}

/** The answer to a trainee event: the transcript message it became (none for `session:end`). */
export interface TraineeAck {
  messageId: string | null;
  at: number;
}

/** What each server event carries besides `sessionId` and `seq`. */
export interface ServerEventBodies {
  /** the buyer starts typing `messageId`, which appears at `until` */
  'buyer:typing': { messageId: string; at: number; until: number };
  'buyer:say': { message: Message };
  /** a trainee message or action as recorded, so every tab and a resumed client has the transcript */
  'trainee:say': { message: Message; clientMsgId: string };
  /** practice mode only: exam verdicts arrive with the report */
  'verdict:add': { messageId: string; verdicts: Verdict[] };
  'session:outcome': { outcome: Outcome };
  /** the last event of a session */
  'session:report': { report: Report; outcome: Outcome | null };
}

export type ServerEventName = keyof ServerEventBodies;
/** Sequence numbers count 1, 2, 3... per session, in delivery order. */
export type ServerEventPayload<N extends ServerEventName> = ServerEventBodies[N] & { sessionId: string; seq: number };
export const serverEventNames = ['buyer:typing', 'buyer:say', 'trainee:say', 'verdict:add', 'session:outcome', 'session:report'] as const satisfies readonly ServerEventName[];

export type ServerToClientEvents = { [N in ServerEventName]: (payload: ServerEventPayload<N>) => void };

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
