// What the server knows that is not a live chat: the persona library, a scenario's public context
// (buyer, order, shop) for the side panel, the rule texts practice verdicts are shown with, a
// finished session's report; and the best scores here.
import { ruleTextsById } from '../../server/protocol/ruleTexts.ts';
import type { BestScore, ScoredReport } from './bestScore.ts';
import { improvedBest } from './bestScore.ts';
import { KEYS, loadBest, writeJson } from './persist.ts';
import type { Slice } from './state.ts';
import type { RuleText, ScenarioContext, ScenarioSummary, SessionView } from './types.ts';

export type Loadable<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'error'; message: string };

export function contextKey(scenario: Pick<ScenarioSummary, 'id' | 'version'>): string {
  return `${scenario.id}@${scenario.version}`;
}

export interface CatalogSlice {
  scenarios: Loadable<ScenarioSummary[]> | null;
  contexts: Record<string, Loadable<ScenarioContext>>;
  /** by rubric key (SessionInfo.rubric), then by rule id: equal keys, equal texts, so one load serves every session of a rubric */
  ruleTexts: Record<string, Loadable<ReadonlyMap<string, RuleText>>>;
  /** by session id; 'unknown' when this browser has no token for it */
  reports: Record<string, Loadable<SessionView> | { state: 'unknown' }>;
  /** by scenario id: the best finished score this browser saw, and whether it passed (bestScore.ts) */
  best: Record<string, BestScore>;
  loadScenarios(force?: boolean): Promise<void>;
  loadContext(scenario: Pick<ScenarioSummary, 'id' | 'version'>): Promise<void>;
  /**
   * Load the rule texts of a session's rubric, unless loaded or loading already (after an error it
   * asks again: the chat on screen calls it again with a back-off, features/chat/useRuleTexts.ts; the
   * api times a hung request out, so 'loading' ends). An empty token sends none: a trainer's cookie
   * answers for it.
   */
  loadRuleTexts(session: { id: string; token: string; rubric: string }): Promise<void>;
  loadReport(sessionId: string): Promise<void>;
  /** Take an ended chat's report as the buyer's best, if it counts and beats the one kept. */
  offerBest(scenarioId: string, report: ScoredReport): void;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export const createCatalogSlice: Slice<CatalogSlice> = (env) => (set, get) => ({
  scenarios: null,
  contexts: {},
  ruleTexts: {},
  reports: {},
  best: loadBest(env.storage),
  async loadScenarios(force = false) {
    const api = get().backend?.api;
    const current = get().scenarios;
    if (!api || (!force && current && current.state !== 'error')) return;
    set({ scenarios: { state: 'loading' } });
    try {
      set({ scenarios: { state: 'ready', data: await api.scenarios() } });
    } catch (err) {
      set({ scenarios: { state: 'error', message: message(err) } });
    }
  },
  async loadContext(scenario) {
    const api = get().backend?.api;
    const key = contextKey(scenario);
    const current = get().contexts[key];
    if (!api || (current && current.state !== 'error')) return;
    set({ contexts: { ...get().contexts, [key]: { state: 'loading' } } });
    let next: Loadable<ScenarioContext>;
    try {
      next = { state: 'ready', data: await api.context(scenario.id, scenario.version) };
    } catch (err) {
      next = { state: 'error', message: message(err) };
    }
    set({ contexts: { ...get().contexts, [key]: next } });
  },
  async loadRuleTexts(session) {
    const api = get().backend?.api;
    const key = session.rubric;
    const current = get().ruleTexts[key];
    if (!api || (current && current.state !== 'error')) return;
    set({ ruleTexts: { ...get().ruleTexts, [key]: { state: 'loading' } } });
    let next: Loadable<ReadonlyMap<string, RuleText>>;
    try {
      next = { state: 'ready', data: ruleTextsById((await api.ruleTexts(session.id, session.token)).rules) };
    } catch (err) {
      next = { state: 'error', message: message(err) };
    }
    set({ ruleTexts: { ...get().ruleTexts, [key]: next } });
  },
  async loadReport(sessionId) {
    const api = get().backend?.api;
    const token = get().sessions[sessionId]?.token;
    if (!token) {
      set({ reports: { ...get().reports, [sessionId]: { state: 'unknown' } } });
      return;
    }
    if (!api || get().reports[sessionId]?.state === 'loading') return;
    set({ reports: { ...get().reports, [sessionId]: { state: 'loading' } } });
    try {
      const view = await api.session(sessionId, token);
      set({ reports: { ...get().reports, [sessionId]: { state: 'ready', data: view } } });
      if (view.report) get().offerBest(view.session.scenario.id, view.report.report);
    } catch (err) {
      set({ reports: { ...get().reports, [sessionId]: { state: 'error', message: message(err) } } });
    }
  },
  offerBest(scenarioId, report) {
    const next = improvedBest(get().best[scenarioId], report);
    if (!next) return;
    const best = { ...get().best, [scenarioId]: next };
    set({ best });
    writeJson(env.storage, KEYS.best, best);
  },
});
