// @vitest-environment jsdom
// One navigation per area in the blue top bar: on a trainee's page the trainee's (首页 / 工作台); on
// /trainer/* the trainer's (课堂演练 / 剧本工作室 / 账号 / 退出登录) with the current page marked, and
// none on the login page. The trainer's logout leaves like a link (the studio's guard asks first).
// And the trainer paths the top bar and the trainer area read.
import { act } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { TopBar } from '../../client/features/shell/TopBar.tsx';
import { appStore } from '../../client/store/index.ts';
import { parseRoute, parseTrainerPage, paths } from '../../client/store/route.ts';
import { reactRoot } from './reactRoot.ts';

const TRAINER = { id: 't1', name: '王老师', admin: false };

// The top bar loads the trainer's navigation on demand; loaded once here, it is there within a few
// ticks (a cold transform could take longer than the test waits).
beforeAll(() => import('../../client/features/trainer/TrainerNav.tsx'));
beforeEach(() => {
  appStore.setState({ trainer: TRAINER, trainerChecked: true });
});
afterEach(() => {
  act(() => appStore.getState().setLang('zh-CN'));
  appStore.setState({ trainer: null, trainerChecked: false });
  appStore.getState().navigate('/', true);
  vi.restoreAllMocks();
});

const { host, render } = reactRoot();

/** The top bar at `path`, once the trainer's navigation (a lazy chunk) has loaded. */
async function barAt(path: string): Promise<void> {
  appStore.getState().navigate(path);
  render(<TopBar />);
  for (let i = 0; i < 5; i++) await act(async () => await new Promise((resolve) => setTimeout(resolve, 0)));
}

const navs = () => [...host.querySelectorAll('nav')].map((nav) => nav.getAttribute('aria-label'));
const items = () => [...host.querySelectorAll('nav a, nav button')].map((el) => el.textContent);
const current = () => [...host.querySelectorAll('nav [aria-current]')].map((el) => `${el.textContent}=${el.getAttribute('aria-current')}`);
const link = (name: string) => [...host.querySelectorAll('a')].find((a) => a.textContent === name);

describe('the top bar', () => {
  it("shows a trainee's page the trainee's navigation, and nothing of the trainer's", async () => {
    await barAt('/chat');
    expect(navs()).toEqual(['主导航']);
    expect(items()).toEqual(['首页', '工作台']);
    expect(current()).toEqual(['工作台=page']);
    expect(host.querySelector('.topbar-brand')?.getAttribute('href')).toBe('/');
  });

  it("shows a trainer's page the trainer's navigation instead, the current page marked", async () => {
    await barAt('/trainer/account');
    expect(navs()).toEqual(['讲师导航']);
    expect(items()).toEqual(['课堂演练', '剧本工作室', '账号', '退出登录']);
    expect(link('账号')?.getAttribute('href')).toBe('/trainer/account');
    expect(current()).toEqual(['账号=page']);
    expect(host.querySelector('.topbar-brand')?.getAttribute('href')).toBe('/trainer');

    act(() => appStore.getState().navigate('/trainer'));
    expect(current()).toEqual(['课堂演练=page']);
    // A drill room and its results are reached from the drills home: that link stays marked.
    act(() => appStore.getState().navigate('/trainer/drill/d1'));
    expect(current()).toEqual(['课堂演练=page']);
    act(() => appStore.getState().navigate('/trainer/results/d1'));
    expect(current()).toEqual(['课堂演练=page']);
    act(() => appStore.getState().navigate('/trainer/studio/edit/my-buyer'));
    expect(current()).toEqual(['剧本工作室=page']);

    act(() => appStore.getState().setLang('en'));
    expect(navs()).toEqual(['Trainer navigation']);
    expect(items()).toEqual(['Class drills', 'Scenario studio', 'Accounts', 'Log out']);
  });

  it('shows no navigation on the trainer login page', async () => {
    appStore.setState({ trainer: null });
    await barAt('/trainer/login');
    expect(navs()).toEqual([]);
    expect(host.querySelector('.topbar')).not.toBeNull();
  });

  it('logs out like leaving the page, back to the login, where the navigation is gone', async () => {
    const logout = vi.fn(async () => appStore.setState({ trainer: null }));
    appStore.setState({ trainerLogout: logout });
    await barAt('/trainer/studio');
    const button = [...host.querySelectorAll('button')].find((b) => b.textContent === '退出登录') as HTMLButtonElement;
    // studio/leaveGuard.ts asks before a click on a marked control, as before a link.
    expect(button.hasAttribute('data-leaves-page')).toBe(true);
    await act(async () => button.click());
    expect(logout).toHaveBeenCalledOnce();
    expect(window.location.pathname).toBe('/trainer/login');
    expect(navs()).toEqual([]);
  });
});

describe('trainer paths', () => {
  it('parse to the trainer page they show', () => {
    expect(parseRoute('/trainer/account/')).toEqual({ name: 'trainer', sub: '/account' });
    expect(paths.trainerAccount).toBe('/trainer/account');
    expect(parseTrainerPage('')).toEqual({ page: 'drills' });
    expect(parseTrainerPage('/account')).toEqual({ page: 'account' });
    expect(parseTrainerPage('/studio')).toEqual({ page: 'studio', sub: '' });
    expect(parseTrainerPage('/studio/edit/my-buyer')).toEqual({ page: 'studio', sub: '/edit/my-buyer' });
    expect(parseTrainerPage('/drill/d-1')).toEqual({ page: 'drill', drillId: 'd-1' });
    expect(parseTrainerPage('/results/d-1')).toEqual({ page: 'results', drillId: 'd-1' });
    // Anything else shows the drills home, as it always has.
    expect(parseTrainerPage('/accounts')).toEqual({ page: 'drills' });
    expect(parseTrainerPage('/login')).toEqual({ page: 'drills' });
    expect(parseTrainerPage('/drill/a/b')).toEqual({ page: 'drills' });
  });
});
