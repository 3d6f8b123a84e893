// @vitest-environment jsdom
// The trainer's login and the add-trainer form speak the page's language when the server refuses:
// the server's error code (and, for a refused account, its reason) picks the text; the server's
// English message shows only for a code the page has no text for. The trainer backend keeps the
// code of an HTTP refusal, and calls an unreachable server `offline`.
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AddTrainerForm } from '../../client/features/trainer/AddTrainerForm.tsx';
import { LoginPage } from '../../client/features/trainer/LoginPage.tsx';
import { trainerBackend } from '../../client/net/trainerConnect.ts';
import { appStore } from '../../client/store/index.ts';
import type { TrainerBackend } from '../../client/store/trainerSlice.ts';
import { byLabel, byRole } from './a11y.ts';
import { fakeTrainerBackend } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const refusal = (message: string, code: string, reason?: string) => Object.assign(new Error(message), { code, ...(reason ? { reason } : {}) });

afterEach(() => {
  act(() => appStore.getState().setLang('zh-CN'));
  appStore.setState({ trainerBackend: null, trainer: null });
  vi.unstubAllGlobals();
});

const { host, render } = reactRoot();

function backend(over: Partial<TrainerBackend>): void {
  appStore.setState({ trainerBackend: fakeTrainerBackend(over) });
}

function type(label: string, value: string) {
  const input = byLabel(host, label);
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function submit(button: string) {
  await act(async () => (byRole(host, 'button', button) as HTMLButtonElement).click());
}

const alertText = () => host.querySelector('[role="alert"]')?.textContent;

describe('a refused login', () => {
  it('says why in the page language, by the code', async () => {
    backend({ login: () => Promise.reject(refusal('wrong name or password', 'unauthorized')) });
    render(<LoginPage />);
    type('账号', '王老师');
    type('密码', 'not-it');
    await submit('登录');
    expect(alertText()).toBe('登录失败：账号或密码不对，也可能是这个账号已被停用（请联系管理员）');
    act(() => appStore.getState().setLang('en'));
    expect(alertText()).toBe('Login failed: wrong name or password, or this account has been disabled (ask an admin)');
  });

  it('words rate limiting and an unreachable server, and shows the server message for an unknown code', async () => {
    let next = refusal('too many failed login attempts; wait a minute', 'rate-limited');
    backend({ login: () => Promise.reject(next) });
    render(<LoginPage />);
    type('账号', '王老师');
    type('密码', 'not-it');
    await submit('登录');
    expect(alertText()).toBe('登录失败：失败次数太多，请过一分钟再试');
    next = refusal('Failed to fetch', 'offline');
    await submit('登录');
    expect(alertText()).toBe('登录失败：连不上服务器，请检查网络后再试');
    next = refusal('the moon is in the way', 'lunar');
    await submit('登录');
    expect(alertText()).toBe('登录失败：the moon is in the way');
  });
});

describe('a refused new trainer', () => {
  it('says which check refused it, in the page language', async () => {
    let next = refusal('a password has at least 8 characters', 'bad-request', 'password-too-short');
    backend({ addTrainer: () => Promise.reject(next) });
    render(<AddTrainerForm />);
    type('新讲师账号', '陈老师');
    type('初始密码（至少 8 个字符）', 'short');
    await submit('添加讲师');
    expect(alertText()).toBe('未能添加：密码至少要 8 个字符');
    next = refusal('there is already a trainer called "陈老师"', 'bad-request', 'name-taken');
    await submit('添加讲师');
    expect(alertText()).toBe('未能添加：已经有叫“陈老师”的讲师了');
    next = refusal('only an admin adds trainers', 'forbidden', 'not-admin');
    await submit('添加讲师');
    expect(alertText()).toBe('未能添加：只有管理员能添加讲师');
    next = refusal('something new', 'bad-request', 'a-new-check');
    await submit('添加讲师');
    expect(alertText()).toBe('未能添加：something new');
  });
});

describe('a refused new trainer, refused for something else than the account', () => {
  it('a 403 without a reason (the origin check) is a plain "not allowed here", not the admin text', async () => {
    backend({ addTrainer: () => Promise.reject(refusal('origin not allowed', 'forbidden')) });
    render(<AddTrainerForm />);
    type('新讲师账号', '陈老师');
    type('初始密码（至少 8 个字符）', 'long-enough');
    await submit('添加讲师');
    expect(alertText()).toBe('未能添加：这里不允许添加讲师');
    act(() => appStore.getState().setLang('en'));
    await submit('Add trainer');
    expect(alertText()).toBe('Could not add: adding a trainer is not allowed here');
  });
});

describe('the trainer backend', () => {
  it("keeps the server's code and reason on a refusal, and calls a network failure offline", async () => {
    const answers: (() => Promise<Response>)[] = [
      () => Promise.resolve(new Response(JSON.stringify({ error: { code: 'unauthorized', message: 'wrong name or password' } }), { status: 401 })),
      () => Promise.resolve(new Response(JSON.stringify({ error: { code: 'bad-request', reason: 'name-taken', message: 'there is already…' } }), { status: 400 })),
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => Promise.resolve(new Response(JSON.stringify({ error: { code: 'rate-limited', reason: 'account', retryAfterSeconds: 8, message: 'too many…' } }), { status: 429 })),
    ];
    vi.stubGlobal('fetch', () => (answers.shift() as () => Promise<Response>)());
    const b = trainerBackend(appStore);
    await expect(b.login('王老师', 'x')).rejects.toMatchObject({ code: 'unauthorized', message: 'wrong name or password' });
    await expect(b.addTrainer('王老师', 'long-enough', false)).rejects.toMatchObject({ code: 'bad-request', reason: 'name-taken' });
    await expect(b.login('王老师', 'x')).rejects.toMatchObject({ code: 'offline' });
    // The wait a refused login names reaches the page, which says it in seconds.
    await expect(b.login('王老师', 'x')).rejects.toMatchObject({ code: 'rate-limited', reason: 'account', retryAfterSeconds: 8 });
  });
});
