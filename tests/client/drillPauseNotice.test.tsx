// @vitest-environment jsdom
// A drill seat's chat while the trainer pauses the drill: a notice over the chat says the trainer
// paused it (for a reveal: that the class is going over the answers), what happens to replies (they
// wait and go out after the resume, as the outbox does: see trainerFixesPausedSend.test.tsx), and
// it goes away when the drill resumes.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DrillSeat } from '../../client/features/drill/DrillSeat.tsx';
import type { DrillState } from '../../client/store/drillSlice.ts';
import type { AppState } from '../../client/store/index.ts';
import { appStore } from '../../client/store/index.ts';
import { byRole, readOut } from './a11y.ts';
import { attachDesktopBackend, drillStateOf, seatInDrill } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const initial: AppState = appStore.getState();
beforeEach(() => {
  attachDesktopBackend();
});
afterEach(() => appStore.setState(initial, true));
const { host, render } = reactRoot();

const running: DrillState = drillStateOf();

function playing(): void {
  seatInDrill(running);
  render(<DrillSeat code="123456" />);
}

const notice = () => host.querySelector('[data-testid="drill-pause-notice"]') as HTMLElement | null;
const state = (over: Partial<DrillState>) => act(() => appStore.getState().netDrillState({ ...running, ...over }));

describe('the pause notice in a drill seat', () => {
  it('says the trainer paused the drill, what happens to replies, and goes when it resumes', () => {
    playing();
    expect(notice()).toBeNull();
    state({ status: 'paused' });
    const shown = notice() as HTMLElement;
    expect(shown.getAttribute('role')).toBe('status');
    expect(byRole(shown, 'heading', '老师暂停了演练')).toBeTruthy();
    expect(readOut(shown)).toContain('老师点“继续”后自动发出');
    expect(readOut(shown)).toContain('老师继续演练后，这条提示会自动消失');
    // Above the chat, which stays usable: the reply box is still there.
    expect(host.querySelector('.drill-play')?.firstElementChild?.nextElementSibling).toBe(shown);
    expect(host.querySelector('textarea')).not.toBeNull();

    state({ status: 'running' });
    expect(notice()).toBeNull();
  });

  it('says the class is going over the answers when the trainer froze the drill for a reveal', () => {
    playing();
    state({ status: 'paused', frozenAt: 'ask' });
    expect(byRole(notice() as HTMLElement, 'heading', '老师暂停了演练，正在和全班一起看这一步的回复')).toBeTruthy();
    expect(readOut(notice() as HTMLElement)).toContain('匿名回复');
    act(() => appStore.getState().setLang('en'));
    expect(byRole(notice() as HTMLElement, 'heading', 'The trainer has paused the drill to go over this move’s replies with the class')).toBeTruthy();
    expect(readOut(notice() as HTMLElement)).toContain('goes away as soon as the trainer resumes');
    state({ status: 'running', frozenAt: null });
    expect(notice()).toBeNull();
  });
});
