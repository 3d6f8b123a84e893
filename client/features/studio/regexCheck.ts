// Live backtracking diagnostics for the patterns a trainer writes (`regex:` and `unless:` of every
// matcher). The check itself (scslre/refa, ~1.2 MB) runs only on the server, so the editor asks it
// (POST /api/studio/regex-check) about the patterns it has no verdict on yet, once typing has paused,
// and shows each problem at its pattern with the message publishing would give. Verdicts depend on
// the pattern alone: they are kept per (flags, source) for the page's life, so a pattern seen before
// is marked at once, with no request; diagnostics are always placed from the text last checked, so
// an answer that arrives after the text changed only fills the cache. A failed request shows nothing
// new and its patterns are asked again on the next change.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Diagnostic, Scenario, SourceMap } from '../../../server/engine/index.ts';
import { forEachMatcher } from '../../../server/engine/scenario/checkWalk.ts';
import { studioApi } from './api.ts';
import type { RegexPattern } from './api.ts';
import type { CheckResult } from './checks.ts';

/** After the last keystroke: the local checks (350 ms) come first, the server is asked once this has passed. */
export const REGEX_CHECK_DEBOUNCE_MS = 600;
/** The server's limits per request (server/http/studioRoutes.ts): more patterns go in several requests. */
export const REGEX_CHECK_BATCH = 200;
/** Longer patterns are not sent (the server would refuse the request): publishing still checks them. */
export const REGEX_CHECK_MAX_SOURCE = 2000;

export interface PatternAt extends RegexPattern {
  key: 'regex' | 'unless';
  line: number;
  col: number;
}

/** Every matcher pattern of the scenario with where its value starts, as publish locates it. */
export function collectPatterns(scenario: Scenario, map: SourceMap): PatternAt[] {
  const out: PatternAt[] = [];
  forEachMatcher(scenario, (m, path) => {
    for (const [key, flags] of [['regex', 'gu'], ['unless', 'u']] as const) {
      const source = m[key];
      if (source !== undefined) out.push({ source, flags, key, ...map.locate([...path, key]) });
    }
  });
  return out;
}

/** The server's verdicts: the problem, or null for a safe pattern. */
const verdicts = new Map<string, string | null>();
/** Asked and not answered yet: not asked again meanwhile. */
const asking = new Set<string>();
/** Listeners told when verdicts arrive (the editors open on this page). */
const listeners = new Set<() => void>();
/** A page kept open for days of editing does not keep every pattern ever typed. */
const MAX_VERDICTS = 5000;

const keyOf = (p: RegexPattern) => `${p.flags}/${p.source}`;

/** The patterns among these that have no verdict, are not being asked about, and fit the server's limit; each once. */
export function unjudged(patterns: readonly RegexPattern[]): RegexPattern[] {
  const wanted = new Map<string, RegexPattern>();
  for (const p of patterns) {
    const key = keyOf(p);
    if (p.source.length <= REGEX_CHECK_MAX_SOURCE && !verdicts.has(key) && !asking.has(key)) wanted.set(key, { source: p.source, flags: p.flags });
  }
  return [...wanted.values()];
}

/** The verdicts known now, as a copy (a React state holds it). */
export function knownVerdicts(): ReadonlyMap<string, string | null> {
  return new Map(verdicts);
}

/** The diagnostics `known` verdicts give these patterns; patterns not judged yet give none. */
export function regexDiagnostics(patterns: readonly PatternAt[], known: ReadonlyMap<string, string | null>, path: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of patterns) {
    const problem = known.get(keyOf(p));
    if (typeof problem === 'string') out.push({ path, line: p.line, col: p.col, message: `${p.key}: ${problem}` });
  }
  return out;
}

/** Asks the server about these patterns (in batches it accepts) and keeps what it says. Never throws. */
export async function judge(patterns: readonly RegexPattern[]): Promise<void> {
  const keys = patterns.map(keyOf);
  for (const key of keys) asking.add(key);
  try {
    for (let start = 0; start < patterns.length; start += REGEX_CHECK_BATCH) {
      const batch = patterns.slice(start, start + REGEX_CHECK_BATCH);
      let answer: (string | null)[];
      try {
        answer = (await studioApi.regexCheck(batch)).problems;
      } catch {
        return; // offline, logged out, refused: nothing new shown; asked again on the next change
      }
      if (!Array.isArray(answer) || answer.length !== batch.length) return;
      if (verdicts.size + batch.length > MAX_VERDICTS) verdicts.clear();
      batch.forEach((p, i) => verdicts.set(keyOf(p), typeof answer[i] === 'string' ? answer[i] : null));
      for (const listener of listeners) listener();
    }
  } finally {
    for (const key of keys) asking.delete(key);
  }
}

/** Forgets every verdict (tests start each case from an empty page). */
export function resetRegexVerdicts(): void {
  verdicts.clear();
  asking.clear();
}

/**
 * The regex-safety diagnostics for the text last checked (`checked`, with its `result`), while the
 * trainer types `text`: patterns already judged at once, the others once `text` has not changed for
 * REGEX_CHECK_DEBOUNCE_MS and has been checked locally (so the patterns asked about are the text's).
 */
export function useRegexSafety(text: string, checked: string, result: CheckResult, path: string): Diagnostic[] {
  const patterns = useMemo(() => (result.scenario && result.map ? collectPatterns(result.scenario, result.map) : []), [result]);
  // Renewed when verdicts arrive, from this editor's requests or another's.
  const [known, setKnown] = useState(knownVerdicts);
  useEffect(() => {
    const listener = () => setKnown(knownVerdicts());
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);

  // When the text last changed (0: as loaded, so the first patterns are asked about at once).
  const typed = useRef({ text, at: 0 });
  useEffect(() => {
    if (typed.current.text !== text) typed.current = { text, at: Date.now() };
  }, [text]);

  useEffect(() => {
    // The local check of this text is still to come: its patterns are asked about then.
    if (text !== checked) return;
    const wanted = unjudged(patterns);
    if (wanted.length === 0) return;
    const timer = setTimeout(() => void judge(wanted), Math.max(0, typed.current.at + REGEX_CHECK_DEBOUNCE_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [text, checked, patterns]);

  return useMemo(() => regexDiagnostics(patterns, known, path), [patterns, known, path]);
}
