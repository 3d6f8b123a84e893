// @vitest-environment jsdom
// After 关闭入场 the lobby must not go on inviting the class: the big code, its link and the QR give
// way to 「入场已关闭」, and the button to open entry again stays.
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { DrillRoom } from '../../client/features/trainer/DrillRoom.tsx';
import { appStore } from '../../client/store/index.ts';
import type { LiveDrill } from '../../client/store/trainerSlice.ts';
import type { DrillState } from '../../server/protocol/index.ts';
import { drillStateOf } from './fakes.ts';
import { attachFromStore, liveDrill, settleRounds, trainerRoomRoot } from './trainerRoom.ts';

function live(over: Partial<DrillState>): LiveDrill {
  return liveDrill(drillStateOf({ mode: 'exam', ...over }));
}

/** Attach answers the drill as the store holds it; lock and unlock answer its state. */
const backend = () => attachFromStore((l) => l.state);

const { host, render } = trainerRoomRoot();
const settle = () => settleRounds(3);

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
