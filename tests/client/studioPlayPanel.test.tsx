// @vitest-environment jsdom
// The play-test panel in a browser-like DOM with the shipped phisher: the buyer's link and file come
// with the buttons the trainee chat offers; opening the link adds an action turn naming the link,
// with the red-line rule by its title, the scammed ending and no "save as test" buttons (tests hold
// replies only), and the actions are then closed; declining the file marks it declined and the buyer
// pushes back; the card, coupon and address buttons play turns too, in English as well. Buyer moves
// are named by their labels with the id beside them; a move without a label by its id.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkSource } from '../../client/features/studio/checks.ts';
import { PlayTest } from '../../client/features/studio/PlayTest.tsx';
import { appStore } from '../../client/store/index.ts';
import { libraryContext, libraryCopy } from './studioFixture.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const source = libraryCopy('phisher', 'my-phisher');
const compiled = checkSource(source, 'my-phisher', libraryContext()).compiled;
if (!compiled) throw new Error('the phisher does not compile');

let root: ReturnType<typeof createRoot> | null = null;
let host: HTMLElement;
let appended: string[];

beforeEach(() => {
  appended = [];
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root?.render(<PlayTest compiled={compiled} source={source} onAppend={(next) => appended.push(next)} />));
});
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
  appStore.getState().setLang('zh-CN');
});

const buttons = (within: ParentNode = host) => [...within.querySelectorAll('button')];
const byName = (name: string | RegExp, within: ParentNode = host) =>
  buttons(within).filter((b) => (typeof name === 'string' ? (b.getAttribute('aria-label') ?? b.textContent) === name : name.test(b.getAttribute('aria-label') ?? b.textContent ?? '')));
const turns = () => [...host.querySelectorAll<HTMLElement>('[data-testid="play-result"]')];
const click = (button: HTMLButtonElement | undefined) => {
  if (!button) throw new Error('no such button');
  act(() => button.click());
};

