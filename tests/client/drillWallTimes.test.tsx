// @vitest-environment jsdom
// A drill's lines carry drill time, which stands still while the trainer pauses. The chat shows the
// time the trainee's clock said when each line appeared: after a 15-second pause, a line is not
// shown 15 seconds early.
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { DrillSeat } from '../../client/features/drill/DrillSeat.tsx';
import { ReportTranscript } from '../../client/features/report/ReportTranscript.tsx';
import type { Report } from '../../client/store/types.ts';
import { clockTime } from '../../client/ui/format.ts';
import { appStore } from '../../client/store/index.ts';
import { buyerLine, drillStateOf, info, seatInDrill } from './fakes.ts';
import { desktopChatRoot } from './desktopChatRoot.ts';

const { host, render } = desktopChatRoot();

const PAUSED_MS = 15_000;

describe('a drill line\'s time', () => {
  it('is the wall-clock time it appeared, whatever the drill clock lost to pauses', () => {
    const wall = Date.now();
    seatInDrill(drillStateOf({ status: 'running', clock: wall - PAUSED_MS }));
    act(() => appStore.getState().netDrillState(drillStateOf({ status: 'running', clock: wall - PAUSED_MS })));
    act(() => appStore.setState({ route: { name: 'join', code: '123456' } }));
    render(<DrillSeat code="123456" />);
    act(() => appStore.getState().netEvent({ name: 'buyer:say', payload: { sessionId: 's9', seq: 1, message: buyerLine('m1', '在吗', wall - PAUSED_MS) } }));
    const time = host.querySelector('[data-message-id="m1"] time') as HTMLTimeElement;
    const shown = Date.parse(time.dateTime);
    expect(Math.abs(shown - wall)).toBeLessThan(2000);
  });

  it('leaves a chat outside a drill on the server\'s times', () => {
    act(() => appStore.getState().netStarted(info('s1')));
    act(() => appStore.setState({ clockOffset: -PAUSED_MS }));
    act(() => appStore.getState().netEvent({ name: 'buyer:say', payload: { sessionId: 's1', seq: 1, message: buyerLine('m1', '在吗', 5000) } }));
    expect(appStore.getState().sessions['s1']?.wallAt).toBeUndefined();
  });

  it('is the same in the report transcript', () => {
    const wall = Date.now();
    const report = { score: 80, passed: true, passMark: 70, redLines: [], rules: [], categories: [], kpis: { firstResponseMs: null, avgResponseMs: null, longestResponseMs: null, replies: 0, outcome: null } } as unknown as Report;
    render(<ReportTranscript transcript={[buyerLine('m1', '在吗', wall - PAUSED_MS)]} report={report} shop={undefined} nickname="小美" traineeName="小明" wallAt={{ m1: wall }} />);
    expect(host.querySelector('#msg-m1 time')?.textContent).toBe(clockTime(wall));
  });
});
