// @vitest-environment jsdom
// Trainer account management in the page: an admin's list (their own row has no actions), disable
// and enable asked first and backed out of with Escape (focus back on the button), a password reset
// under the row, "my account", and every refusal worded in the page's language by the server's
// reason, never in its English (who sees which on the accounts page: trainerAccountsPage.test.tsx).
// The server is a stubbed fetch that records the requests.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccountsPanel } from '../../client/features/trainer/AccountsPanel.tsx';
import { ChangePasswordForm } from '../../client/features/trainer/ChangePasswordForm.tsx';
import { LoginPage } from '../../client/features/trainer/LoginPage.tsx';
import type { TrainerListItem } from '../../client/net/api.ts';
import { appStore } from '../../client/store/index.ts';
import { allByRole, byLabel, byRole } from './a11y.ts';
import { fakeTrainerBackend } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

interface Request {
  method: string;
  path: string;
  body: unknown;
}

const ADMIN = { id: 'a1', name: '王老师', admin: true };
const at = Date.UTC(2025, 0, 6, 8, 30);
let trainers: TrainerListItem[];
let requests: Request[];
/** the answer to the next request that is not the list (status and body) */
let answers: { status: number; body: unknown }[];

beforeEach(() => {
  trainers = [
    { ...ADMIN, disabled: false, createdAt: at, lastLoginAt: at },
    { id: 't2', name: '陈老师', admin: false, disabled: false, createdAt: at, lastLoginAt: null },
    { id: 't3', name: '李老师', admin: false, disabled: true, createdAt: at, lastLoginAt: at },
  ];
  requests = [];
  answers = [];
  vi.stubGlobal('fetch', async (path: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    requests.push({ method, path, body: init.body === undefined ? undefined : JSON.parse(String(init.body)) });
    if (method === 'GET' && path === '/api/trainers') return Response.json({ trainers });
    const answer = answers.shift() ?? { status: 200, body: { ok: true } };
    return Response.json(answer.body, { status: answer.status });
  });
  appStore.setState({ trainer: ADMIN });
});
afterEach(() => {
  act(() => appStore.getState().setLang('zh-CN'));
  appStore.setState({ trainer: null, trainerBackend: null });
  vi.unstubAllGlobals();
});

const { host, render } = reactRoot();

const refuse = (status: number, code: string, reason?: string, extra: Record<string, unknown> = {}) => answers.push({ status, body: { error: { code, ...(reason ? { reason } : {}), message: 'english for the logs', ...extra } } });
const button = (name: string) => byRole(host, 'button', name) as HTMLButtonElement;
const click = (name: string) => act(async () => button(name).click());
const text = (role: 'alert' | 'status') => allByRole(host, role).map((el) => el.textContent);
const writes = () => requests.filter((r) => r.method !== 'GET');

