// The intents a new rule or reaction can listen for: the global lexicon's (from the studio context)
// and the scenario's own. The studio editor already holds the context and can pass the lexicon in;
// without it the forms ask the server once (the same /api/studio/context), and only when a picker
// is actually open.
import { useEffect, useState } from 'react';
import type { Lexicon } from '../../../../server/engine/index.ts';
import { studioApi } from '../api.ts';
import type { IntentInfo } from './formModel.ts';

export interface IntentChoice extends IntentInfo {
  /** defined in this scenario rather than in intents.yaml */
  own: boolean;
}

let fetched: Promise<Lexicon> | undefined;

function fetchLexicon(): Promise<Lexicon> {
  fetched ??= studioApi.context().then(
    (ctx) => ctx.lexicon,
    (err: unknown) => {
      fetched = undefined; // a failed fetch is tried again next time a picker opens
      throw err;
    },
  );
  return fetched;
}

export function intentChoices(lexicon: Lexicon | undefined, own: readonly IntentInfo[]): IntentChoice[] {
  const mine = own.map((i) => ({ ...i, own: true }));
  const ownIds = new Set(own.map((i) => i.id));
  const global = Object.entries(lexicon?.intents ?? {})
    .filter(([id]) => !ownIds.has(id))
    .map(([id, def]) => ({ id, description: def.description, own: false }));
  return [...mine, ...global.sort((a, b) => a.id.localeCompare(b.id))];
}

/** `given` when the caller has the lexicon; else fetched while `wanted`. */
export function useIntentChoices(given: Lexicon | undefined, own: readonly IntentInfo[], wanted: boolean): IntentChoice[] {
  const [loaded, setLoaded] = useState<Lexicon | undefined>(undefined);
  useEffect(() => {
    if (given || loaded || !wanted) return;
    let live = true;
    fetchLexicon().then(
      (lexicon) => {
        if (live) setLoaded(lexicon);
      },
      () => undefined, // the scenario's own intents are still offered
    );
    return () => {
      live = false;
    };
  }, [given, loaded, wanted]);
  // A few dozen entries: cheaper to list again than to keep a memo in step with every edit.
  return intentChoices(given ?? loaded, own);
}
