// The trainee's conversations: what the server said (through client/net), what is waiting to be
// sent, and the actions the chat calls. Trainee events go through the Transport; server events come
// back through the net* actions below.
import type { DrillPause } from '../../server/protocol/index.ts';
import { drillLineWallTime } from './drillTime.ts';
import type { LastLine } from './persist.ts';
import { KEYS, loadSessions, saveSessions } from './persist.ts';
import { paths } from './route.ts';
import type { Outcome } from '../../server/engine/index.ts';
import type { ReportMarks } from '../../server/protocol/index.ts';
import { applyEvent, fromSaved, lastLineOf, newSession, toSaved, withReport } from './sessionReducer.ts';
import type { Slice } from './state.ts';
import type { Api, ChatSession, ConnectionStatus, DeliveredEvent, Mode, NetError, OutboxItem, SessionInfo, SessionView, TraineeAck, Transport } from './types.ts';

/** "What just happened" after a click the simulator refuses to carry out for real. */
export type Notice =
  | { kind: 'link'; sessionId: string; url: string; title?: string; unsafe: boolean; recorded: boolean }
  | { kind: 'file'; sessionId: string; name: string; unsafe: boolean };

const MAX_RESUMED_AT_START = 8;

export interface Backend {
  transport: Transport;
  api: Api;
}

export interface SessionsSlice {
  sessions: Record<string, ChatSession>;
  /** newest first */
  order: string[];
  /**
   * Each remembered chat's last line as saved: the list's time and preview for a chat whose
   * transcript this page has not fetched (an ended chat is fetched only when opened).
   */
  savedLast: Record<string, LastLine>;
  activeId: string | null;
  connection: ConnectionStatus;
  everOnline: boolean;
  /** server clock minus local clock, from acks: waiting timers use the server's time stamps */
  clockOffset: number;
  notice: Notice | null;
  backend: Backend | null;
  attachBackend(backend: Backend): void;
  /** Load the sessions this browser remembers and follow the open ones. */
  restoreSessions(): void;
  /** Start a chat in the given mode (the desk setting by default) and open it. */
  startSession(scenarioId: string, mode?: Mode): Promise<NetError | null>;
  selectSession(sessionId: string | null): void;
  forgetSession(sessionId: string): void;
  sendReply(sessionId: string, text: string): boolean;
  sendCard(sessionId: string, product: string): void;
  sendCoupon(sessionId: string, coupon: string): void;
  openLink(sessionId: string, messageId: string): void;
  /** A bare address in a buyer's text (no link attachment): nothing to record, only the warning. */
  peekLink(sessionId: string, url: string): void;
  answerFile(sessionId: string, messageId: string, accept: boolean): void;
  confirmAddress(sessionId: string): void;
  endSession(sessionId: string): void;
  discardFailed(sessionId: string, clientMsgId: string): void;
  dismissNotice(): void;
  netConnection(status: ConnectionStatus): void;
  netStarted(info: SessionInfo): void;
  netResumed(info: SessionInfo): void;
  netGone(sessionId: string, error: NetError): void;
  netEvent(event: DeliveredEvent): void;
  /** A chat's report that reached this page outside its event stream (an exam drill's end). */
  netReleased(sessionId: string, report: ReportMarks, outcome: Outcome | null): void;
  /** A chat the server says is over, its result still held (an exam drill's): ended, kept so after a reload. */
  netEnded(sessionId: string): void;
  /**
   * An earlier buyer of a drill seat, read over HTTP with the seat token: the drill socket follows
   * only the seat's current chat. In a running exam the server leaves the result out.
   */
  readDrillChat(sessionId: string): Promise<void>;
  netOutbox(sessionId: string, items: readonly OutboxItem[]): void;
  netAcked(sessionId: string, clientMsgId: string, ack: TraineeAck, localMidpoint: number): void;
}

