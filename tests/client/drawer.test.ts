// The small-screen drawers' state: opening a buyer's product link brings the side drawer out with
// the catalogue; moving to another page puts any drawer away.
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../client/store/index.ts';
import { buyerLine, FakeTransport, info, MemoryStorage } from './fakes.ts';

function setup() {
  const store = createAppStore({ storage: new MemoryStorage(), now: () => 1000, history: { push: () => undefined, replace: () => undefined } });
  const transport = new FakeTransport();
  transport.onStart = () => store.getState().netStarted(info());
  store.getState().attachBackend({ transport, api: { scenarios: () => Promise.resolve([]), context: () => new Promise(() => undefined), session: () => new Promise(() => undefined), ruleTexts: () => new Promise(() => undefined) } });
  return store;
}

describe('drawers', () => {
  it('open and close; a page change closes them', () => {
    const store = setup();
    expect(store.getState().drawer).toBeNull();
    store.getState().openDrawer('list');
    expect(store.getState().drawer).toBe('list');
    store.getState().closeDrawer();
    expect(store.getState().drawer).toBeNull();
    store.getState().openDrawer('list');
    store.getState().navigate('/chat/s9');
    expect(store.getState().drawer).toBeNull();
  });

  it('a product link opens the side drawer on the product', async () => {
    const store = setup();
    expect(await store.getState().startSession('bargainer')).toBeNull();
    store.getState().netEvent({ name: 'buyer:say', payload: { sessionId: 's1', seq: 1, message: { ...buyerLine('m1', '看看这双'), attachment: { kind: 'product-link', product: 'breeze' } } } });
    store.getState().openLink('s1', 'm1');
    expect(store.getState()).toMatchObject({ drawer: 'side', sideTab: 'products', focusProduct: 'breeze' });
  });
});
