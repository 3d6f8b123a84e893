// An order date the chat window cannot resolve ('7 days ago', '-7', '2026-11-5') is a checker error
// where it is written, not a raw string shown in the buyer panel.
import { describe, expect, it } from 'vitest';
import { edit, goodScenario, parseErrors, pos } from './helpers.ts';

const withOrder = (dates: string) =>
  edit(goodScenario, 'initial: ask\n', `order:\n  id: '1'\n  items: [{ product: trail-runner, price: 399 }]\n  status: delivered\n${dates}initial: ask\n`);
const EXPECTED = "expected an order date: '-Nd' (N days before the session's day, such as '-7d') or a calendar day such as '2026-11-05'";

describe('order dates in the schema', () => {
  it('accept days before the session and calendar days', () => {
    expect(parseErrors(withOrder("  placedAt: '-9d'\n  shippedAt: '2026-11-05'\n  deliveredAt: '-7d'\n"))).toEqual([]);
  });

  it('report any other form at the date, with the forms it may take', () => {
    const src = withOrder("  placedAt: 7 days ago\n  shippedAt: '-7'\n  deliveredAt: '2026-11-5'\n");
    expect(parseErrors(src)).toEqual([
      `${pos(src, '7 days ago')}: order.placedAt: ${EXPECTED}, got text "7 days ago"`,
      `${pos(src, "'-7'")}: order.shippedAt: ${EXPECTED}, got text "-7"`,
      `${pos(src, "'2026-11-5'")}: order.deliveredAt: ${EXPECTED}, got text "2026-11-5"`,
    ]);
  });
});
