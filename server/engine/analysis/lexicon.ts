// The intent lexicon: global intents plus a scenario's own, compiled once per scenario.
import type { IntentDef } from '../scenario/schema.ts';
import type { KeywordHit, TextFeatures } from './types.ts';
import type { CompiledMatcher } from './matcher.ts';
import { compileMatcher } from './matcher.ts';
import type { FastMatcher } from './fastMatcher.ts';
import { compileFastMatcher } from './fastMatcher.ts';
import { KeywordSet, TextScan } from './keywordScan.ts';
import { GateTable } from './regexGate.ts';

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
  fast: FastMatcher[];
  /** per fast matcher: its index in the lexicon-wide stamp array, or -1 if it must always run */
  slots: number[];
  /** per fast matcher: the character sets a reply must hold for it to run (regex matchers), or null */
  gates: (Int32Array | null)[];
  unless: string[];
  /** positions in `ids` of the intents in `unless` */
  vetoes: number[];
}

export function compileLexicon(intents: Record<string, IntentDef>): CompiledLexicon {
  const ids = Object.keys(intents);
  const known = new Set(ids);
  const keywords = new KeywordSet();
  const gates = new GateTable();
  /** per keyword id: the slots of the keyword matchers that need it */
  const byKeyword: number[][] = [];
  let slotCount = 0;
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
    const fast = def.match.map((m, i) => compileFastMatcher(m, keywords, matchers[i]!, gates));
    const slots = fast.map((m) => {
      if (m.requires === null) return -1;
      const slot = slotCount++;
      for (const k of m.requires) (byKeyword[k] ??= []).push(slot);
      return slot;
    });
    return { id, matchers, fast: fast.map((m) => m.test), slots, gates: fast.map((m) => m.gate), unless, vetoes: unless.map((u) => ids.indexOf(u)) };
  });
  // built after every keyword is known; reused for every reply this lexicon matches
  const scan = new TextScan(keywords);
  const hit = new Uint8Array(compiled.length);
  // A keyword matcher runs only if the scan found one of its keywords (stamped with this reply's
  // generation): most replies contain few of the lexicon's keywords, so most matchers are skipped.
  const stamps = new Int32Array(slotCount);
  let generation = 0;

  // The plain path, kept for explain() (play-testing wants every hit) and as the reference the fast
  // path is tested against. Vetoes use the raw (pre-veto) results, so the outcome never depends on
  // definition order.
  function raw(f: TextFeatures): { matched: Set<string>; hits: Map<string, KeywordHit[]> } {
    const matched = new Set<string>();
    const hits = new Map<string, KeywordHit[]>();
    for (const c of compiled) {
      const all: KeywordHit[] = [];
      let any = false;
      for (const m of c.matchers) {
        const r = m(f);
        if (r.matched) any = true;
        all.push(...r.hits);
      }
      if (any) matched.add(c.id);
      hits.set(c.id, all);
    }
    return { matched, hits };
  }

  return {
    ids,
    // The hot path (every reply of every session): one keyword scan, no per-intent allocation.
    match(f) {
      scan.scan(f.normalized);
      gates.prepare(f.normalized);
      generation = (generation + 1) | 0;
      for (let o = 0; o < scan.foundCount; o++) {
        const slots = byKeyword[scan.found[o]!];
        if (slots !== undefined) for (const slot of slots) stamps[slot] = generation;
      }
      for (let k = 0; k < compiled.length; k++) {
        hit[k] = 0;
        const c = compiled[k]!;
        for (let j = 0; j < c.fast.length; j++) {
          const slot = c.slots[j]!;
          if (slot !== -1 && stamps[slot] !== generation) continue;
          // a regex that needs characters the reply lacks cannot match (regexGate.ts)
          const gate = c.gates[j]!;
          if (gate !== null && !gates.passes(gate)) continue;
          if (c.fast[j]!(scan, f)) {
            hit[k] = 1;
            break;
          }
        }
      }
      const out: string[] = [];
      for (let k = 0; k < compiled.length; k++) {
        if (hit[k] === 0) continue;
        const c = compiled[k]!;
        if (!c.vetoes.some((v) => hit[v] === 1)) out.push(c.id);
      }
      return out;
    },
    explain(f) {
      const { matched, hits } = raw(f);
      return compiled.map((c) => {
        const vetoedBy = matched.has(c.id) ? c.unless.find((u) => matched.has(u)) : undefined;
        const base = { intent: c.id, matched: matched.has(c.id) && vetoedBy === undefined, hits: hits.get(c.id) ?? [] };
        return vetoedBy === undefined ? base : { ...base, vetoedBy };
      });
    },
  };
}
