// @vitest-environment jsdom
// After 关闭入场 the lobby must not go on inviting the class: the big code, its link and the QR give
// way to 「入场已关闭」, and the button to open entry again stays.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DrillRoom } from '../../client/features/trainer/DrillRoom.tsx';
import { appStore } from '../../client/store/index.ts';
import type { LiveDrill, TrainerBackend } from '../../client/store/trainerSlice.ts';
import type { DrillState } from '../../server/protocol/index.ts';
import { drillSnapshot, fakeTrainerBackend, info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

function live(over: Partial<DrillState>): LiveDrill {
  const state: DrillState = { drillId: 'd1', status: 'running', locked: false, mode: 'exam', scenarios: [info().scenario], frozenAt: null, endsAt: null, clock: 0, ...over };
  return { drillId: 'd1', code: '123456', joinUrl: 'http://x/join/123456', state, clockAt: Date.now(), tiles: {}, order: [], heat: [], moves: [], moveLabels: {} };
}

const backend = (): TrainerBackend =>
  fakeTrainerBackend({
    send: ((name: string) => {
      const l = appStore.getState().live as LiveDrill;
      if (name === 'drill:attach') return Promise.resolve({ ok: true, data: { ...drillSnapshot(), state: l.state, tiles: [] } });
      return Promise.resolve({ ok: true, data: l.state });
    }) as unknown as TrainerBackend['send'],
  });

afterEach(() => {
  act(() => appStore.getState().setLang('zh-CN'));
  appStore.setState({ live: null, trainerBackend: null });
});
const { host, render } = reactRoot();
const settle = async () => {
  for (let i = 0; i < 3; i++) await act(async () => await new Promise((resolve) => setTimeout(resolve, 5)));
};

describe('a drill closed to newcomers', () => {
  it.each(['lobby', 'running'] as const)('shows 入场已关闭 instead of the code, link and QR (%s)', async (status) => {
    appStore.setState({ live: live({ status, locked: true }), trainerBackend: backend() });
    render(<DrillRoom drillId="d1" />);
    await settle();
    expect(host.querySelector('[data-testid="entry-closed"]')?.textContent).toContain('入场已关闭');
    expect(host.querySelector('[data-testid="drill-code"]')).toBeNull();
    expect(host.querySelector('[data-testid="join-url"]')).toBeNull();
    expect(host.querySelector('.trainer-qr')).toBeNull();
    expect([...host.querySelectorAll('button')].some((b) => b.textContent === '开放入场')).toBe(true);
    act(() => appStore.getState().setLang('en'));
    expect(host.querySelector('[data-testid="entry-closed"]')?.textContent).toContain('Entry closed');
  });

  it('shows the code again once entry is open', async () => {
    appStore.setState({ live: live({ locked: false }), trainerBackend: backend() });
    render(<DrillRoom drillId="d1" />);
    await settle();
    expect(host.querySelector('[data-testid="entry-closed"]')).toBeNull();
    expect(host.querySelector('[data-testid="drill-code"]')?.textContent).toBe('123456');
  });
});
