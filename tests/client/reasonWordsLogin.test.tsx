// @vitest-environment jsdom
// A login refused by a limit (429 rate-limited, server/http/trainerRoutes.ts) says which limit, in
// the page's language, with the wait the server named (error.retryAfterSeconds) when the backend
// passes it on; never the server's English message.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { LoginPage } from '../../client/features/trainer/LoginPage.tsx';
import { appStore } from '../../client/store/index.ts';
import { trainerFailure } from '../../client/store/trainerSlice.ts';
import { byLabel, byRole } from './a11y.ts';
import { fakeTrainerBackend } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const ENGLISH = 'SERVER ENGLISH: for the logs only';
const limited = (reason: string, retryAfterSeconds?: number) => Object.assign(new Error(ENGLISH), { code: 'rate-limited', reason, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) });

afterEach(() => {
  act(() => appStore.getState().setLang('zh-CN'));
  appStore.setState({ trainerBackend: null, trainer: null });
});

const root = reactRoot();
const { host } = root;

function render(next: () => Error) {
  appStore.setState({ trainerBackend: fakeTrainerBackend({ login: () => Promise.reject(next()) }) });
  root.render(<LoginPage />);
  for (const [label, value] of [
    ['账号', '王老师'],
    ['密码', 'not-it'],
  ] as const) {
    const input = byLabel(host, label);
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }
}

const submit = () => act(async () => (byRole(host, 'button', appStore.getState().lang === 'en' ? 'Log in' : '登录') as HTMLButtonElement).click());
const alertText = () => host.querySelector('[role="alert"]')?.textContent ?? '';
const setLang = (lang: 'zh-CN' | 'en') => act(() => appStore.getState().setLang(lang));

describe('a login refused by a limit', () => {
  it('names the limit and the wait in seconds, in zh-CN and en', async () => {
    let next = limited('address', 42);
    render(() => next);
    await submit();
    expect(alertText()).toBe('登录失败：这个网络登录失败的次数太多，请 42 秒后再试');
    setLang('en');
    expect(alertText()).toBe('Login failed: too many failed logins from this network; try again in 42 seconds');

    next = limited('account', 1);
    await submit();
    expect(alertText()).toBe('Login failed: too many wrong passwords for this name; try again in 1 second');
    setLang('zh-CN');
    expect(alertText()).toBe('登录失败：这个账号的密码输错太多次了，请 1 秒后再试');

    next = limited('busy', 3);
    await submit();
    expect(alertText()).toBe('登录失败：服务器正忙着核对别人的登录，请 3 秒后再试');
    setLang('en');
    expect(alertText()).toBe('Login failed: the server is busy checking other logins; try again in 3 seconds');
    expect(host.textContent).not.toContain(ENGLISH);
  });

  it('without a wait says "a little", and an unknown limit is the general "too many attempts"', async () => {
    let next = limited('busy');
    render(() => next);
    await submit();
    expect(alertText()).toBe('登录失败：服务器正忙着核对别人的登录，请稍等一会儿再试');
    setLang('en');
    expect(alertText()).toBe('Login failed: the server is busy checking other logins; wait a little and try again');
    next = limited('something-new', 9);
    await submit();
    expect(alertText()).toBe('Login failed: too many failed attempts; try again in a minute');
    setLang('zh-CN');
    expect(alertText()).toBe('登录失败：失败次数太多，请过一分钟再试');
  });

  it("keeps the server's wait on the failure the store hands the page", () => {
    expect(trainerFailure(limited('address', 7.2))).toEqual({ code: 'rate-limited', reason: 'address', retryAfterSeconds: 8, message: ENGLISH });
    expect(trainerFailure(limited('address'))).toEqual({ code: 'rate-limited', reason: 'address', message: ENGLISH });
    expect(trainerFailure(Object.assign(new Error('x'), { code: 'rate-limited', retryAfterSeconds: 'soon' }))).toEqual({ code: 'rate-limited', message: 'x' });
  });
});
