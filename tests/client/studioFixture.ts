// What the studio's client tests start from: the real persona library as the studio sees it (the
// lexicon and the shop the library's scenarios use), a library scenario copied under a new id as
// a trainer's template copy is, and a form edit applied to the text.
import { readFileSync } from 'node:fs';
import { parseLexiconSource, parseShopSource } from '../../server/engine/index.ts';
import { withId } from '../../client/features/studio/api.ts';
import type { StudioContext } from '../../client/features/studio/checks.ts';
import { applyChange } from '../../client/features/studio/forms/yamlEdit.ts';
import type { TextChange } from '../../client/features/studio/forms/yamlEdit.ts';

export function libraryContext(): StudioContext {
  const lexicon = parseLexiconSource(readFileSync('scenarios/intents.yaml', 'utf8'), 'intents.yaml');
  const shop = parseShopSource(readFileSync('scenarios/shops/trailpeak.yaml', 'utf8'), 'trailpeak.yaml');
  if (!lexicon.ok || !shop.ok) throw new Error('the library does not load');
  return { lexicon: lexicon.value, shops: { trailpeak: shop.value } };
}

/** scenarios/<file>.yaml with its id changed to `id`. */
export function libraryCopy(file: string, id: string): string {
  return withId(readFileSync(`scenarios/${file}.yaml`, 'utf8'), id);
}

/** The text after a form edit; a refused edit (null) fails the test. */
export function edited(text: string, change: TextChange | null): string {
  if (!change) throw new Error('the edit was refused');
  return applyChange(text, change);
}
