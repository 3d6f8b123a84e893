// A trainee's seat in a classroom drill: the seat token per join code (kept in localStorage so a
// reload or a second tab with the same link returns to the same seat), the drill's state, the
// class-wide reveal when the trainer shows it. The seat's session itself lives in the sessions slice
// like any chat; the net layer routes its events through the drill connection.
import type { DrillState, JoinCodeStatus, ReleasedChat, Reveal, SeatInfo, SeatTotal } from '../../server/protocol/index.ts';
import { readJson, writeJson } from './persist.ts';
import type { AppState, Slice } from './state.ts';
import type { NetAck, NetError, SessionInfo } from './types.ts';

export type { DrillState, JoinCodeStatus, Reveal, SeatInfo, SeatTotal };

const SEATS_KEY = 'kefu.drillSeats';

export interface SeatRecord {
  code: string;
  drillId: string;
  seatId: string;
  seatToken: string;
  displayName: string;
  /** the sessions this seat has played, oldest first */
  sessionIds: string[];
  /**
   * The drill has ended (as this page last heard): the seat is kept whatever a later rejoin answers,
   * since its chats, drill total and released results are all this trainee has of it, and none of
   * its chats is followed live any more (each is read over HTTP).
   */
  ended?: true;
}

/** `cancelled`: the trainer called the drill off before it started (or it was left unstarted too long). */
export type SeatPhase = 'none' | 'joining' | 'seated' | 'removed' | 'cancelled' | 'failed';

/**
 * A refused drill event as the server answered it: the error code, the stable `reason` the drill
 * gives beside it (server/protocol/drillEvents.ts DrillErrorReason) for the page to word in its own
 * language, and the English message, for logs only.
 */
export type DrillRefusal = NetError & { reason?: string };

/** What the store needs from the drill connection (client/net/drillConnect.ts). */
export interface DrillTransport {
  join(code: string, displayName: string): Promise<NetAck<SeatInfo>>;
  /** What a join code leads to, asked before the trainee types a name. */
  check(code: string): Promise<NetAck<{ status: JoinCodeStatus }>>;
  /** Take the seat on this connection (and again after every reconnect). */
  rejoin(seat: SeatRecord): void;
  leave(): void;
}

export interface DrillSlice {
  seats: Record<string, SeatRecord>;
  drillCode: string | null;
  seatPhase: SeatPhase;
  /** why the last join or rejoin was refused (the page words its reason) */
  seatError: DrillRefusal | null;
  drillState: DrillState | null;
  /** local time the drill state arrived: its clock runs on from there while the drill runs */
  drillStateAt: number;
  drillReveal: Reveal | null;
  /** the seat's own drill score, once the drill has ended (server: the results page's row) */
  drillTotal: SeatTotal | null;
  /** the join gave the seat another name than the one typed (someone had it): the page says so once */
  seatRenamed: string | null;
  dismissSeatRenamed(): void;
  drillTransport: DrillTransport | null;
  attachDrillTransport(transport: DrillTransport): void;
  /** The /join/<code> page opened: go back to the seat this browser holds for the code, if any. */
  enterDrill(code: string): void;
  joinDrill(code: string, displayName: string): Promise<DrillRefusal | null>;
  /** What the code leads to (open, cancelled, ended, unknown), asked before a name is; the join checks again. */
  checkDrillCode(code: string): Promise<NetAck<{ status: JoinCodeStatus }>>;
  closeReveal(): void;
  /** Is this session a drill seat's (so it travels on the drill connection)? */
  isDrillSession(sessionId: string): boolean;
  /** A drill seat's chat that is not the seat's current one: read over HTTP, never resumed on the seat's socket. */
  isEarlierDrillChat(sessionId: string): boolean;
  netSeat(info: SeatInfo): void;
  /** `kept`: a passing failure — the seat stays stored and a reload asks again */
  netSeatFailed(error: DrillRefusal, kept?: boolean): void;
  netDrillState(state: DrillState): void;
  netDrillSession(payload: { drillId: string; seatId: string; session: SessionInfo }): void;
  netDrillReveal(reveal: Reveal): void;
  netDrillRemoved(payload: { drillId: string; seatId: string }): void;
  /** The trainer let this removed seat back in: take it again, back to the drill. */
  netDrillAdmitted(payload: { drillId: string; seatId: string }): void;
  netDrillHeadcount(payload: { drillId: string; trainees: number }): void;
  /** An exam drill's chat of this seat ended: over, with no result until the drill ends (server/runtime/examHold.ts). */
  netDrillChatEnded(payload: { drillId: string; seatId: string; sessionId: string }): void;
  /** An exam drill ended: every chat of this seat gets its result, opened or not. */
  netDrillResults(payload: { drillId: string; seatId: string; chats: ReleasedChat[] }): void;
  /** The drill ended: this seat's drill score. */
  netDrillTotal(payload: { drillId: string; seatId: string; total: SeatTotal }): void;
}

