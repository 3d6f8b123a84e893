// @vitest-environment jsdom
// The trainer's read-only view of a trainee's chat names the buyer the way the trainee's chat does:
// by the buyer's nickname and avatar from the scenario's context, not by the scenario's title; a
// product link the buyer sends shows the product's name and price from the shop, not its id. The
// context is the catalog's cached one (one request per scenario version).
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { WatchPanel } from '../../client/features/trainer/WatchPanel.tsx';
import { appStore } from '../../client/store/index.ts';
import { newSession } from '../../client/store/sessionReducer.ts';
import type { ScenarioContext } from '../../client/store/types.ts';
import { FakeTransport, info } from './fakes.ts';
import { libraryContext } from './studioFixture.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const scenario = { ...info().scenario, id: 'bargainer-easy', version: 3, title: { 'zh-CN': '议价买家（入门）：学生党想便宜点', en: 'Bargainer (easy)' } };
const shop = libraryContext().shops['trailpeak'];
if (!shop) throw new Error('no trailpeak shop');
const context = {
  scenario: { id: scenario.id, version: 3, title: scenario.title, description: scenario.description, persona: 'bargainer', difficulty: 'easy', buyer: { nickname: '小雨同学', avatar: 'student-girl', types: ['price-sensitive'] } },
  shop,
} as unknown as ScenarioContext;

let root: ReturnType<typeof createRoot> | null = null;
afterEach(() => {
  act(() => root?.unmount());
  appStore.setState({ watched: null, contexts: {} });
  document.body.innerHTML = '';
});

function watch() {
  const asked: string[] = [];
  let answer: (c: ScenarioContext) => void = () => undefined;
  appStore.getState().attachBackend({
    transport: new FakeTransport(),
    api: {
      scenarios: () => Promise.resolve([]),
      context: (id, version) => {
        asked.push(`${id}@${version}`);
        return new Promise((resolve) => (answer = resolve));
      },
      session: () => new Promise(() => undefined),
      ruleTexts: () => new Promise(() => undefined),
    },
  });
  let session = newSession({ sessionId: 's1', token: '', mode: 'exam', displayName: '小明', scenario, lastSeq: 0, ended: false }, 1000);
  session = { ...session, messages: [{ id: 'm1', from: 'buyer', text: '这双还能便宜点吗', at: 1000, attachment: { kind: 'product-link', product: 'breeze-daily-runner' } }] };
  appStore.setState({ watched: { seatId: 'seat1', session } });
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root?.render(<WatchPanel />));
  return { host, asked, answer: (c: ScenarioContext) => act(async () => answer(c)) };
}

describe('the watch panel', () => {
  it("names the buyer by the nickname and shows the product card from the scenario's shop", async () => {
    const { host, asked, answer } = watch();
    expect(asked).toEqual(['bargainer-easy@3']);
    await answer(context);
    const buyer = host.querySelector('li[data-from="buyer"]') as HTMLElement;
    expect(buyer.querySelector('.msg-meta span')?.textContent).toBe('小雨同学');
    expect(buyer.textContent).not.toContain('学生党想便宜点');
    expect(buyer.querySelector('.avatar')?.textContent).toBe('小');
    expect(host.querySelector('[role="log"]')?.getAttribute('aria-label')).toContain('小雨同学');
    const card = buyer.querySelector('.att-product') as HTMLElement;
    expect(card.querySelector('.product-name')?.textContent).toBe('踏峰 轻风 日常缓震跑鞋');
    expect(card.querySelector('.product-price')?.textContent).toContain('399');
    expect(card.textContent).not.toContain('breeze-daily-runner');
  });
});
