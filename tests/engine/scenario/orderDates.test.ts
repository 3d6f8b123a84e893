// Order dates count back from the session's day, so what the side panel shows agrees with what the
// post-sale buyers say ("worn a week", "ordered a week ago") whenever the chat is played, and the
// library writes every order date that way.
import { describe, expect, it } from 'vitest';
import { isOrderDate, resolveOrderDate } from '../../../server/engine/scenario/orderDates.ts';
import { listScenarioFiles, loadBundle, scenariosDir } from '../../../server/store/scenarioFiles.ts';

const DAY = 86_400_000;
/** 2026-11-25 10:00 in Beijing (02:00 UTC). */
const START = Date.UTC(2026, 10, 25, 2, 0);

describe('resolveOrderDate', () => {
  it('counts days back from the session day on Beijing time', () => {
    expect(resolveOrderDate('-7d', START)).toBe('2026-11-18');
    expect(resolveOrderDate('-0d', START)).toBe('2026-11-25');
    // 23:30 UTC on the 24th is already the 25th in Beijing
    expect(resolveOrderDate('-1d', Date.UTC(2026, 10, 24, 23, 30))).toBe('2026-11-24');
    expect(resolveOrderDate('-30d', Date.UTC(2027, 2, 1, 4))).toBe('2027-01-30');
  });

  it('leaves a calendar day as written', () => {
    expect(resolveOrderDate('2026-11-05', START)).toBe('2026-11-05');
  });

  it('knows the two forms', () => {
    for (const ok of ['-7d', '-120d', '2026-11-05']) expect(isOrderDate(ok)).toBe(true);
    for (const bad of ['7d', '-7', '+3d', 'last week', '2026-11-5']) expect(isOrderDate(bad)).toBe(false);
  });
});

const files = await listScenarioFiles(scenariosDir());
const orders = (
  await Promise.all(
    files.map(async (file) => {
      const loaded = await loadBundle(scenariosDir(), file);
      if (!loaded.ok) throw new Error(file);
      const { id, order } = loaded.bundle.scenario;
      return order === undefined ? [] : [[id, order] as const];
    }),
  )
).flat();

const daysAgo = (value: string | undefined, start: number): number => {
  if (value === undefined) throw new Error('no date');
  return Math.round((Date.parse(resolveOrderDate('-0d', start)) - Date.parse(resolveOrderDate(value, start))) / DAY);
};

describe('the library order dates', () => {
  it('has orders to check', () => {
    expect(orders.map(([id]) => id).sort()).toEqual(['post-sale-complainer', 'post-sale-complainer-easy', 'post-sale-complainer-hard']);
  });

  it.each(orders)('%s writes every date relative to the session, in order', (_id, order) => {
    const dates = [order.placedAt, order.shippedAt, order.deliveredAt].filter((d) => d !== undefined);
    for (const d of dates) expect(d).toMatch(/^-\d+d$/u);
    for (const start of [START, Date.UTC(2027, 5, 1, 15)]) {
      const days = dates.map((d) => daysAgo(d, start));
      expect([...days].sort((a, b) => b - a)).toEqual(days);
    }
  });

  it('agrees with what each buyer says', () => {
    const byId = Object.fromEntries(orders);
    // "才穿了一个星期": delivered a week ago, so the 7-day return has not lapsed either
    expect(daysAgo(byId['post-sale-complainer']?.deliveredAt, START)).toBe(7);
    // "等一个礼拜了", still in transit
    expect(daysAgo(byId['post-sale-complainer-easy']?.placedAt, START)).toBe(7);
    expect(byId['post-sale-complainer-easy']?.deliveredAt).toBeUndefined();
    // offered a 7-day return: delivered within the week
    expect(daysAgo(byId['post-sale-complainer-hard']?.deliveredAt, START)).toBeLessThanOrEqual(7);
  });
});