/** The server numbers a name already taken in the drill ("小明" becomes "小明 (2)"). */
function renamed(asked: string, given: string): boolean {
  return given !== asked.trim() && / \(\d+\)$/.test(given);
}

/** The name this trainee goes by on the page: their seat's on the drill page they are seated on, else the desk's. */
export function shownName(s: AppState): string {
  const seat = s.route.name === 'join' && s.seatPhase === 'seated' && s.drillCode !== null ? s.seats[s.drillCode] : undefined;
  return seat?.displayName ?? s.displayName;
}

function isSeat(x: unknown): x is SeatRecord {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return ['code', 'drillId', 'seatId', 'seatToken', 'displayName'].every((k) => typeof r[k] === 'string') && Array.isArray(r['sessionIds']) && r['sessionIds'].every((s) => typeof s === 'string') && (r['ended'] === undefined || r['ended'] === true);
}

export const createDrillSlice: Slice<DrillSlice> = (env) => (set, get) => {
  const stored = readJson(env.storage, SEATS_KEY);
  const seats: Record<string, SeatRecord> = {};
  if (typeof stored === 'object' && stored !== null) for (const [code, seat] of Object.entries(stored)) if (isSeat(seat)) seats[code] = seat;
  const save = (next: Record<string, SeatRecord>) => {
    set({ seats: next });
    writeJson(env.storage, SEATS_KEY, next);
  };
  const current = () => {
    const code = get().drillCode;
    return code ? get().seats[code] : undefined;
  };
  /** The current seat's drill has ended: remembered with the seat, so no later refusal forgets it. */
  const markEnded = () => {
    const seat = current();
    if (seat && !seat.ended) save({ ...get().seats, [seat.code]: { ...seat, ended: true } });
  };
  const forgetCurrent = () => {
    const code = get().drillCode;
    if (!code) return;
    const next = { ...get().seats };
    delete next[code];
    save(next);
  };
  /** The drill was cancelled: there is no seat to come back to. */
  const cancelled = () => {
    set({ seatPhase: 'cancelled', seatError: null, drillReveal: null });
    forgetCurrent();
  };
  /** The seat's session as a chat in the sessions slice (once; a later SessionInfo may bring its rubric key and the server's start). */
  const adopt = (info: SessionInfo) => {
    const known = get().sessions[info.sessionId];
    if (!known) get().netStarted({ ...info, lastSeq: 0 });
    else if (known.rubric !== info.rubric || known.serverStartedAt !== info.startedAt) {
      set({ sessions: { ...get().sessions, [info.sessionId]: { ...known, rubric: info.rubric, serverStartedAt: info.startedAt } } });
    }
    // On the seat's page its chat is the open one, so its lines never pile up as unread; but a
    // rejoin (a reconnect, or the resume an opened chat asks for) leaves an earlier buyer the
    // trainee is re-reading open. A new buyer always comes to the front.
    const route = get().route;
    const active = get().activeId;
    const reading = known !== undefined && active !== null && active !== info.sessionId && current()?.sessionIds.includes(active) === true;
    if (route.name === 'join' && route.code === get().drillCode && !reading) get().selectSession(info.sessionId);
  };

  return {
    seats,
    drillCode: null,
    seatPhase: 'none',
    seatError: null,
    drillState: null,
    drillStateAt: 0,
    drillReveal: null,
    seatRenamed: null,
    drillTotal: null,
    dismissSeatRenamed() {
      set({ seatRenamed: null });
    },
    drillTransport: null,
    attachDrillTransport(drillTransport) {
      set({ drillTransport });
    },
    enterDrill(code) {
      // Removed: opening the link again asks again (the trainer may have let the seat back in).
      if (get().drillCode === code && get().seatPhase !== 'none' && get().seatPhase !== 'removed') return;
      set({ drillCode: code, seatPhase: 'none', seatError: null, drillState: null, drillReveal: null, drillTotal: null });
      const seat = get().seats[code];
      if (!seat) return;
      set({ seatPhase: 'joining' });
      get().drillTransport?.rejoin(seat);
    },
    async joinDrill(code, displayName) {
      const transport = get().drillTransport;
      if (!transport) return { code: 'offline', message: 'not connected' };
      set({ drillCode: code, seatPhase: 'joining', seatError: null });
      const answer = await transport.join(code, displayName);
      if (answer.ok) set({ seatRenamed: renamed(displayName, answer.data.displayName) ? answer.data.displayName : null });
      if (!answer.ok) {
        // A cancelled drill's code: said as plainly as a seat that was in it is told.
        if ((answer.error as DrillRefusal).reason === 'cancelled') set({ seatPhase: 'cancelled', seatError: null });
        else set({ seatPhase: 'none', seatError: answer.error });
        return answer.error;
      }
      return null;
    },
    checkDrillCode(code) {
      const transport = get().drillTransport;
      return transport ? transport.check(code) : Promise.resolve({ ok: false, error: { code: 'offline', message: 'not connected' } });
    },
    closeReveal() {
      set({ drillReveal: null });
    },
    isDrillSession(sessionId) {
      return Object.values(get().seats).some((s) => s.sessionIds.includes(sessionId));
    },
    isEarlierDrillChat(sessionId) {
      // An ended drill's seat plays no chat any more: its last one is read too.
      return Object.values(get().seats).some((s) => s.sessionIds.includes(sessionId) && (s.ended === true || s.sessionIds.at(-1) !== sessionId));
    },
    netSeat(info) {
      const code = get().drillCode;
      if (!code) return;
      const before = get().seats[code];
      const sessionIds = [...(before?.seatId === info.seatId ? before.sessionIds : [])];
      if (info.session && !sessionIds.includes(info.session.sessionId)) sessionIds.push(info.session.sessionId);
      const ended = info.drill.status === 'ended' || (before?.seatId === info.seatId && before.ended === true);
      save({ ...get().seats, [code]: { code, drillId: info.drillId, seatId: info.seatId, seatToken: info.seatToken, displayName: info.displayName, sessionIds, ...(ended ? { ended: true as const } : {}) } });
      // The drill clock's offset too, as a drill:state sets it: the lines replayed next are timed by it.
      const now = Date.now();
      set({ seatPhase: 'seated', seatError: null, drillState: info.drill, drillStateAt: now, clockOffset: info.drill.clock - now, ...(info.total ? { drillTotal: info.total } : {}) });
      // Taken just as the trainer cancelled: nothing to wait for.
      if (info.drill.status === 'cancelled') return cancelled();
      if (info.session) adopt(info.session);
    },
    netSeatFailed(error, kept = false) {
      if (error.reason === 'cancelled') return cancelled();
      // Removed: the seat token is kept, so opening the link again asks for that seat (refused until
      // the trainer lets it back in) instead of seating a new trainee under a new name.
      if ((error.code as string) === 'removed' || error.reason === 'removed') return set({ seatPhase: 'removed' });
      set({ seatPhase: 'failed', seatError: error });
      // Gone for good (the token opens nothing): start again. A passing failure keeps the seat
      // token, so a reload tries the seat again; so does a seat whose drill is known to have ended
      // (a server that cannot answer it from the results now must not cost the trainee them).
      if (!kept && current()?.ended !== true) forgetCurrent();
    },
    netDrillState(drillState) {
      // A state change says how many are in too; one from a server that does not count keeps the last count.
      const trainees = drillState.trainees ?? get().drillState?.trainees;
      // The seat's chats run on the drill clock (wall time less every pause): its `clock` sets the
      // page's offset to it at once, so after a resume the wait timers go on from where they stood
      // rather than jumping by the pause until the next ack measures it.
      const now = Date.now();
      set({ drillState: trainees === undefined ? drillState : { ...drillState, trainees }, drillStateAt: now, clockOffset: drillState.clock - now, ...(drillState.status === 'running' ? { drillReveal: null } : {}) });
      if (drillState.status === 'cancelled' && (get().seatPhase === 'seated' || get().seatPhase === 'joining')) cancelled();
      if (drillState.status === 'ended' && current()?.drillId === drillState.drillId) markEnded();
    },
    netDrillChatEnded({ seatId, sessionId }) {
      if (current()?.seatId !== seatId) return;
      get().netEnded(sessionId);
    },
    netDrillResults({ seatId, chats }) {
      const seat = current();
      if (seat?.seatId !== seatId) return;
      for (const chat of chats) if (seat.sessionIds.includes(chat.sessionId)) get().netReleased(chat.sessionId, chat.report, chat.outcome);
    },
    netDrillTotal({ seatId, total }) {
      if (current()?.seatId !== seatId) return;
      set({ drillTotal: total });
      markEnded();
    },
    netDrillHeadcount({ drillId, trainees }) {
      const drillState = get().drillState;
      if (drillState?.drillId === drillId) set({ drillState: { ...drillState, trainees } });
    },
    netDrillSession({ seatId, session }) {
      const seat = current();
      if (!seat || seat.seatId !== seatId) return;
      if (!seat.sessionIds.includes(session.sessionId)) save({ ...get().seats, [seat.code]: { ...seat, sessionIds: [...seat.sessionIds, session.sessionId] } });
      adopt(session);
    },
    netDrillReveal(drillReveal) {
      set({ drillReveal });
    },
    netDrillRemoved({ seatId }) {
      if (current()?.seatId !== seatId) return;
      // The seat is kept (see netSeatFailed): the trainer's 放回 is the way back, not a new name.
      set({ seatPhase: 'removed' });
    },
    netDrillAdmitted({ seatId }) {
      const seat = current();
      if (seat?.seatId !== seatId || get().seatPhase !== 'removed') return;
      set({ seatPhase: 'joining', seatError: null });
      get().drillTransport?.rejoin(seat);
    },
  };
};