function startAt(state: string) {
  const select = [...host.querySelectorAll('label')].find((l) => l.textContent === '买家所处环节')?.nextElementSibling as HTMLSelectElement;
  act(() => {
    select.value = state;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('play-test actions in the panel', () => {
  it('opens the unsafe link: an action turn with the red line, the ending, no test buttons', () => {
    const open = byName(/^点开链接 http/);
    expect(open).toHaveLength(1);
    click(open[0]);

    expect(turns()).toHaveLength(1);
    const turn = turns()[0] as HTMLElement;
    expect(turn.dataset['kind']).toBe('action');
    expect(turn.querySelector('[data-testid="play-action"]')?.textContent).toBe('（点开了买家的链接 http://tmall-0rder-fix.top/pay/checkout?item=ridge&uid=83920）');
    const redLine = [...turn.querySelectorAll('li')].find((li) => li.textContent?.includes('不点钓鱼链接'));
    expect(redLine?.className).toBe('studio-error');
    expect(redLine?.textContent).toContain('no-phishing-link-click');
    expect(redLine?.textContent).toContain('红线');
    expect(turn.querySelector('[data-testid="play-next"]')?.textContent).toContain('link-bait → scammed-link');
    expect(turn.querySelector('[data-testid="play-buyer"]')?.children.length).toBeGreaterThan(0);
    expect(byName('存为正例测试', turn)).toHaveLength(0);
    expect(byName('存为反例测试', turn)).toHaveLength(0);
    // The ending's kind by its name in the app's language (as the chat and the report name it), the move by its label and id.
    const outcome = () => host.querySelector<HTMLElement>('[data-testid="play-outcome"]');
    expect(outcome()?.textContent).toBe('对话结束：店铺被骗了 · 点开了钓鱼链接（scammed-link）');
    expect(outcome()?.dataset['outcome']).toBe('scammed');
    // The turn's own card names the ending the same way (not by its raw kind).
    const turnOutcome = () => turn.querySelector<HTMLElement>('.studio-ok');
    expect(turnOutcome()?.textContent).toBe('对话结束：店铺被骗了 · 点开了钓鱼链接（scammed-link）');
    act(() => appStore.getState().setLang('en'));
    expect(outcome()?.textContent).toMatch(/^The chat ended: The shop was scammed · .+ \(scammed-link\)$/);
    expect(turnOutcome()?.textContent).toBe(outcome()?.textContent);
    act(() => appStore.getState().setLang('zh-CN'));
    expect(turn.querySelector('[data-testid="play-next"]')?.textContent).toContain('买家接下来去：点开了钓鱼链接（scammed-link）');
    // The chat is over: the link can no longer be opened and the action bar is closed.
    expect(byName(/^点开链接 http/)).toHaveLength(0);
    expect(byName('核对收货地址')[0]?.disabled).toBe(true);
  });

  it('declines the file: the offer is answered and the buyer pushes back', () => {
    startAt('bulk-file');
    expect(byName('接收 采购清单.xlsx')).toHaveLength(1);
    click(byName('拒收 采购清单.xlsx')[0]);
    const turn = turns()[0] as HTMLElement;
    expect(turn.querySelector('[data-testid="play-action"]')?.textContent).toBe('（拒收了买家的文件 采购清单.xlsx）');
    expect(turn.querySelector('[data-testid="play-next"]')?.textContent).toContain('bulk-file');
    expect(turn.querySelector('[data-testid="play-buyer"]')?.textContent).toMatch(/拒收|收不了/);
    expect(byName(/^接收 /)).toHaveLength(0);
    expect(host.querySelector('.studio-play-buyer')?.textContent).toContain('已拒收');
    // A reply still saves as a test; the action turn above it does not.
    const box = host.querySelector('textarea') as HTMLTextAreaElement;
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(box, '亲，不好意思，网络有点卡收不了文件，您把要的款式加入购物车一起结算哦');
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    click(byName('试一下')[0]);
    expect(turns()).toHaveLength(2);
    expect(byName('存为正例测试', turns()[0] as HTMLElement)).toHaveLength(0);
    click(byName('存为正例测试', turns()[1] as HTMLElement)[0]);
    expect(appended).toHaveLength(1);
    // named in the page's language, not "golden reply at …"
    expect(appended[0]).toMatch(/- name: 正例：在 \S+ 回复「亲，不好意思/);
    expect(appended[0]).not.toContain('golden reply at');
  });

  it('sends a card and a coupon from the shop and confirms the address, in English too', () => {
    act(() => appStore.getState().setLang('en'));
    click(byName('Send product card')[0]);
    click(byName('Send coupon')[0]);
    click(byName('Confirm the address')[0]);
    const actions = turns().map((t) => t.querySelector('[data-testid="play-action"]')?.textContent);
    const product = compiled.shop.products[0]?.name.en ?? '';
    const coupon = compiled.shop.coupons[0]?.label.en ?? '';
    expect(actions).toEqual([`(sent a product card: ${product})`, `(sent a coupon: ${coupon})`, '(asked the buyer to confirm the address)']);
  });

  it('names the intents a reply fired by their labels, the id beside; the read text sits under a plain-words toggle', () => {
    const ctx = libraryContext();
    act(() => root?.render(<PlayTest compiled={compiled} source={source} lexicon={ctx.lexicon} onAppend={() => undefined} />));
    const box = host.querySelector('textarea') as HTMLTextAreaElement;
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(box, '亲，这个链接不安全，请在淘宝里直接下单哦');
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    click(byName('试一下')[0]);
    const turn = turns()[0] as HTMLElement;
    const names = [...turn.querySelectorAll(':scope li > strong')].map((s) => s.textContent ?? '');
    expect(names.length).toBeGreaterThan(0);
    // every intent with a label is shown by it, not by its engine id
    for (const name of names) expect(Object.keys(ctx.lexicon.intents)).not.toContain(name);
    const first = turn.querySelector(':scope li > strong')?.nextElementSibling?.textContent?.trim() ?? '';
    expect(ctx.lexicon.intents[first]?.label?.['zh-CN'] ?? compiled.scenario.intents[first]?.label?.['zh-CN']).toBe(names[0]);
    expect(turn.querySelector('details summary')?.textContent).toBe('系统读到的文字');
    expect(turn.textContent).not.toContain('规范化');
  });

  it('names the moves by label and id, in the UI language, and an unlabelled move by its id', () => {
    const options = () => [...host.querySelectorAll('option')].map((o) => o.textContent);
    expect(options()[0]).toBe('发来下单失败链接（link-bait） · 开头');
    expect(options()).toContain('发来采购清单文件（bulk-file）');
    act(() => appStore.getState().setLang('en'));
    expect(options()[0]).toBe('Sends a checkout link (link-bait) · the start');
    act(() => appStore.getState().setLang('zh-CN'));

    const bare = checkSource(source.replace("    label: { zh-CN: 发来采购清单文件, en: 'Sends a bulk-order file' }\n", ''), 'my-phisher', libraryContext()).compiled;
    if (!bare) throw new Error('the unlabelled copy does not compile');
    act(() => root?.render(<PlayTest compiled={bare} source={source} onAppend={() => undefined} />));
    expect(options()).toContain('bulk-file');
    startAt('bulk-file');
    click(byName('拒收 采购清单.xlsx')[0]);
    expect(turns()[0]?.querySelector('[data-testid="play-next"]')?.textContent).toBe('买家接下来去：bulk-file （原地不动）');
  });
});
