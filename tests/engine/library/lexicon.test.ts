// The global intent lexicon (scenarios/intents.yaml) as a whole: it parses, every intent is described
// and exercised by the persona tables (lexicon.*.test.ts run the rows themselves).
import { describe, expect, it } from 'vitest';
import { lexicon } from './lexiconTable.ts';
import { greetingAndClose } from './lexicon.rows.courtesy.ts';
import { bargainer } from './lexicon.rows.bargainer.ts';
import { sizeHesitant } from './lexicon.rows.sizeHesitant.ts';
import { phisher } from './lexicon.rows.phisher.ts';
import { postSale } from './lexicon.rows.postSale.ts';

const allRows = [greetingAndClose, bargainer, sizeHesitant, phisher, postSale].flat();

describe('scenarios/intents.yaml', () => {
  it('parses with lexiconSchema', () => {
    expect(Object.keys(lexicon.intents).length).toBeGreaterThanOrEqual(35);
  });

  it('gives every intent a description', () => {
    for (const [id, def] of Object.entries(lexicon.intents)) expect(def.description, id).toBeTruthy();
  });

  it('only vetoes with intents it defines', () => {
    for (const [id, def] of Object.entries(lexicon.intents)) {
      for (const veto of def.unless ?? []) expect(Object.keys(lexicon.intents), `${id} unless ${veto}`).toContain(veto);
    }
  });

  it('has a table of at least 120 replies that names only known intents', () => {
    expect(allRows.length).toBeGreaterThanOrEqual(120);
    const known = new Set(Object.keys(lexicon.intents));
    for (const [reply, yes, no = []] of allRows) for (const id of [...yes, ...no]) expect(known.has(id), `${reply}: ${id}`).toBe(true);
  });

  it('exercises every intent positively at least once', () => {
    const hit = new Set(allRows.flatMap(([, yes]) => yes));
    expect(Object.keys(lexicon.intents).filter((id) => !hit.has(id))).toEqual([]);
  });
});
