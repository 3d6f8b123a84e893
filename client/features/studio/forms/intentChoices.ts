// The intents a new rule or reaction can listen for: the global lexicon's (from the studio context
// the editor holds) and the scenario's own, each with its short label and its description in both
// languages.
import { useCallback } from 'react';
import type { Lexicon } from '../../../../server/engine/index.ts';
import { useApp } from '../../../store/index.ts';
import type { Lang } from '../../../store/types.ts';
import type { IntentInfo } from './formModel.ts';
import { useFormT } from './strings.ts';

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
    .map(([id, def]) => ({ id, description: def.description, label: def.label, own: false }));
  return [...mine, ...global.sort((a, b) => a.id.localeCompare(b.id))];
}

/**
 * A description in `lang`: the other language's while this one is not written yet (a hint in English
 * beats none), a plain string (the older one-language form) as it is; undefined when there is none.
 */
export function descriptionIn(description: IntentInfo['description'], lang: Lang): string | undefined {
  if (typeof description === 'string') return description.trim() || undefined;
  const other = lang === 'en' ? 'zh-CN' : 'en';
  return description?.[lang]?.trim() || description?.[other]?.trim() || undefined;
}

/** An intent's description in the page's language (see descriptionIn); undefined when it has none. */
export function useIntentDescription(choices: readonly IntentChoice[]): (id: string) => string | undefined {
  const lang = useApp((s) => s.lang);
  return useCallback((id) => descriptionIn(choices.find((c) => c.id === id)?.description, lang), [choices, lang]);
}

/** An intent's label in the page's language; undefined when it has none there (or is not a choice). */
export function useIntentLabel(choices: readonly IntentChoice[]): (id: string) => string | undefined {
  const lang = useApp((s) => s.lang);
  return useCallback((id) => choices.find((c) => c.id === id)?.label?.[lang]?.trim() || undefined, [choices, lang]);
}

/** An intent by its label in the page's language with its id beside it (as moves are named); by its id without a label. */
export function useIntentNames(choices: readonly IntentChoice[]): (id: string) => string {
  const d = useFormT();
  const labelOf = useIntentLabel(choices);
  return useCallback(
    (id) => {
      const label = labelOf(id);
      return label ? d('move.named', { label, id }) : id;
    },
    [labelOf, d],
  );
}
