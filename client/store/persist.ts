// The browser's memory of a trainee: sessions (id + token, so a reload or a reopened tab finds them),
// preferences, quick phrases and best scores. Everything read back is checked: localStorage is
// shared with whatever else ran on this origin and may hold anything.
import type { BestScore } from './bestScore.ts';
import { readBestScore } from './bestScore.ts';
import type { Lang, Mode, OutcomeKind, ScenarioSummary } from './types.ts';

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const KEYS = {
  sessions: 'kefu.sessions',
  prefs: 'kefu.prefs',
  phrases: 'kefu.phrases',
  best: 'kefu.best',
  outbox: (sessionId: string) => `kefu.outbox.${sessionId}`,
} as const;

/** The most sessions remembered; older ones drop off the list (their reports stay on the server). */
export const MAX_SAVED_SESSIONS = 30;

/**
 * A chat's last line as the conversation list shows it (time and preview): kept with the session,
 * so a chat this page has not fetched (an ended one is fetched only when opened) still shows it.
 */
export interface LastLine {
  at: number;
  from: 'buyer' | 'trainee';
  text: string;
  attachment?: { kind: string };
  action?: { kind: string };
}

export interface SavedSession {
  id: string;
  token: string;
  mode: Mode;
  displayName: string;
  scenario: ScenarioSummary;
  startedAt: number;
  ended: boolean;
  score?: number;
  passed?: boolean;
  outcome?: OutcomeKind | null;
  last?: LastLine;
}

export interface Prefs {
  lang: Lang;
  mode: Mode;
  displayName: string;
}

export function browserStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Storage can be switched off (privacy settings); the app still works for this page's life.
    return null;
  }
}

export function readJson(storage: KeyValueStorage | null, key: string): unknown {
  const raw = storage?.getItem(key);
  if (raw == null) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

export function writeJson(storage: KeyValueStorage | null, key: string, value: unknown): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // A full quota only costs persistence, never the chat.
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): boolean => isObject(v) && typeof v['zh-CN'] === 'string' && typeof v['en'] === 'string';

function isSummary(v: unknown): v is ScenarioSummary {
  return (
    isObject(v) &&
    typeof v['id'] === 'string' &&
    typeof v['version'] === 'number' &&
    isText(v['title']) &&
    isText(v['description']) &&
    typeof v['difficulty'] === 'string' &&
    typeof v['persona'] === 'string' &&
    typeof v['shop'] === 'string'
  );
}

const isKind = (v: unknown): boolean => v === undefined || (isObject(v) && typeof v['kind'] === 'string');

function isLastLine(v: unknown): v is LastLine {
  return (
    isObject(v) &&
    typeof v['at'] === 'number' &&
    Number.isFinite(v['at']) &&
    (v['from'] === 'buyer' || v['from'] === 'trainee') &&
    typeof v['text'] === 'string' &&
    isKind(v['attachment']) &&
    isKind(v['action'])
  );
}

/** The saved record with a malformed last line dropped (the rest of it is still good). */
function withValidLast(v: SavedSession): SavedSession {
  if (v.last === undefined || isLastLine(v.last)) return v;
  const { last: _bad, ...rest } = v;
  return rest;
}

function isSaved(v: unknown): v is SavedSession {
  return (
    isObject(v) &&
    typeof v['id'] === 'string' &&
    typeof v['token'] === 'string' &&
    (v['mode'] === 'practice' || v['mode'] === 'exam') &&
    typeof v['displayName'] === 'string' &&
    isSummary(v['scenario']) &&
    typeof v['startedAt'] === 'number' &&
    typeof v['ended'] === 'boolean'
  );
}

export function loadSessions(storage: KeyValueStorage | null): SavedSession[] {
  const raw = readJson(storage, KEYS.sessions);
  return Array.isArray(raw) ? raw.filter(isSaved).map(withValidLast) : [];
}

export function saveSessions(storage: KeyValueStorage | null, sessions: readonly SavedSession[]): void {
  writeJson(storage, KEYS.sessions, sessions.slice(0, MAX_SAVED_SESSIONS));
}

export function loadPrefs(storage: KeyValueStorage | null): Prefs {
  const raw = readJson(storage, KEYS.prefs);
  const p = isObject(raw) ? raw : {};
  // zh-CN unless the trainee chose English: the shops and buyers being trained for are Chinese.
  return {
    lang: p['lang'] === 'en' || p['lang'] === 'zh-CN' ? p['lang'] : 'zh-CN',
    mode: p['mode'] === 'exam' ? 'exam' : 'practice',
    displayName: typeof p['displayName'] === 'string' ? p['displayName'] : '',
  };
}

export function loadPhrases(storage: KeyValueStorage | null): string[] | undefined {
  const raw = readJson(storage, KEYS.phrases);
  return Array.isArray(raw) && raw.every((p) => typeof p === 'string') ? (raw as string[]) : undefined;
}

export function loadBest(storage: KeyValueStorage | null): Record<string, BestScore> {
  const raw = readJson(storage, KEYS.best);
  if (!isObject(raw)) return {};
  const kept: Record<string, BestScore> = {};
  for (const [id, value] of Object.entries(raw)) {
    const best = readBestScore(value);
    if (best) kept[id] = best;
  }
  return kept;
}