export const createSessionsSlice: Slice<SessionsSlice> = (env) => (set, get) => {
  const persist = () => {
    const { sessions, order, savedLast } = get();
    saveSessions(env.storage, order.flatMap((id) => (sessions[id] ? [toSaved(sessions[id], savedLast[id])] : [])));
  };
  const patch = (sessionId: string, change: (s: ChatSession) => ChatSession) => {
    const s = get().sessions[sessionId];
    if (!s) return;
    set({ sessions: { ...get().sessions, [sessionId]: change(s) } });
  };
  const transport = () => get().backend?.transport;
  /** earlier drill chats being read over HTTP now */
  const reading = new Set<string>();
  // The code, which the page words; the server's English message is for logs.
  const gone = (sessionId: string, code: string) => patch(sessionId, (s) => ({ ...s, status: 'gone', error: code }));
  /** Sends are refused once a session has ended: the server would refuse them anyway. */
  const open = (sessionId: string) => {
    const s = get().sessions[sessionId];
    return s !== undefined && !s.ended && s.status !== 'gone' ? transport() : undefined;
  };
  // 最佳成绩: only a finished chat with no red line counts (bestScore.ts).
  const recordBest = (s: ChatSession) => {
    if (s.report) get().offerBest(s.scenario.id, s.report);
  };

  return {
    sessions: {},
    order: [],
    savedLast: {},
    activeId: null,
    connection: 'connecting',
    everOnline: false,
    clockOffset: 0,
    notice: null,
    backend: null,
    attachBackend(backend) {
      set({ backend });
    },
    restoreSessions() {
      const saved = loadSessions(env.storage);
      const sessions: Record<string, ChatSession> = {};
      const savedLast: Record<string, LastLine> = {};
      for (const s of saved) {
        sessions[s.id] = fromSaved(s);
        if (s.last) savedLast[s.id] = s.last;
      }
      set({
        sessions: { ...sessions, ...get().sessions },
        order: [...new Set([...get().order, ...saved.map((s) => s.id)])],
        savedLast: { ...savedLast, ...get().savedLast },
      });
      // Resume the newest open chats now; older ones when opened (each resume counts against the
      // server's per-socket rate limit, and the server follows at most 16 sessions per socket).
      // A drill seat's earlier buyers are read, not followed: the seat's socket plays only its current one.
      const earlier = saved.filter((x) => get().isEarlierDrillChat(x.id));
      for (const s of earlier.filter((x) => !x.ended)) void get().readDrillChat(s.id);
      for (const s of saved.filter((x) => !x.ended && !earlier.includes(x)).slice(0, MAX_RESUMED_AT_START)) transport()?.track(s.id, s.token);
      const active = get().activeId;
      if (active) get().selectSession(active);
    },
    async startSession(scenarioId, chosenMode) {
      const t = transport();
      if (!t) return { code: 'offline', message: 'not connected' };
      const { displayName, lang } = get();
      const mode = chosenMode ?? get().mode;
      const name = displayName.trim() || (lang === 'en' ? 'Trainee' : '学员');
      const answer = await t.start({ scenarioId, displayName: name, mode });
      if (!answer.ok) return answer.error;
      get().navigate(paths.chat(answer.data.sessionId));
      return null;
    },
    selectSession(sessionId) {
      set({ activeId: sessionId });
      if (!sessionId) return;
      const s = get().sessions[sessionId];
      if (!s) return;
      if (s.unread > 0) patch(sessionId, (x) => ({ ...x, unread: 0 }));
      // A chat not followed yet (ended, or older than the ones resumed at start) shows its
      // transcript when opened: one resume fetches it. Following it again is a no-op.
      if (s.messages.length === 0 && (s.status === 'resuming' || s.ended)) {
        if (get().isEarlierDrillChat(sessionId)) return void get().readDrillChat(sessionId);
        if (s.status !== 'resuming') patch(sessionId, (x) => ({ ...x, status: 'resuming' }));
        transport()?.track(s.id, s.token);
      }
    },
    forgetSession(sessionId) {
      transport()?.untrack(sessionId);
      const sessions = { ...get().sessions };
      delete sessions[sessionId];
      const savedLast = { ...get().savedLast };
      delete savedLast[sessionId];
      set({ sessions, savedLast, order: get().order.filter((id) => id !== sessionId) });
      env.storage?.removeItem(KEYS.outbox(sessionId));
      persist();
    },
    sendReply(sessionId, text) {
      const t = open(sessionId);
      if (!t || text.trim() === '') return false;
      t.send('reply:send', { sessionId, text });
      return true;
    },
    sendCard(sessionId, product) {
      open(sessionId)?.send('card:send', { sessionId, product });
    },
    sendCoupon(sessionId, coupon) {
      open(sessionId)?.send('coupon:send', { sessionId, coupon });
    },
    openLink(sessionId, messageId) {
      const s = get().sessions[sessionId];
      const att = s?.messages.find((m) => m.id === messageId)?.attachment;
      open(sessionId)?.send('link:open', { sessionId, messageId });
      if (att?.kind === 'link') {
        set({ notice: { kind: 'link', sessionId, url: att.url, unsafe: att.unsafe, recorded: true, ...(att.title ? { title: att.title } : {}) } });
      } else if (att?.kind === 'product-link') {
        get().showProduct(att.product);
        // On a small screen the catalogue is in the side drawer: bring it out with the product.
        get().openDrawer('side');
      }
    },
    peekLink(sessionId, url) {
      set({ notice: { kind: 'link', sessionId, url, unsafe: true, recorded: false } });
    },
    answerFile(sessionId, messageId, accept) {
      const att = get().sessions[sessionId]?.messages.find((m) => m.id === messageId)?.attachment;
      open(sessionId)?.send('file:answer', { sessionId, messageId, accept });
      if (accept && att?.kind === 'file') set({ notice: { kind: 'file', sessionId, name: att.name, unsafe: att.unsafe } });
    },
    confirmAddress(sessionId) {
      open(sessionId)?.send('address:confirm', { sessionId });
    },
    endSession(sessionId) {
      open(sessionId)?.send('session:end', { sessionId });
    },
    discardFailed(sessionId, clientMsgId) {
      transport()?.discard(sessionId, clientMsgId);
    },
    dismissNotice() {
      set({ notice: null });
    },
    netConnection(connection) {
      set({ connection, everOnline: get().everOnline || connection === 'online' });
    },
    netStarted(info) {
      const s = newSession(info, env.now());
      set({ sessions: { ...get().sessions, [s.id]: s }, order: [s.id, ...get().order.filter((id) => id !== s.id)] });
      persist();
    },
    netResumed(info) {
      patch(info.sessionId, (s) => {
        const { error: _dropped, ...rest } = s;
        return { ...rest, status: 'live', ended: s.ended || info.ended, replayUntil: Math.max(s.replayUntil, info.lastSeq), rubric: info.rubric, serverStartedAt: info.startedAt };
      });
    },
    netGone(sessionId, error) {
      // A drill chat the seat has moved on from (the rejoin named the next buyer): read, not lost.
      if (get().isEarlierDrillChat(sessionId) && error.code === 'not-found') return void get().readDrillChat(sessionId);
      gone(sessionId, error.code);
    },
    netEvent(event) {
      const id = event.payload.sessionId;
      const before = get().sessions[id];
      if (!before) return;
      // The open chat: on /chat/<id>, or a drill seat's chat on its /join/<code> page.
      const active = get().activeId === id && (get().route.name === 'chat' || get().route.name === 'join');
      const drill = get().isDrillSession(id) ? { offset: get().clockOffset, pauses: get().drillState?.pauses } : null;
      const after = withWallTime(applyEvent(before, event, active), event, drill);
      set({ sessions: { ...get().sessions, [id]: after } });
      if (after.ended !== before.ended || after.outcome !== before.outcome) {
        persist();
        recordBest(after);
      } else if (after.ended && event.payload.seq >= after.replayUntil) {
        // An ended chat fetched when opened, its replay done: keep its last line if the record lacks it.
        const last = after.messages.at(-1);
        const saved = get().savedLast[id];
        if (last && (saved?.at !== last.at || saved.text !== last.text)) {
          set({ savedLast: { ...get().savedLast, [id]: lastLineOf(last) } });
          persist();
        }
      }
    },
    netReleased(sessionId, report, outcome) {
      const before = get().sessions[sessionId];
      if (!before) return;
      const after = withReport(before, report, outcome);
      set({ sessions: { ...get().sessions, [sessionId]: after } });
      persist();
      recordBest(after);
    },
    netEnded(sessionId) {
      const known = get().sessions[sessionId];
      if (!known || known.ended) return;
      patch(sessionId, (x) => ({ ...x, ended: true, typing: null }));
      persist();
    },
    async readDrillChat(sessionId) {
      const s = get().sessions[sessionId];
      const api = get().backend?.api;
      if (!s || !api || reading.has(sessionId)) return;
      reading.add(sessionId);
      if (s.status !== 'resuming') patch(sessionId, (x) => ({ ...x, status: 'resuming' }));
      try {
        const view = await api.session(sessionId, s.token);
        const drill = get().drillState;
        patch(sessionId, (x) => withTranscript(x, view, drill ? { offset: get().clockOffset, pauses: drill.pauses ?? [] } : null));
        persist();
        const after = get().sessions[sessionId];
        if (after) recordBest(after);
      } catch (err) {
        // Not there (or not this seat's): as a chat the server no longer has. Otherwise it stays
        // "resuming", and opening it again asks again.
        const status = /^(\d{3}) /.exec(err instanceof Error ? err.message : '')?.[1];
        if (status === '404' || status === '401') gone(sessionId, status === '404' ? 'not-found' : 'unauthorized');
      } finally {
        reading.delete(sessionId);
      }
    },
    netOutbox(sessionId, items) {
      patch(sessionId, (s) => ({ ...s, outbox: [...items] }));
    },
    netAcked(_sessionId, _clientMsgId, ack, localMidpoint) {
      set({ clockOffset: ack.at - localMidpoint });
    },
  };
};

