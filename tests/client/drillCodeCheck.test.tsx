// @vitest-environment jsdom
// The join flow checks the code before it asks for a name: on /drill as soon as six digits are
// typed, and on /join/<code> (the link and QR code) before the name form. A cancelled drill, an
// ended one or a code no drill has is said at once, in plain words, with no name form to fill in;
// an open one goes on to the name, and a check that could not be asked leaves it to the join.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DrillJoin } from '../../client/features/drill/DrillJoin.tsx';
import type { DrillTransport, JoinCodeStatus, SeatRecord } from '../../client/store/drillSlice.ts';
import type { AppState } from '../../client/store/index.ts';
import { appStore } from '../../client/store/index.ts';
import type { NetAck } from '../../client/store/types.ts';
import { byLabel, byRole, readOut } from './a11y.ts';
import { reactRoot } from './reactRoot.ts';

const initial: AppState = appStore.getState();
afterEach(() => appStore.setState(initial, true));
const { host, render } = reactRoot();

type CheckAnswer = NetAck<{ status: JoinCodeStatus }>;

/** A drill connection whose code checks are answered by the test, one by one; joins are counted. */
function transport() {
  const asked: { code: string; answer: (a: CheckAnswer) => void }[] = [];
  const joins: string[] = [];
  const t: DrillTransport = {
    join: (code) => {
      joins.push(code);
      return new Promise(() => undefined);
    },
    rejoin: () => undefined,
    leave: () => undefined,
    check: (code) => new Promise((resolve) => asked.push({ code, answer: resolve })),
  };
  act(() => appStore.getState().attachDrillTransport(t));
  /** Answers the oldest check not answered yet. */
  const answer = async (a: CheckAnswer) => {
    const next = asked.shift();
    if (!next) throw new Error('no check was asked');
    await act(async () => next.answer(a));
  };
  return { asked, joins, answer };
}

const status = (s: JoinCodeStatus): CheckAnswer => ({ ok: true, data: { status: s } });
const nameField = () => [...host.querySelectorAll('label')].find((l) => readOut(l) === '你的昵称');
const link = (text: string) => [...host.querySelectorAll('a')].find((a) => readOut(a) === text);

