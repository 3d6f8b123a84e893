// The static checker: what the schema cannot say about a parsed scenario (names that must exist,
// the state graph, types of variables) is checked here, each message at the node to edit. Pure.
import { checkGraph } from './checkGraph.ts';
import { checkIntentRefs, checkRegexes, checkRuleRefs, checkShopRefs, checkStateRefs } from './checkRefs.ts';
import { checkVariables } from './checkVars.ts';
import { regexError, reporter } from './checkWalk.ts';
import type { Diagnostic } from './parse.ts';
import { sortDiagnostics } from './parse.ts';
import type { Lexicon, Scenario } from './schema.ts';
import type { Shop } from './shopSchema.ts';
import type { SourceMap } from './sourceMap.ts';
import { didYouMean } from './words.ts';

export interface CheckContext {
  /** the scenario's shop; undefined when no such shop exists */
  shop: Shop | undefined;
  /** the global lexicon (scenarios/intents.yaml) */
  lexicon: Lexicon;
  /** positions in the scenario file */
  map: SourceMap;
  /** the scenario file, as it should appear in messages */
  path: string;
}

export function checkScenario(scenario: Scenario, ctx: CheckContext): Diagnostic[] {
  const r = reporter(ctx.map, ctx.path);
  checkShopRefs(scenario, ctx.shop, r);
  checkStateRefs(scenario, r);
  checkIntentRefs(scenario, ctx.lexicon, r);
  checkRuleRefs(scenario, r);
  checkRegexes(scenario, r);
  checkVariables(scenario, r);
  checkGraph(scenario, r);
  return sortDiagnostics(r.diagnostics);
}

/** intents.yaml: `unless` names other lexicon intents, regexes compile. */
export function checkLexicon(lexicon: Lexicon, map: SourceMap, path: string): Diagnostic[] {
  const r = reporter(map, path);
  const known = Object.keys(lexicon.intents);
  for (const [id, intent] of Object.entries(lexicon.intents)) {
    intent.unless?.forEach((name, k) => {
      if (!known.includes(name)) r.at(['intents', id, 'unless', k], `unknown intent "${name}"${didYouMean(name, known)}`);
      else if (name === id) r.at(['intents', id, 'unless', k], `intent "${id}" cannot veto itself`);
    });
    intent.match.forEach((m, i) => {
      for (const key of ['regex', 'unless'] as const) {
        const source = m[key];
        const error = source === undefined ? undefined : regexError(source);
        if (error !== undefined) r.at(['intents', id, 'match', i, key], `${key} does not compile: ${error}`);
      }
    });
  }
  return sortDiagnostics(r.diagnostics);
}

/** shops/<id>.yaml: ids that scenarios refer to must be unique. */
export function checkShop(shop: Shop, map: SourceMap, path: string): Diagnostic[] {
  const r = reporter(map, path);
  const lists = [
    ['products', shop.products],
    ['promotions', shop.promotions],
    ['coupons', shop.coupons],
    ['policies', shop.policies],
  ] as const;
  for (const [key, list] of lists) {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first !== undefined) r.at([key, i, 'id'], `id "${item.id}" is already used by ${key}[${first}]`);
      else seen.set(item.id, i);
    });
  }
  shop.products.forEach((p, i) => {
    for (const size of Object.keys(p.stock ?? {})) {
      if (!p.sizes.includes(size)) r.atKey(['products', i, 'stock', size], `stock lists size "${size}", which is not in sizes of "${p.id}"`);
    }
  });
  return sortDiagnostics(r.diagnostics);
}
