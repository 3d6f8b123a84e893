// @vitest-environment jsdom
// The live dashboard in a trainer's words, not the engine's: where a trainee's chat is, is its
// 对话环节 (a chat step), never a 买家节点 / "buyer move"; the reveal picks a chat step; and a trainee
// who has not answered yet is said to have no reply, with no live score of 0 beside it (a 0 that
// judges nothing), while a chat that is over keeps its count and its score.
import { readFileSync } from 'node:fs';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { RevealPanel } from '../../client/features/trainer/RevealPanel.tsx';
import { TileCard } from '../../client/features/trainer/TileCard.tsx';
import { appStore } from '../../client/store/index.ts';
import type { LiveDrill, Tile } from '../../client/store/trainerSlice.ts';
import { fakeTile, info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const scenario = info().scenario;

const tile = fakeTile({ scenarioId: scenario.id, move: 'opening', score: 0, turns: 0 });

function live(status: LiveDrill['state']['status'], tiles: Tile[] = [tile]): LiveDrill {
  const state = { drillId: 'd1', status, locked: false, mode: 'exam' as const, scenarios: [scenario], frozenAt: null, endsAt: null, clock: 0 };
  return {
    drillId: 'd1',
    code: '123456',
    joinUrl: '',
    state,
    clockAt: Date.now(),
    tiles: Object.fromEntries(tiles.map((t) => [t.seatId, t])),
    order: tiles.map((t) => t.seatId),
    heat: [],
    moves: [`${scenario.id}/opening`],
    moveLabels: { [`${scenario.id}/opening`]: { 'zh-CN': '问尺码和颜色', en: 'Asks about size and colour' } },
  };
}

afterEach(() => {
  act(() => appStore.getState().setLang('zh-CN'));
  appStore.setState({ live: null, liveReveal: null, watched: null });
});

const { host, render } = reactRoot();

const term = () => host.querySelector('[data-testid="tile-move"]')?.previousElementSibling?.textContent;
const foot = () => host.querySelector('.tile-foot')?.textContent;
const score = () => host.querySelector('[data-testid="tile-score"]')?.textContent ?? null;
const english = () => act(() => appStore.getState().setLang('en'));

describe("a tile, in a trainer's words", () => {
  it('names where the chat is as its chat step, in both languages', () => {
    appStore.setState({ live: live('running') });
    render(<TileCard tile={tile} />);
    expect(term()).toBe('对话环节');
    english();
    expect(term()).toBe('Chat step');
  });

  it('says a trainee has not replied yet, with no live score of 0 beside it', () => {
    appStore.setState({ live: live('running') });
    render(<TileCard tile={tile} />);
    expect(foot()).toBe('还没回复');
    expect(score()).toBeNull();
    english();
    expect(foot()).toBe('No reply yet');
  });

  it('counts the replies and shows the live score from the first one on', () => {
    const replied = { ...tile, turns: 1, score: 40 };
    appStore.setState({ live: live('running', [replied]) });
    render(<TileCard tile={replied} />);
    expect(foot()).toBe('已回复 1 次');
    expect(score()).toBe('40');
    english();
    expect(foot()).toBe('1 reply');
    render(<TileCard tile={{ ...replied, turns: 3 }} />);
    expect(foot()).toBe('3 replies');
  });

  it('keeps the 0 of a chat that ended without a reply: then it is a result', () => {
    const left = { ...tile, status: 'finished' as const, outcome: 'left' as const };
    appStore.setState({ live: live('running', [left]) });
    render(<TileCard tile={left} />);
    expect(foot()?.startsWith('未作答')).toBe(true);
    expect(score()).toBe('0');
    english();
    expect(foot()?.startsWith('No answer')).toBe(true);
  });
});

describe('the reveal picker', () => {
  it('asks for a chat step, in both languages', () => {
    appStore.setState({ live: live('running', [{ ...tile, turns: 1 }]) });
    render(<RevealPanel />);
    const label = () => host.querySelector('label[for]')?.textContent;
    expect(label()).toBe('选择对话环节');
    expect(host.querySelector('select option')?.textContent).toBe('问尺码和颜色');
    english();
    expect(label()).toBe('Pick a chat step');
  });
});

describe("the trainer area's text", () => {
  it('never calls a step of the chat a 节点 or a "move"', () => {
    // Every quoted text of the file (both languages): the engine's terms stay in the code and comments.
    const texts = [...readFileSync('client/features/trainer/strings.ts', 'utf8').matchAll(/^\s+'[\w.-]+': '(.*)',$/gm)].map((m) => m[1] ?? '');
    expect(texts.length).toBeGreaterThan(100);
    // Placeholders such as {move} are names in the code, not words on screen.
    const shown = texts.map((text) => text.replace(/\{\w+\}/g, ''));
    expect(shown.filter((text) => /节点|\bmoves?\b/i.test(text))).toEqual([]);
  });
});
