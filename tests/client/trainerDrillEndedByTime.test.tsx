// @vitest-environment jsdom
// The trainer's drill room of a drill its time limit ended says so (时间到，演练已结束), as the class's
// banner does; one the trainer ended says only 已结束.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DrillRoom } from '../../client/features/trainer/DrillRoom.tsx';
import { appStore } from '../../client/store/index.ts';
import type { LiveDrill, TrainerBackend } from '../../client/store/trainerSlice.ts';
import type { DrillState } from '../../server/protocol/index.ts';
import { readOut } from './a11y.ts';
import { drillSnapshot, fakeTrainerBackend, info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

function live(over: Partial<DrillState>): LiveDrill {
  const state: DrillState = { drillId: 'd1', status: 'ended', locked: false, mode: 'exam', scenarios: [info().scenario], frozenAt: null, endsAt: 60_000, timeLimitMs: 60_000, clock: 60_000, ...over };
  return { drillId: 'd1', code: '123456', joinUrl: 'http://x/join/123456', state, clockAt: Date.now(), tiles: {}, order: [], heat: [], moves: [], moveLabels: {} };
}

/** Attach answers the drill as the store holds it. */
const backend: TrainerBackend = fakeTrainerBackend({
  send: ((name: string) => {
    const l = appStore.getState().live as LiveDrill;
    if (name === 'drill:attach') return Promise.resolve({ ok: true, data: { ...drillSnapshot(), state: l.state, tiles: [] } });
    return Promise.resolve({ ok: true, data: { watching: null } });
  }) as unknown as TrainerBackend['send'],
});

afterEach(() => {
  act(() => appStore.getState().setLang('zh-CN'));
  appStore.setState({ live: null, trainerBackend: null });
});
const { host, render } = reactRoot();
const settle = async () => {
  for (let i = 0; i < 4; i++) await act(async () => await new Promise((resolve) => setTimeout(resolve, 5)));
};
const status = () => readOut(host.querySelector('.trainer-controls p') as HTMLElement);

describe('an ended drill in the trainer’s room', () => {
  it('says the time ran out when the time limit ended it', async () => {
    appStore.setState({ trainerBackend: backend, live: live({ endedBy: 'time' }) });
    render(<DrillRoom drillId="d1" />);
    await settle();
    expect(status()).toContain('已结束');
    expect(status()).toContain('时间到，演练已结束');
    act(() => appStore.getState().setLang('en'));
    expect(status()).toContain('Time is up');
  });

  it('says only 已结束 when the trainer ended it', async () => {
    appStore.setState({ trainerBackend: backend, live: live({ endedBy: 'trainer' }) });
    render(<DrillRoom drillId="d1" />);
    await settle();
    expect(status()).toContain('已结束');
    expect(status()).not.toContain('时间到');
  });
});
