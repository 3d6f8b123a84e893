// @vitest-environment jsdom
// The trainer's drill room of a drill its time limit ended says so (时间到，演练已结束), as the class's
// banner does; one the trainer ended says only 已结束.
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { DrillRoom } from '../../client/features/trainer/DrillRoom.tsx';
import { appStore } from '../../client/store/index.ts';
import type { LiveDrill } from '../../client/store/trainerSlice.ts';
import type { DrillState } from '../../server/protocol/index.ts';
import { readOut } from './a11y.ts';
import { drillStateOf } from './fakes.ts';
import { attachFromStore, liveDrill, settleRounds, trainerRoomRoot } from './trainerRoom.ts';

function live(over: Partial<DrillState>): LiveDrill {
  return liveDrill(drillStateOf({ status: 'ended', mode: 'exam', endsAt: 60_000, timeLimitMs: 60_000, clock: 60_000, ...over }));
}

/** Attach answers the drill as the store holds it. */
const backend = attachFromStore(() => ({ watching: null }));

const { host, render } = trainerRoomRoot();
const settle = () => settleRounds(4);
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
