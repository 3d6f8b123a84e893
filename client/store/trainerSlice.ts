// The trainer's side of classroom drills: the login, drill history, the live drill (state, tiles,
// heat map), the reveal being prepared, the trainee chat being watched and finished drills' results.
// The backend (HTTP + the trainer's drill socket) is attached by the lazily loaded trainer area.
import type {
  DashboardUpdate,
  DrillAckData,
  DrillPayload,
  DrillResults,
  DrillSnapshot,
  DrillState,
  HeatRow,
  Reveal,
  Tile,
  TrainerEventName,
  VerdictMark,
} from '../../server/protocol/index.ts';
import { applyEvent, newSession } from './sessionReducer.ts';
import type { Slice } from './state.ts';
import type { DrillRefusal } from './drillSlice.ts';
import type { ChatSession, DeliveredEvent, LocalText, NetAck, NetError } from './types.ts';
import { retryLater } from './types.ts';

export type { DashboardUpdate, DrillResults, DrillSnapshot, HeatRow, Tile };

export interface TrainerAccount {
  id: string;
  name: string;
  admin: boolean;
}

/**
 * Why a trainer request was refused: the server's error code (`offline` when it could not be
 * reached), the stable `reason` it gave beside the code (why a new trainer account or a login was
 * refused), the wait a refused login names (`retryAfterSeconds`, when the backend passes it on),
 * and its English message, which the page shows only for a code it has no text for.
 */
export interface TrainerFailure {
  code: string;
  reason?: string;
  retryAfterSeconds?: number;
  message: string;
}

/** A trainer backend's errors carry the server's code (and reason, and a login's wait) beside the message. */
export function trainerFailure(err: unknown): TrainerFailure {
  if (!(err instanceof Error)) return { code: 'internal', message: String(err) };
  const { code, reason, retryAfterSeconds } = err as Error & { code?: unknown; reason?: unknown; retryAfterSeconds?: unknown };
  return {
    code: typeof code === 'string' ? code : 'internal',
    ...(typeof reason === 'string' ? { reason } : {}),
    ...(typeof retryAfterSeconds === 'number' && Number.isFinite(retryAfterSeconds) && retryAfterSeconds > 0 ? { retryAfterSeconds: Math.ceil(retryAfterSeconds) } : {}),
    message: err.message,
  };
}

/** A row of GET /api/drills. */
export interface DrillListItem {
  drillId: string;
  code: string;
  scenarioIds: string[];
  mode: string;
  status: DrillState['status'];
  createdAt: number;
  startedAt: number | null;
  endedAt: number | null;
  /** seats that stayed in the class (the ones its numbers count); null before the end */
  seats: number | null;
  /** seats the trainer removed (null before the end, or for a drill stored by an older version) */
  removed?: number | null;
  summary: DrillResults['summary'] | null;
  /** the server restarted while it ran: its results are those so far */
  interrupted?: boolean;
}

export interface TrainerBackend {
  login(name: string, password: string): Promise<TrainerAccount>;
  logout(): Promise<void>;
  me(): Promise<TrainerAccount | null>;
  drills(): Promise<DrillListItem[]>;
  /** Admins only: a new trainer account. Like login, it fails with an Error carrying the server's `code` (and `reason`). */
  addTrainer(name: string, password: string, admin: boolean): Promise<TrainerAccount>;
  results(drillId: string): Promise<DrillResults>;
  /** (Re)open the drill socket: the login cookie is read at its handshake. */
  connect(): void;
  send<E extends TrainerEventName>(name: E, payload: DrillPayload<E>): Promise<NetAck<DrillAckData[E]>>;
}

export interface LiveDrill {
  drillId: string;
  code: string;
  joinUrl: string;
  state: DrillState;
  /** local time at which state.clock was true: the drill clock ticks on locally from there */
  clockAt: number;
  tiles: Record<string, Tile>;
  /** seat ids in joining order */
  order: string[];
  heat: HeatRow[];
  /** every buyer move seen on a tile, first seen first ("scenarioId/move"): the moves a reveal can pick */
  moves: string[];
  /** display names of the drill's buyer moves ("scenarioId/move"); a move without one shows its id */
  moveLabels: Record<string, LocalText>;
}

