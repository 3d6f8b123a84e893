// The move graph fits its box whole, height included, on the narrow columns below 1280 px (the
// box the studio gives it at 1024 and at 390 px wide), for every persona of the library; a graph
// too big to fit readably keeps the readable width-only layout and scrolls instead.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioSource } from '../../server/engine/index.ts';
import type { Scenario } from '../../server/engine/index.ts';
import { fitGraph, MIN_FIT_SCALE, MIN_SCALE } from '../../client/features/studio/layout.ts';

const library = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml') && f !== 'intents.yaml')
  .map((f) => {
    const parsed = parseScenarioSource(readFileSync(`scenarios/${f}`, 'utf8'), f);
    if (!parsed.ok) throw new Error(`${f} does not parse`);
    return parsed.value;
  });

/** The graph box (content width × max-height) measured in Chromium at 1024×900 and 390×900, and at 1280×900. */
const BOXES = { '1024': [390, 630], '390': [358, 630], '1280': [493, 630] } as const;

describe('fitting the move graph', () => {
  it('shows every persona whole in the box at 1024 and 390 px wide; keeps the size where it fitted; scrolls what cannot fit readably', () => {
    expect(library.length).toBeGreaterThan(10);
    for (const scenario of library) {
      for (const [width, height] of [BOXES['1024'], BOXES['390']]) {
        const { graph, scale } = fitGraph(scenario, [], width, height);
        // As GraphView draws it: rounded down to whole pixels.
        expect(Math.floor(graph.width * scale), scenario.id).toBeLessThanOrEqual(width);
        expect(Math.floor(graph.height * scale), scenario.id).toBeLessThanOrEqual(height);
        expect(scale, scenario.id).toBeGreaterThanOrEqual(MIN_FIT_SCALE);
      }
    }

    const easy = library.find((s) => s.id === 'bargainer-easy') as Scenario;
    const [wide, tall] = BOXES['1280'];
    expect(fitGraph(easy, [], wide, tall).scale).toBeGreaterThanOrEqual(MIN_SCALE);
    expect(fitGraph(easy, [], 4000, 2000)).toMatchObject({ scale: 1, graph: { direction: 'right' } });

    const states = { ...easy.states };
    // A long chain of extra moves: far taller than any box at a readable size.
    for (let i = 0; i < 60; i++) states[`extra-${i}`] = { on: [{ else: true, goto: i < 59 ? `extra-${i + 1}` : 'left-silent' }] };
    states['opening'] = { ...easy.states['opening'], on: [...(easy.states['opening']?.on ?? []), { intent: 'greeting', goto: 'extra-0' }] };
    const huge: Scenario = { ...easy, states };
    const [width, height] = BOXES['390'];
    const scrolled = fitGraph(huge, [], width, height);
    expect(scrolled.scale).toBeGreaterThanOrEqual(MIN_SCALE);
    expect(Math.floor(scrolled.graph.width * scrolled.scale)).toBeLessThanOrEqual(width);
    expect(scrolled.graph.height * scrolled.scale).toBeGreaterThan(height);
  });
});
