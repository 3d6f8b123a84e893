// The intents a new rule or reaction can listen for: the global lexicon's (from the studio context
// the editor holds) and the scenario's own.
import type { Lexicon } from '../../../../server/engine/index.ts';
import type { IntentInfo } from './formModel.ts';

export interface IntentChoice extends IntentInfo {
  /** defined in this scenario rather than in intents.yaml */
  own: boolean;
}

/** The scenario's own intents first, then the lexicon's (those the scenario does not redefine) by id. */
export function intentChoices(lexicon: Lexicon, own: readonly IntentInfo[]): IntentChoice[] {
  const mine = own.map((i) => ({ ...i, own: true }));
  const ownIds = new Set(own.map((i) => i.id));
  const global = Object.entries(lexicon.intents)
    .filter(([id]) => !ownIds.has(id))
    .map(([id, def]) => ({ id, description: def.description, own: false }));
  return [...mine, ...global.sort((a, b) => a.id.localeCompare(b.id))];
}