export interface OpenDrillRequest {
  scenarioIds: string[];
  mode: 'practice' | 'exam';
  timeLimitSeconds?: number;
}

export interface TrainerSlice {
  trainerBackend: TrainerBackend | null;
  trainer: TrainerAccount | null;
  trainerChecked: boolean;
  history: DrillListItem[] | null;
  live: LiveDrill | null;
  liveReveal: Reveal | null;
  /**
   * The trainee chat being watched, and its verdict marks by message id as the trainer gets them
   * (the watch answer, then drill:verdicts): an exam's too, which its chat never carries.
   */
  watched: { seatId: string; session: ChatSession; verdicts?: Record<string, VerdictMark[]> } | null;
  results: Record<string, DrillResults>;
  attachTrainerBackend(backend: TrainerBackend): void;
  /** null once logged in, else why not. */
  trainerLogin(name: string, password: string): Promise<TrainerFailure | null>;
  trainerLogout(): Promise<void>;
  loadHistory(): Promise<void>;
  /** Admins only; why the server refused, else null. */
  addTrainer(name: string, password: string, admin: boolean): Promise<TrainerFailure | null>;
  /** The answer's error, if any: its `reason` says why, for the page to word. */
  openDrill(request: OpenDrillRequest): Promise<DrillRefusal | null>;
  /** Follow a drill of this trainer's (after a reload, or from the history). */
  attachDrill(drillId: string): Promise<DrillRefusal | null>;
  /** A trainer control on the live drill; the answer's error, if any. */
  control<E extends Exclude<TrainerEventName, 'drill:open' | 'drill:attach' | 'drill:watch' | 'drill:unwatch'>>(name: E, extra?: Omit<DrillPayload<E>, 'drillId'>): Promise<DrillRefusal | null>;
  watchSeat(seatId: string | null): Promise<void>;
  /** Why the results did not load, else null. */
  loadResults(drillId: string): Promise<TrainerFailure | null>;
  netTrainerConnected(): void;
  /** The server disconnected the drill socket (its login ended): logged out, or connect again if the login still holds. */
  netTrainerCutOff(): void;
  netTrainerState(state: DrillState): void;
  netDashboard(update: DashboardUpdate): void;
  netWatchEvent(event: DeliveredEvent): void;
  netWatchVerdicts(body: { sessionId: string; messageId: string; verdicts: VerdictMark[] }): void;
}

/** A takeover waits for the dead node's lease to lapse (LEASE_TTL_MS, 15 s by default). */
const ATTACH_RETRY_MS = 1_000;
const MAX_ATTACH_ATTEMPTS = 60;

function withMoves(moves: readonly string[], tiles: readonly Tile[], answered: readonly string[] = []): string[] {
  const out = [...moves];
  for (const key of answered) if (!out.includes(key)) out.push(key);
  for (const t of tiles) {
    const key = t.move && t.scenarioId ? `${t.scenarioId}/${t.move}` : null;
    if (key && !out.includes(key)) out.push(key);
  }
  return out;
}

function fromSnapshot(s: DrillSnapshot, now: number, before: LiveDrill | null): LiveDrill {
  const moves = withMoves(before?.drillId === s.state.drillId ? before.moves : [], s.tiles, s.moves);
  // A node of an older release (mid rolling deploy) sends no `moveLabels`: every move then shows its id.
  const moveLabels = (s as Partial<Pick<DrillSnapshot, 'moveLabels'>>).moveLabels ?? {};
  return { drillId: s.state.drillId, code: s.code, joinUrl: s.joinUrl, state: s.state, clockAt: now, tiles: Object.fromEntries(s.tiles.map((t) => [t.seatId, t])), order: s.tiles.map((t) => t.seatId), heat: s.heat, moves, moveLabels };
}