function type(input: HTMLInputElement, value: string): void {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('the seat page /join/<code>', () => {
  it('checks the code before it asks for a name, and asks for it once the drill is open', async () => {
    const drill = transport();
    render(<DrillJoin code="123456" />);
    expect(drill.asked.map((a) => a.code)).toEqual(['123456']);
    expect(readOut(byRole(host, 'status'))).toBe('正在核对演练码…');
    expect(nameField()).toBeUndefined();
    await drill.answer(status('open'));
    expect(nameField()).toBeDefined();
    expect(host.querySelector('[data-testid="drill-code-check"]')).toBeNull();
  });

  it('says a cancelled drill at once, with no name form', async () => {
    const drill = transport();
    render(<DrillJoin code="123456" />);
    await drill.answer(status('cancelled'));
    const notice = host.querySelector('[data-testid="drill-cancelled"]') as HTMLElement;
    expect(byRole(notice, 'heading', '这场演练已取消')).toBe(document.activeElement);
    expect(readOut(notice)).toContain('演练码 123456 已经不能再加入了');
    expect(nameField()).toBeUndefined();
    expect(host.querySelector('form')).toBeNull();
    expect(drill.joins).toEqual([]);
  });

  it('says an ended drill and an unknown code at once, in zh-CN and en, with the way to another code', async () => {
    const drill = transport();
    render(<DrillJoin code="123456" />);
    await drill.answer(status('ended'));
    let closed = host.querySelector('[data-testid="drill-code-closed"]') as HTMLElement;
    expect(closed.getAttribute('role')).toBe('alert');
    expect(byRole(closed, 'heading', '这场演练已经结束了')).toBe(document.activeElement);
    expect(readOut(closed)).toContain('演练码 123456 对应的演练已经结束，不能再加入');
    expect(link('重新输入演练码')?.getAttribute('href')).toBe('/drill');
    expect(link('回到首页')?.getAttribute('href')).toBe('/');
    expect(host.querySelector('form')).toBeNull();
    act(() => appStore.getState().setLang('en'));
    expect(byRole(host, 'heading', 'This drill has ended')).toBeTruthy();
    expect(link('Enter another code')).toBeDefined();

    act(() => appStore.getState().setLang('zh-CN'));
    render(<DrillJoin code="654321" />);
    await drill.answer(status('unknown'));
    closed = host.querySelector('[data-testid="drill-code-closed"]') as HTMLElement;
    expect(byRole(closed, 'heading', '没有找到这个演练码')).toBeTruthy();
    expect(readOut(closed)).toContain('没有哪场演练用演练码 654321');
    expect(host.querySelector('form')).toBeNull();
    expect(drill.joins).toEqual([]);
  });

  it('leaves it to the join when the code could not be checked, and says so', async () => {
    const drill = transport();
    render(<DrillJoin code="123456" />);
    await drill.answer({ ok: false, error: { code: 'timeout', message: 'no answer to drill:check' } });
    expect(nameField()).toBeDefined();
    expect(readOut(host.querySelector('[data-testid="drill-code-check"]') as HTMLElement)).toBe('暂时没法核对演练码（服务器没有回应，请再试一次），可以先继续，加入时会再核对一次。');
  });

  it('does not check a code this browser holds a seat for: it takes the seat again', () => {
    const seat: SeatRecord = { code: '123456', drillId: 'd1', seatId: 'seat1', seatToken: 'tok', displayName: '小明', sessionIds: [] };
    act(() => appStore.setState({ seats: { '123456': seat } }));
    const drill = transport();
    render(<DrillJoin code="123456" />);
    expect(drill.asked).toEqual([]);
  });
});

describe('the code step /drill', () => {
  it('checks a whole code as soon as it is typed and says where it leads before the next step', async () => {
    const drill = transport();
    render(<DrillJoin />);
    const input = byLabel(host, '演练码');
    const next = () => byRole(host, 'button', '下一步') as HTMLButtonElement;
    const note = () => readOut(host.querySelector('[data-testid="drill-code-check"]') as HTMLElement);
    type(input, '12345');
    expect(drill.asked).toEqual([]);
    expect(next().disabled).toBe(true);

    type(input, '123456');
    expect(drill.asked.map((a) => a.code)).toEqual(['123456']);
    expect(note()).toBe('正在核对演练码…');
    expect(next().disabled).toBe(true);
    await drill.answer(status('ended'));
    expect(note()).toBe('这场演练已经结束，不能再加入了。');
    expect(next().disabled).toBe(true);
    expect(input.getAttribute('aria-describedby')).toBe(host.querySelector('[data-testid="drill-code-check"]')?.id);

    type(input, '111111');
    await drill.answer(status('cancelled'));
    expect(note()).toBe('这场演练已经被取消，这个演练码不能再用了。');
    type(input, '222222');
    await drill.answer(status('unknown'));
    expect(note()).toBe('没有哪场演练用这个演练码，请核对老师给的 6 位数字。');
    act(() => appStore.getState().setLang('en'));
    expect(note()).toBe('No drill uses this code. Check the 6 digits your trainer gave you.');
    act(() => appStore.getState().setLang('zh-CN'));

    type(input, '333333');
    await drill.answer(status('open'));
    expect(note()).toBe('');
    expect(next().disabled).toBe(false);
    await act(async () => next().click());
    expect(appStore.getState().route).toEqual({ name: 'join', code: '333333' });
  });

  it('drops the answer for a code typed over since', async () => {
    const drill = transport();
    render(<DrillJoin />);
    const input = byLabel(host, '演练码');
    type(input, '123456');
    type(input, '654321');
    await drill.answer(status('cancelled'));
    expect(readOut(host.querySelector('[data-testid="drill-code-check"]') as HTMLElement)).toBe('正在核对演练码…');
    await drill.answer(status('open'));
    expect((byRole(host, 'button', '下一步') as HTMLButtonElement).disabled).toBe(false);
  });
});
