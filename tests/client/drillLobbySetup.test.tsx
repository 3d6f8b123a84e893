// @vitest-environment jsdom
// A trainee seated in a drill's lobby sees what the drill is before the trainer starts: the buyers
// they will serve (title, persona, level; in order when there are several), practice or exam (exam:
// feedback only in the report at the end) and the time limit, in zh-CN and in en.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DrillSeat } from '../../client/features/drill/DrillSeat.tsx';
import type { AppState } from '../../client/store/index.ts';
import { appStore } from '../../client/store/index.ts';
import type { DrillState, SeatInfo } from '../../client/store/drillSlice.ts';
import { allByRole, byRole, readOut } from './a11y.ts';
import { info } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const initial: AppState = appStore.getState();
afterEach(() => appStore.setState(initial, true));
const { host, render } = reactRoot();

const haggle = info().scenario;
const phisher = { ...info().scenario, id: 'phisher-hard', title: { 'zh-CN': '冒充客服的买家', en: 'The fake support agent' }, description: { 'zh-CN': '发来可疑链接', en: 'Sends a suspicious link' }, persona: 'phisher', difficulty: 'hard' };

function seated(over: Partial<DrillState>): void {
  const drill: DrillState = { drillId: 'd1', status: 'lobby', locked: false, mode: 'practice', scenarios: [haggle], frozenAt: null, endsAt: null, timeLimitMs: null, clock: 0, ...over };
  const seat: SeatInfo = { drillId: 'd1', seatId: 'seat1', seatToken: 'tok', displayName: '小明', drill, session: null };
  act(() => {
    appStore.setState({ drillCode: '123456', seats: {} });
    appStore.setState({ seatPhase: 'joining' });
    appStore.getState().netSeat(seat);
  });
}

const setup = () => host.querySelector('[data-testid="drill-setup"]') as HTMLElement;
const fact = (term: string) => {
  const dt = allByRole(setup(), 'term').find((el) => readOut(el) === term);
  return dt?.nextElementSibling ? readOut(dt.nextElementSibling) : undefined;
};

describe("the drill's lobby", () => {
  it('names the exam, its time limit and the buyers in order (zh-CN)', () => {
    seated({ mode: 'exam', timeLimitMs: 15 * 60_000, scenarios: [haggle, phisher] });
    render(<DrillSeat code="123456" />);
    expect(host.querySelector('[data-testid="drill-waiting"]')).not.toBeNull();
    expect(byRole(setup(), 'heading', '本场演练')).toBeTruthy();
    expect(fact('模式')).toMatch(/^考试模式 .*结束后的成绩报告/);
    expect(fact('时间限制')).toMatch(/^15 分钟 .*暂停期间不计/);
    expect(byRole(setup(), 'heading', '你将依次接待的 2 位买家')).toBeTruthy();
    const list = setup().querySelector('ol');
    expect(list).not.toBeNull();
    const items = allByRole(list as Element, 'listitem').map(readOut);
    expect(items[0]).toBe('议价 议价买家 标准 描述');
    expect(items[1]).toBe('冒充客服的买家 钓鱼/引流 困难 发来可疑链接');
  });

  it('says practice and no time limit, in English too', () => {
    seated({ mode: 'practice', timeLimitMs: null });
    act(() => appStore.getState().setLang('en'));
    render(<DrillSeat code="123456" />);
    expect(byRole(setup(), 'heading', 'About this drill')).toBeTruthy();
    expect(fact('Mode')).toMatch(/^Practice Feedback appears under each/);
    expect(fact('Time limit')).toBe('None');
    expect(byRole(setup(), 'heading', 'The buyer you will serve')).toBeTruthy();
    expect(readOut(byRole(setup(), 'listitem'))).toBe('Haggle Bargainer Normal About');
  });

  it('gives a limit that is not whole minutes in minutes and seconds', () => {
    seated({ timeLimitMs: 90_000 });
    render(<DrillSeat code="123456" />);
    expect(fact('时间限制')).toMatch(/^1 分 30 秒 /);
  });

  it('leaves the limit out when an older server does not say it', () => {
    seated({});
    const { timeLimitMs: _unsaid, ...older } = appStore.getState().drillState as DrillState;
    act(() => appStore.setState({ drillState: older }));
    render(<DrillSeat code="123456" />);
    expect(fact('模式')).toMatch(/^练习模式/);
    expect(fact('时间限制')).toBeUndefined();
  });
});