export const createTrainerSlice: Slice<TrainerSlice> = (env) => (set, get) => {
  const backend = () => get().trainerBackend;
  /** the newest reconnect's follow loop; an older one stops at its next answer */
  let followLoop = 0;
  const offline: NetError = { code: 'offline', message: 'not connected' };
  const withState = (state: DrillState) => {
    const live = get().live;
    if (live && live.drillId === state.drillId) set({ live: { ...live, state, clockAt: env.now() } });
  };
  return {
    trainerBackend: null,
    trainer: null,
    trainerChecked: false,
    history: null,
    live: null,
    liveReveal: null,
    watched: null,
    results: {},
    attachTrainerBackend(trainerBackend) {
      set({ trainerBackend });
      trainerBackend
        .me()
        .then((trainer) => {
          set({ trainer, trainerChecked: true });
          if (trainer) trainerBackend.connect();
        })
        .catch(() => set({ trainerChecked: true }));
    },
    async trainerLogin(name, password) {
      const b = backend();
      if (!b) return offline;
      try {
        const trainer = await b.login(name, password);
        set({ trainer, trainerChecked: true });
        b.connect();
        return null;
      } catch (err) {
        return trainerFailure(err);
      }
    },
    async trainerLogout() {
      await backend()?.logout();
      set({ trainer: null, live: null, history: null, watched: null, liveReveal: null });
    },
    async loadHistory() {
      const b = backend();
      if (b) set({ history: await b.drills() });
    },
    async addTrainer(name, password, admin) {
      const b = backend();
      if (!b) return offline;
      try {
        await b.addTrainer(name, password, admin);
        return null;
      } catch (err) {
        return trainerFailure(err);
      }
    },
    async openDrill(request) {
      const b = backend();
      if (!b) return offline;
      const answer = await b.send('drill:open', request);
      if (!answer.ok) return answer.error;
      set({ live: fromSnapshot(answer.data, env.now(), null), liveReveal: null, watched: null });
      return null;
    },
    async attachDrill(drillId) {
      const b = backend();
      if (!b) return offline;
      if (get().live?.drillId !== drillId) set({ live: null, liveReveal: null, watched: null });
      const answer = await b.send('drill:attach', { drillId });
      if (!answer.ok) return answer.error;
      set({ live: fromSnapshot(answer.data, env.now(), get().live) });
      return null;
    },
    async control(name, extra) {
      const b = backend();
      const live = get().live;
      if (!b || !live) return offline;
      const payload = { ...extra, drillId: live.drillId } as DrillPayload<typeof name>;
      const answer = (await b.send(name, payload)) as NetAck<unknown>;
      if (!answer.ok) return answer.error;
      const data = answer.data as DrillAckData[typeof name];
      if (name === 'drill:reveal') set({ liveReveal: data as Reveal });
      else if (name === 'drill:end') set({ results: { ...get().results, [live.drillId]: data as DrillResults } });
      else if (name === 'drill:remove' || name === 'drill:admit') get().netDashboard({ drillId: live.drillId, clock: live.state.clock, running: live.state.status === 'running', tiles: [data as Tile] });
      else if (name !== 'drill:reveal-show') withState(data as DrillState);
      if (name === 'drill:resume') set({ liveReveal: null });
      return null;
    },
    async watchSeat(seatId) {
      const b = backend();
      const live = get().live;
      if (!b || !live) return;
      if (seatId === null) {
        set({ watched: null });
        await b.send('drill:unwatch', { drillId: live.drillId });
        return;
      }
      const tile = live.tiles[seatId];
      const scenario = live.state.scenarios.find((s) => s.id === tile?.scenarioId) ?? live.state.scenarios[0];
      if (!tile?.sessionId || !scenario) return;
      // Filled in by the session's events from seq 1, which follow the answer. No token: the
      // trainer's cookie opens what a token would.
      const session = newSession({ sessionId: tile.sessionId, token: '', mode: live.state.mode, displayName: tile.name, scenario, lastSeq: 0, ended: false }, env.now());
      set({ watched: { seatId, session } });
      const answer = await b.send('drill:watch', { drillId: live.drillId, seatId });
      if (!answer.ok) {
        if (get().watched?.seatId === seatId) set({ watched: null });
        return;
      }
      // The answer names the rubric: the chips find its texts in the cache, loaded once per key. Its
      // marks so far go under any that came live since.
      const { rubric, verdicts } = answer.data;
      const now = get().watched;
      if (now?.session.id === session.id) set({ watched: { ...now, session: { ...now.session, rubric }, verdicts: { ...verdicts, ...now.verdicts } } });
    },
    async loadResults(drillId) {
      const b = backend();
      if (!b) return offline;
      try {
        const results = await b.results(drillId);
        set({ results: { ...get().results, [drillId]: results } });
        return null;
      } catch (err) {
        return trainerFailure(err);
      }
    },
    netTrainerConnected() {
      // A new connection follows nothing yet: follow the live drill (and the watched chat) again.
      const live = get().live;
      if (!live) return;
      // One follow loop at a time: a newer connection's loop replaces an older one still waiting.
      const loop = ++followLoop;
      const follow = (attempt: number): void => {
        void get()
          .attachDrill(live.drillId)
          .then((err) => {
            if (loop !== followLoop || get().live?.drillId !== live.drillId) return;
            // A passing error, e.g. the drill is between nodes after one died: ask again shortly.
            if (err && retryLater(err.code) && attempt < MAX_ATTACH_ATTEMPTS) {
              setTimeout(() => follow(attempt + 1), ATTACH_RETRY_MS);
              return;
            }
            // The chat the trainer watches now, not the one watched when the connection dropped.
            const watching = get().watched?.seatId;
            if (!err && watching) void get().watchSeat(watching);
          });
      };
      follow(1);
    },
    netTrainerCutOff() {
      const b = backend();
      if (!b) return;
      // Asked, not assumed: a login that still holds (the socket cut off for another reason) connects
      // again; an ended one shows the login page, not a dashboard that no longer updates.
      b.me().then(
        (trainer) => {
          if (trainer) b.connect();
          else set({ trainer: null, live: null, history: null, watched: null, liveReveal: null });
        },
        // The server is out of reach: try the socket again (its handshake reads the cookie).
        () => b.connect(),
      );
    },
    netTrainerState(state) {
      withState(state);
    },
    netDashboard(update) {
      const live = get().live;
      if (!live || live.drillId !== update.drillId) return;
      const tiles = { ...live.tiles };
      const order = [...live.order];
      for (const tile of update.tiles) {
        if (!tiles[tile.seatId]) order.push(tile.seatId);
        tiles[tile.seatId] = tile;
      }
      const state = { ...live.state, clock: update.clock };
      set({ live: { ...live, state, clockAt: env.now(), tiles, order, heat: update.heat ?? live.heat, moves: withMoves(live.moves, update.tiles, update.moves) } });
      // The watched seat moved on to its next scenario: a new session, which a watch of the old one
      // never shows. Watch the seat again, so the panel follows the chat the trainee is in now.
      const watched = get().watched;
      const now = watched ? tiles[watched.seatId]?.sessionId : null;
      if (watched && now && now !== watched.session.id) void get().watchSeat(watched.seatId);
    },
    netWatchEvent(event) {
      const watched = get().watched;
      if (!watched || watched.session.id !== event.payload.sessionId) return;
      set({ watched: { ...watched, session: applyEvent(watched.session, event, true) } });
    },
    netWatchVerdicts({ sessionId, messageId, verdicts }) {
      const watched = get().watched;
      if (!watched || watched.session.id !== sessionId) return;
      const kept = (watched.verdicts?.[messageId] ?? []).filter((m) => !verdicts.some((v) => v.rule === m.rule));
      set({ watched: { ...watched, verdicts: { ...watched.verdicts, [messageId]: [...kept, ...verdicts] } } });
    },
  };
};