function type(label: string, value: string, root: ParentNode = host) {
  const input = byLabel(root, label);
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function showPanel(): Promise<void> {
  await act(async () => render(<AccountsPanel />));
}

describe("an admin's list of trainers", () => {
  it('shows every trainer with role, state and dates, and no actions on their own account', async () => {
    await showPanel();
    const rows = allByRole(host, 'listitem');
    expect(rows.map((r) => r.querySelector('strong')?.textContent)).toEqual(['王老师', '陈老师', '李老师']);
    expect(rows[0]?.textContent).toContain('（你）');
    expect(rows[0]?.querySelectorAll('button')).toHaveLength(0);
    expect(rows[1]?.textContent).toContain('还没登录过');
    expect(rows[2]?.textContent).toContain('已停用');
    expect(button('停用 陈老师').textContent).toBe('停用');
    expect(button('恢复 李老师').textContent).toBe('恢复使用');
    expect(button('重设 陈老师 的密码').getAttribute('aria-expanded')).toBe('false');
  });

  it('asks before disabling; Escape backs out with nothing sent and the focus back on the button', async () => {
    await showPanel();
    await click('停用 陈老师');
    const confirm = button('确认停用');
    expect(document.activeElement).toBe(confirm);
    expect(byRole(host, 'group').getAttribute('aria-label')).toBe('停用“陈老师”？TA 会马上被登出，在你恢复之前都不能登录。');
    act(() => confirm.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(allByRole(host, 'group')).toHaveLength(0);
    expect(document.activeElement).toBe(button('停用 陈老师'));
    expect(writes()).toEqual([]);

    await click('停用 陈老师');
    trainers = trainers.map((t) => (t.id === 't2' ? { ...t, disabled: true } : t));
    await click('确认停用');
    expect(writes()).toEqual([{ method: 'PATCH', path: '/api/trainers/t2', body: { disabled: true } }]);
    expect(text('status')).toEqual(['已停用“陈老师”，TA 的登录都已结束。']);
    // The list was read again: the row now offers to enable.
    expect(button('恢复 陈老师')).toBeTruthy();
    act(() => appStore.getState().setLang('en'));
    expect(text('status')).toEqual(['“陈老师” is disabled and logged out everywhere.']);
  });

  it('enables a disabled trainer after asking', async () => {
    await showPanel();
    await click('恢复 李老师');
    await click('确认恢复');
    expect(writes()).toEqual([{ method: 'PATCH', path: '/api/trainers/t3', body: { disabled: false } }]);
    expect(text('status')).toEqual(['已恢复“李老师”，TA 可以登录了。']);
  });

  it('words a refused disable by its reason in both languages', async () => {
    // A reason the page has no words for is logged: kept out of the test's output.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await showPanel();
    refuse(409, 'conflict', 'last-admin');
    await click('停用 陈老师');
    await click('确认停用');
    expect(text('alert')).toEqual(['未能停用：这是最后一个能用的管理员，停用后就没人能管理账号了']);
    act(() => appStore.getState().setLang('en'));
    expect(text('alert')).toEqual(['Could not disable: this is the last admin who can log in; nobody could manage accounts without them']);
    act(() => appStore.getState().setLang('zh-CN'));
    for (const [status, code, reason, words] of [
      [409, 'conflict', 'self', '不能停用你自己的账号'],
      [403, 'forbidden', 'not-admin', '只有管理员能管理讲师账号'],
      [401, 'unauthorized', undefined, '登录已失效，请重新登录'],
      [418, 'teapot', 'brand-new', '服务器没有接受，请稍后再试'],
    ] as const) {
      refuse(status, code, reason);
      await click('停用 陈老师');
      await click('确认停用');
      expect(text('alert')).toEqual([`未能停用：${words}`]);
    }
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('resets a password in a form under the row: refused by its reason, then done, the focus back on the button', async () => {
    await showPanel();
    await click('重设 陈老师 的密码');
    const form = byRole(host, 'heading', '给“陈老师”设一个新密码').closest('form') as HTMLFormElement;
    expect(document.activeElement).toBe(byLabel(form, '新密码（至少 8 个字符）'));
    refuse(400, 'bad-request', 'password-too-short');
    type('新密码（至少 8 个字符）', 'short', form);
    await click('设置新密码');
    expect(text('alert')).toEqual(['未能重设密码：密码至少要 8 个字符']);
    type('新密码（至少 8 个字符）', 'a-better-password', form);
    await click('设置新密码');
    expect(writes().at(-1)).toEqual({ method: 'POST', path: '/api/trainers/t2/password', body: { password: 'a-better-password' } });
    expect(host.contains(form)).toBe(false);
    expect(text('status')).toEqual(['已给“陈老师”设了新密码，TA 要用新密码重新登录。']);
    expect(document.activeElement).toBe(button('重设 陈老师 的密码'));
  });

  it('shows one message at a time: adding a trainer, then disabling one, leaves only the newest', async () => {
    await showPanel();
    trainers = [...trainers, { id: 't4', name: '赵老师', admin: false, disabled: false, createdAt: at, lastLoginAt: null }];
    // The add form goes through the store's trainer backend, like before.
    appStore.setState({ trainerBackend: fakeTrainerBackend({ addTrainer: () => Promise.resolve({ id: 't4', name: '赵老师', admin: false }) }) });
    type('新讲师账号', '赵老师');
    type('初始密码（至少 8 个字符）', 'zhao-laoshi-pass');
    await click('添加讲师');
    expect(text('status')).toEqual(['已添加讲师“赵老师”。']);
    // The list was read again with the new trainer in it.
    expect(button('停用 赵老师')).toBeTruthy();
    await click('停用 赵老师');
    await click('确认停用');
    expect(text('status')).toEqual(['已停用“赵老师”，TA 的登录都已结束。']);
  });

  it('says so when the list cannot be read', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await showPanel();
    expect(text('alert')).toEqual(['读不到讲师名单：连不上服务器，请检查网络后再试']);
  });
});

describe('changing my own password', () => {
  async function fill(current: string, next: string, repeat = next) {
    type('当前密码', current);
    type('新密码（至少 8 个字符）', next);
    type('再输一次新密码', repeat);
    await click('修改我的密码');
  }

  it('checks the two new passwords agree before sending anything', async () => {
    render(<ChangePasswordForm />);
    await fill('old-password', 'new-password-1', 'new-password-2');
    expect(text('alert')).toEqual(['未能修改密码：两次输入的新密码不一样']);
    expect(requests).toEqual([]);
  });

  it('words a wrong current password and the login limits, and says when it is done', async () => {
    render(<ChangePasswordForm />);
    refuse(403, 'forbidden', 'wrong-password');
    await fill('not-it-at-all', 'my-new-password');
    expect(text('alert')).toEqual(['未能修改密码：当前密码不对']);
    refuse(429, 'rate-limited', 'account', { retryAfterSeconds: 4 });
    await click('修改我的密码');
    expect(text('alert')).toEqual(['未能修改密码：这个账号的密码输错太多次了，请 4 秒后再试']);
    act(() => appStore.getState().setLang('en'));
    expect(text('alert')).toEqual(['Could not change the password: too many wrong passwords for this account; try again in 4 seconds']);
    await click('Change my password');
    expect(writes().at(-1)).toEqual({ method: 'POST', path: '/api/trainer/password', body: { currentPassword: 'not-it-at-all', newPassword: 'my-new-password' } });
    expect(text('status')).toEqual(['Password changed. Your logins elsewhere have ended.']);
    expect(byLabel(host, 'Current password').value).toBe('');
  });
});

describe('logging in to a disabled account', () => {
  it('says the account is disabled, not that the address is wrong (both are 403s)', async () => {
    let next: Error & { code: string; reason?: string } = Object.assign(new Error('this trainer account is disabled'), { code: 'forbidden', reason: 'disabled' });
    appStore.setState({ trainer: null, trainerBackend: fakeTrainerBackend({ login: () => Promise.reject(next) }) });
    render(<LoginPage />);
    type('账号', '李老师');
    type('密码', 'right-password');
    await click('登录');
    expect(text('alert')).toEqual(['登录失败：这个账号已被停用，请找管理员恢复']);
    act(() => appStore.getState().setLang('en'));
    expect(text('alert')).toEqual(['Login failed: this account is disabled; ask an admin to enable it']);
    next = Object.assign(new Error('origin not allowed'), { code: 'forbidden' });
    await click('Log in');
    expect(text('alert')).toEqual(["Login failed: trainers cannot log in from this address; open the server's own address"]);
  });
});
