// The move graph shrinks to show every move at once (as small as MIN_FIT_SCALE), but the text in a
// move never shrinks below MIN_TEXT_PX on screen: at the scale each persona of the library is fitted
// at in the studio's boxes (1024 and 390 px wide), every label and id line is at least 10 px, stays
// inside its box, and the label is always there.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioSource } from '../../server/engine/index.ts';
import { fitGraph, MIN_FIT_SCALE, NODE_H } from '../../client/features/studio/layout.ts';
import { LABEL_PX, lineWidth, MIN_TEXT_PX, nodeLines, TEXT_ROOM } from '../../client/features/studio/nodeText.ts';

const library = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml') && f !== 'intents.yaml')
  .map((f) => {
    const parsed = parseScenarioSource(readFileSync(`scenarios/${f}`, 'utf8'), f);
    if (!parsed.ok) throw new Error(`${f} does not parse`);
    return parsed.value;
  });

/** The graph box (content width × max-height) at 1024×900 and 390×900, as studioGraphFit.test.ts measured them. */
const BOXES = [
  [390, 630],
  [358, 630],
] as const;

function expectReadable(label: string | undefined, id: string, scale: number, what: string) {
  const lines = nodeLines(label, id, scale);
  expect(lines.filter((l) => l.kind === 'label').length, what).toBeGreaterThan(0);
  for (const line of lines) {
    expect(line.size * scale, `${what}: ${line.text}`).toBeGreaterThanOrEqual(MIN_TEXT_PX - 1e-9);
    expect(lineWidth(line), `${what}: ${line.text}`).toBeLessThanOrEqual(TEXT_ROOM + 1e-9);
    expect(line.y - line.size * 0.8, `${what}: ${line.text} starts inside the box`).toBeGreaterThanOrEqual(0);
    expect(line.y + line.size * 0.25, `${what}: ${line.text} ends inside the box`).toBeLessThanOrEqual(NODE_H);
  }
}

describe('the text in the move graph', () => {
  it('is at least 10 px on screen for every move of every persona at the scale it is fitted at', () => {
    let small = 0;
    for (const scenario of library) {
      for (const [width, height] of BOXES) {
        const { scale } = fitGraph(scenario, [], width, height);
        if (LABEL_PX * scale < MIN_TEXT_PX) small += 1;
        for (const [id, state] of Object.entries(scenario.states)) {
          for (const lang of ['zh-CN', 'en'] as const) expectReadable(state.label?.[lang], id, scale, `${scenario.id} ${id} ${lang} at ${scale.toFixed(2)}`);
        }
      }
    }
    // Most personas are fitted below the scale where the full-size text would still be readable.
    expect(small).toBeGreaterThan(10);
  });

  it('keeps its full size, label on two lines and id under it, when the graph is not scaled down', () => {
    const lines = nodeLines('越权让利后成交的结局', 'bought-bad-deal', 1);
    expect(lines.map((l) => [l.kind, l.size])).toEqual([
      ['label', 13],
      ['id', 11],
    ]);
  });

  it('drops the id line first, then cuts the label, at the smallest fit', () => {
    const long = nodeLines('Ultimatum: his price or he walks away', 'ultimatum', MIN_FIT_SCALE);
    expect(long.map((l) => l.kind)).toEqual(['label', 'label']);
    expect(long.every((l) => l.size * MIN_FIT_SCALE >= MIN_TEXT_PX)).toBe(true);
    const short = nodeLines('最后通牒', 'ultimatum', MIN_FIT_SCALE);
    expect(short.map((l) => [l.kind, l.text])).toEqual([
      ['label', '最后通牒'],
      ['id', 'ultimatum'],
    ]);
    expectReadable(undefined, 'a-move-without-any-label-at-all', MIN_FIT_SCALE, 'no label');
  });
});