/**
 * A drill line gets the wall-clock time it appeared (`drill`: the drill clock's offset from the local
 * one now and its pauses so far, null outside a drill): heard live, its drill time less that offset;
 * replayed (a reload), the pauses since it was said taken off too, once the drill's state says them.
 * A time known already stays: the page saw that line appear.
 */
function withWallTime(session: ChatSession, event: DeliveredEvent, drill: { offset: number; pauses: readonly DrillPause[] | undefined } | null): ChatSession {
  if (drill === null || (event.name !== 'buyer:say' && event.name !== 'trainee:say')) return session;
  const { message } = event.payload;
  if (session.wallAt?.[message.id] !== undefined) return session;
  const replayed = event.payload.seq <= session.replayUntil;
  if (replayed && drill.pauses === undefined) return session;
  return { ...session, wallAt: { ...session.wallAt, [message.id]: drillLineWallTime(message.at, drill.offset, replayed ? (drill.pauses ?? []) : []) } };
}

/**
 * A chat filled from its HTTP view: the transcript, whether it ended, its result when the server
 * gives it (never taken away: an exam's release may have come first). `drill`: as withWallTime.
 */
function withTranscript(session: ChatSession, view: SessionView, drill: { offset: number; pauses: readonly DrillPause[] } | null): ChatSession {
  const { error: _dropped, ...rest } = session;
  const wallAt = drill ? Object.fromEntries(view.transcript.map((m) => [m.id, drillLineWallTime(m.at, drill.offset, drill.pauses)])) : undefined;
  const filled: ChatSession = {
    ...rest,
    status: 'live',
    messages: view.transcript,
    ended: session.ended || view.session.ended,
    verdicts: { ...practiceVerdictsOf(session.mode, view), ...session.verdicts },
    ...(wallAt ? { wallAt: { ...wallAt, ...session.wallAt } } : {}),
  };
  return view.report && session.report === null ? withReport(filled, view.report.report, view.report.outcome) : filled;
}

/**
 * The chips under a practice chat's replies, when it is read over HTTP (an earlier drill buyer after
 * a reload): the transcript has none, so they come from its report, each verdict under the reply it
 * concerns, as the report page shows them. Never for an exam: its verdicts would be hints to a
 * classmate (the server holds its report back while the drill runs, server/runtime/examHold.ts; this
 * holds even if one came).
 */
function practiceVerdictsOf(mode: ChatSession['mode'], view: SessionView): ChatSession['verdicts'] {
  if (mode !== 'practice' || view.session.mode !== 'practice' || !view.report) return {};
  const out: ChatSession['verdicts'] = {};
  for (const v of view.report.report.rules) {
    if (v.messageId === undefined || v.verdict === 'n/a') continue;
    // A mark, as the socket brings them: the texts are joined in from the rubric's for display.
    const { title: _title, feedback: _feedback, modelReply: _modelReply, ...mark } = v;
    (out[v.messageId] ??= []).push(mark);
  }
  return out;
}
