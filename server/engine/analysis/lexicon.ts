// The intent lexicon: global intents plus a scenario's own, compiled once per scenario.
import type { IntentDef } from '../scenario/schema.ts';
import type { KeywordHit, TextFeatures } from './types.ts';
import type { CompiledMatcher } from './matcher.ts';
import { compileMatcher } from './matcher.ts';

export interface IntentExplanation {
  intent: string;
  /** matched after vetoes */
  matched: boolean;
  /** the first intent in `unless` that matched and so dropped this one */
  vetoedBy?: string;
  hits: KeywordHit[];
}

export interface CompiledLexicon {
  /** intent ids in definition order */
  readonly ids: readonly string[];
  /** ids of the intents the reply matches, in definition order, after `unless` vetoes */
  match(f: TextFeatures): string[];
  /** per intent: matched or not, which intent vetoed it, and the keyword hits (play-test view) */
  explain(f: TextFeatures): IntentExplanation[];
}

interface Compiled {
  id: string;
  matchers: CompiledMatcher[];
  unless: string[];
}

export function compileLexicon(intents: Record<string, IntentDef>): CompiledLexicon {
  const ids = Object.keys(intents);
  const known = new Set(ids);
  const compiled: Compiled[] = ids.map((id) => {
    const def = intents[id]!;
    const unless = def.unless ?? [];
    for (const u of unless) if (!known.has(u)) throw new Error(`intent "${id}": unless names unknown intent "${u}"`);
    const matchers = def.match.map((m, i) => {
      try {
        return compileMatcher(m);
      } catch (e) {
        throw new Error(`intent "${id}", matcher ${i + 1}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
      }
    });
    return { id, matchers, unless };
  });

  // Vetoes use the raw (pre-veto) results, so the outcome never depends on definition order.
  function raw(f: TextFeatures, withHits: boolean): { matched: Set<string>; hits: Map<string, KeywordHit[]> } {
    const matched = new Set<string>();
    const hits = new Map<string, KeywordHit[]>();
    for (const c of compiled) {
      const all: KeywordHit[] = [];
      let any = false;
      for (const m of c.matchers) {
        const r = m(f);
        if (r.matched) any = true;
        if (withHits) all.push(...r.hits);
        else if (any) break;
      }
      if (any) matched.add(c.id);
      hits.set(c.id, all);
    }
    return { matched, hits };
  }

  return {
    ids,
    match(f) {
      const { matched } = raw(f, false);
      return compiled.filter((c) => matched.has(c.id) && !c.unless.some((u) => matched.has(u))).map((c) => c.id);
    },
    explain(f) {
      const { matched, hits } = raw(f, true);
      return compiled.map((c) => {
        const vetoedBy = matched.has(c.id) ? c.unless.find((u) => matched.has(u)) : undefined;
        const base = { intent: c.id, matched: matched.has(c.id) && vetoedBy === undefined, hits: hits.get(c.id) ?? [] };
        return vetoedBy === undefined ? base : { ...base, vetoedBy };
      });
    },
  };
}
