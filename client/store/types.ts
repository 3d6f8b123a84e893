// Types shared by the store, the net layer and the features. The store depends on the network only
// through the Transport and Api interfaces, so it can be tested without a socket.
import type { LocalText, Message, OrderDef, Outcome, OutcomeKind, Report, Scenario, Shop, Verdict } from '../../server/engine/index.ts';
import type {
  AckError,
  ClientPayload,
  Mode,
  ReportMarks,
  RuleText,
  ScenarioSummary,
  DeliveredServerEvent,
  SessionInfo,
  SessionRuleTexts,
  TraineeAck,
  TraineeEventName,
  VerdictMark,
} from '../../server/protocol/index.ts';

export type { LocalText, Message, Mode, Outcome, OutcomeKind, Report, ReportMarks, RuleText, ScenarioSummary, SessionInfo, SessionRuleTexts, Shop, Verdict, VerdictMark, TraineeAck };

export type Lang = 'zh-CN' | 'en';
export type ConnectionStatus = 'connecting' | 'online' | 'offline';

/** A server event as the net layer hands it over: name and payload paired. */
export type DeliveredEvent = DeliveredServerEvent;

/** Errors the client adds to the protocol's: no connection, no answer in time. */
export interface NetError {
  code: AckError['code'] | 'offline' | 'timeout';
  message: string;
}
export type NetAck<T> = { ok: true; data: T } | { ok: false; error: NetError };

/** Errors that say "try again later" rather than "this will never work". */
const RETRY_LATER = new Set<string>(['rate-limited', 'unavailable', 'internal', 'timeout']);

/** The one answer to "ask again later, or give up?" for every client retry loop. */
export function retryLater(code: string): boolean {
  return RETRY_LATER.has(code);
}

/** A trainee event waiting for its ack; it survives a reload in localStorage. */
export type OutboxItem = {
  [E in TraineeEventName]: {
    clientMsgId: string;
    event: E;
    payload: ClientPayload<E>;
    /** local clock, for ordering and display */
    queuedAt: number;
    state: 'queued' | 'sending' | 'failed';
    error?: NetError;
  };
}[TraineeEventName];

/** What a trainee event carries besides the clientMsgId the net layer adds. */
export type TraineeBody<E extends TraineeEventName> = Omit<ClientPayload<E>, 'clientMsgId'>;

export interface StartRequest {
  scenarioId: string;
  displayName: string;
  mode: Mode;
}

export interface Transport {
  start(request: StartRequest): Promise<NetAck<SessionInfo>>;
  /** Follow a session: resume it now or on the next connect, and send its queued events. */
  track(sessionId: string, token: string): void;
  untrack(sessionId: string): void;
  /** Queue a trainee event; returns its clientMsgId. */
  send<E extends TraineeEventName>(event: E, body: TraineeBody<E>): string;
  /** Forget a failed event (the trainee dismissed it). */
  discard(sessionId: string, clientMsgId: string): void;
}

/** The public parts of a scenario and its shop (GET /api/scenarios/:id/context). */
export interface ScenarioContext {
  scenario: Pick<Scenario, 'id' | 'version' | 'title' | 'description' | 'persona' | 'difficulty' | 'buyer'> & { order?: OrderDef };
  shop: Shop;
}

/** GET /api/sessions/:id for the token holder: the server joins the rule texts into its report. */
export interface SessionView {
  session: { id: string; mode: Mode; displayName: string; scenario: ScenarioSummary; startedAt: number; ended: boolean; lastSeq: number };
  transcript: Message[];
  /** `openMove`: a chat ended unfinished (no outcome yet): the buyer's move it stopped in */
  report: { report: Report; outcome: Outcome | null; openMove?: BuyerMove } | null;
}

/** A persona state as a trainee may see it: its id, and its display name when the scenario gives one. */
export interface BuyerMove {
  id: string;
  label?: LocalText;
}

export interface Api {
  scenarios(): Promise<ScenarioSummary[]>;
  context(scenarioId: string, version: number): Promise<ScenarioContext>;
  session(sessionId: string, token: string): Promise<SessionView>;
  /** The texts a session's verdict marks refer to; an empty token sends none (a trainer's cookie answers for it). */
  ruleTexts(sessionId: string, token: string): Promise<SessionRuleTexts>;
}

export type SessionStatus = 'resuming' | 'live' | 'gone';

export interface ChatSession {
  id: string;
  token: string;
  mode: Mode;
  displayName: string;
  scenario: ScenarioSummary;
  /** names the rule texts of its verdicts (see SessionInfo); unknown until the server has answered for it */
  rubric?: string;
  /** local clock when this browser started or first saw it */
  startedAt: number;
  /** the server's start of the session (SessionInfo.startedAt), once its start or resume answer has come */
  serverStartedAt?: number;
  status: SessionStatus;
  /** why the server no longer has it (an error code, worded by the page) */
  error?: string;
  /** confirmed by the server, in transcript order */
  messages: Message[];
  /** clientMsgId -> transcript message id, to hide an optimistic item once the server has it */
  byClientId: Record<string, string>;
  /** practice verdicts by the message they concern, as marks: their texts are joined in for display */
  verdicts: Record<string, VerdictMark[]>;
  typing: { messageId: string; until: number } | null;
  outcome: Outcome | null;
  /** the report as the socket brings it (marks, no texts): for its score; the report page loads the full one */
  report: ReportMarks | null;
  ended: boolean;
  outbox: OutboxItem[];
  unread: number;
  /** events up to this seq are a replay of what was said before (a reload): not unread */
  replayUntil: number;
  /**
   * A drill chat's lines by id: the wall-clock time each appeared here. Their `at` is drill time,
   * which stands still while the trainer pauses, so it lags the trainee's clock by every pause.
   */
  wallAt?: Record<string, number>;
  /** best known score and outcome once ended, for the list before the report is loaded */
  score?: number;
  passed?: boolean;
}

