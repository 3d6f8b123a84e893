// @vitest-environment jsdom
// The accounts page (/trainer/account, 账号): every trainer changes their own password there, an
// admin also manages the trainer accounts; the drills home has neither any more. A deep link opens
// it (or the login first). Its refusals show in the app's error style (.error-text, red), not the
// amber of a warning. The server is a stubbed fetch; the trainer backend a fake.
import { act } from 'react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccountsPage } from '../../client/features/trainer/AccountsPage.tsx';
import { LoginPage } from '../../client/features/trainer/LoginPage.tsx';
import { TrainerHome } from '../../client/features/trainer/TrainerHome.tsx';
import type { TrainerListItem } from '../../client/net/api.ts';
import { appStore } from '../../client/store/index.ts';
import { allByRole, byLabel, byRole } from './a11y.ts';
import { fakeTrainerBackend } from './fakes.ts';
import { reactRoot } from './reactRoot.ts';

const ADMIN = { id: 'a1', name: '王老师', admin: true };
const TRAINER = { id: 't2', name: '陈老师', admin: false };
const at = Date.UTC(2025, 0, 6, 8, 30);
let paths: string[];
/** the answers to the next requests that are not the list */
let answers: { status: number; body: unknown }[];

beforeEach(() => {
  paths = [];
  answers = [];
  const trainers: TrainerListItem[] = [
    { ...ADMIN, disabled: false, createdAt: at, lastLoginAt: at },
    { ...TRAINER, disabled: false, createdAt: at, lastLoginAt: null },
  ];
  vi.stubGlobal('fetch', async (path: string, init: RequestInit = {}) => {
    paths.push(path);
    if ((init.method ?? 'GET') === 'GET' && path === '/api/trainers') return Response.json({ trainers });
    const answer = answers.shift() ?? { status: 200, body: { ok: true } };
    return Response.json(answer.body, { status: answer.status });
  });
  appStore.setState({ trainerBackend: fakeTrainerBackend(), trainerChecked: true, scenarios: { state: 'ready', data: [] } });
});
afterEach(() => {
  act(() => appStore.getState().setLang('zh-CN'));
  appStore.setState({ trainer: null, trainerBackend: null, trainerChecked: false, scenarios: null, history: null });
  appStore.getState().navigate('/', true);
  vi.unstubAllGlobals();
});

const { host, render } = reactRoot();

const headings = () => allByRole(host, 'heading').map((h) => h.textContent);
const refuse = (status: number, code: string, reason: string) => answers.push({ status, body: { error: { code, reason, message: 'english for the logs' } } });
const click = (name: string) => act(async () => (byRole(host, 'button', name) as HTMLButtonElement).click());
const alerts = () => allByRole(host, 'alert');

