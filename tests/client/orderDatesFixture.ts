// A buyer whose order is written in relative days (placed 9 days, delivered 7 days before the
// session's day), for the buyer tab's order-date tests, and the dates the tab shows.
import type { ScenarioContext } from '../../client/store/types.ts';
import { info } from './fakes.ts';

export function relativeOrderContext(): ScenarioContext {
  const order = { id: '1', items: [{ product: 'x', qty: 1, price: 1 }], status: 'delivered', placedAt: '-9d', deliveredAt: '-7d' };
  return { scenario: { ...info().scenario, buyer: { nickname: '老周', avatar: 'a', types: [] }, order }, shop: { products: [] } } as unknown as ScenarioContext;
}

export function shownDays(host: HTMLElement): (string | null)[] {
  return [...host.querySelectorAll('dl.kv dd')].map((d) => d.textContent);
}