function type(label: string, value: string, root: ParentNode = host) {
  const input = byLabel(root, label);
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** `node` rendered for `trainer`, once the requests it makes on mounting have been answered. */
async function show(node: ReactNode, trainer: typeof ADMIN | null): Promise<void> {
  act(() => appStore.setState({ trainer }));
  render(node);
  for (let i = 0; i < 3; i++) await act(async () => await new Promise((resolve) => setTimeout(resolve, 0)));
}

describe('the accounts page', () => {
  it('gives a trainer who is not an admin their own password only, and reads no trainer list', async () => {
    await show(<AccountsPage />, TRAINER);
    expect(headings()).toEqual(['账号', '我的账号']);
    expect(paths).toEqual([]);
  });

  it('gives an admin the trainer accounts too: the list and the add form', async () => {
    await show(<AccountsPage />, ADMIN);
    expect(headings()).toEqual(['账号', '我的账号', '讲师账号', '全部讲师', '添加讲师账号']);
    expect(allByRole(host, 'listitem').map((li) => li.querySelector('strong')?.textContent)).toEqual(['王老师', '陈老师']);
    act(() => appStore.getState().setLang('en'));
    expect(headings().slice(0, 3)).toEqual(['Accounts', 'My account', 'Trainer accounts']);
  });

  it('opens from a deep link, after the login if need be, and stays at its address', async () => {
    appStore.getState().navigate('/trainer/account');
    appStore.setState({ trainerBackend: fakeTrainerBackend({ login: () => Promise.resolve(TRAINER) }) });
    const { TrainerArea } = await import('../../client/features/trainer/TrainerArea.tsx');
    const area = () => <TrainerArea sub={(appStore.getState().route as { sub: string }).sub} />;
    await show(area(), null);
    expect(headings()).toEqual(['讲师登录']);
    type('账号', '陈老师');
    type('密码', 'chen-laoshi-pass');
    await click('登录');
    render(area());
    expect(headings()).toEqual(['账号', '我的账号']);
    expect(window.location.pathname).toBe('/trainer/account');
  });

  it('leaves the login page itself for the drills home, not for this page', async () => {
    appStore.getState().navigate('/trainer/login');
    appStore.setState({ trainerBackend: fakeTrainerBackend({ login: () => Promise.resolve(TRAINER) }) });
    await show(<LoginPage />, null);
    type('账号', '陈老师');
    type('密码', 'chen-laoshi-pass');
    await click('登录');
    expect(window.location.pathname).toBe('/trainer');
  });
});

describe('the drills home', () => {
  it('no longer carries the accounts or "my account", for an admin either', async () => {
    await show(<TrainerHome />, ADMIN);
    expect(headings()).toContain('开一场演练');
    expect(headings()).not.toContain('我的账号');
    expect(headings()).not.toContain('讲师账号');
    expect(paths).not.toContain('/api/trainers');
  });

  it('is called 课堂演练, as the navigation calls it (Class drills in English)', async () => {
    await show(<TrainerHome />, TRAINER);
    expect(headings()[0]).toBe('课堂演练');
    act(() => appStore.getState().setLang('en'));
    expect(headings()[0]).toBe('Class drills');
  });
});

describe('account refusals', () => {
  const styled = () => alerts().map((el) => el.className);

  it('show in the error style, not the warning amber', async () => {
    await show(<AccountsPage />, ADMIN);
    // A wrong current password.
    refuse(403, 'forbidden', 'wrong-password');
    type('当前密码', 'not-it-at-all');
    type('新密码（至少 8 个字符）', 'my-new-password');
    type('再输一次新密码', 'my-new-password');
    await click('修改我的密码');
    expect(styled()).toEqual(['error-text']);
    // A refused disable.
    refuse(409, 'conflict', 'last-admin');
    await click('停用 陈老师');
    await click('确认停用');
    expect(styled()).toEqual(['error-text', 'error-text']);
    // A refused reset, under the row.
    await click('重设 陈老师 的密码');
    refuse(400, 'bad-request', 'password-too-short');
    const form = byRole(host, 'heading', '给“陈老师”设一个新密码').closest('form') as HTMLFormElement;
    type('新密码（至少 8 个字符）', 'short', form);
    await click('设置新密码');
    expect(styled()).toEqual(['error-text', 'error-text', 'error-text']);
  });

  it('show in the error style when adding a trainer or logging in', async () => {
    const refused = Object.assign(new Error('no'), { code: 'bad-request', reason: 'password-too-short' });
    appStore.setState({ trainerBackend: fakeTrainerBackend({ addTrainer: () => Promise.reject(refused), login: () => Promise.reject(refused) }) });
    await show(<AccountsPage />, ADMIN);
    type('新讲师账号', '赵老师');
    type('初始密码（至少 8 个字符）', 'short');
    await click('添加讲师');
    expect(styled()).toEqual(['error-text']);
    await show(<LoginPage />, null);
    type('账号', '赵老师');
    type('密码', 'short');
    await click('登录');
    expect(styled()).toEqual(['error-text']);
  });
});
