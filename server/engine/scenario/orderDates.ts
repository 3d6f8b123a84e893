// Order dates in a scenario (order.placedAt / shippedAt / deliveredAt). A fixed calendar day goes
// stale: a buyer who says "I've worn them a week" beside a delivery date three weeks back contradicts
// himself, and a 7-day return would have lapsed. So the library writes them relative to the day the
// session starts ('-7d': seven days before), and the chat window resolves them for that day. An ISO
// day (2026-11-05) is still accepted and shown as written, for trainers' scenarios that want one.
// Pure: the caller passes the session's start time.

const RELATIVE = /^-(\d{1,3})d$/u;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/u;
const DAY_MS = 86_400_000;
/**
 * The day is counted on Beijing time (UTC+8, no daylight saving): the platform's day, so a trainee
 * anywhere sees the same dates, and a chat started just after midnight in China is "today" there.
 */
const PLATFORM_OFFSET_MS = 8 * 3_600_000;

/** The forms an order date may take, '-7d' or '2026-11-05', as one pattern (the JSON Schema gives it to editors). */
export const ORDER_DATE_FORM = new RegExp(`${RELATIVE.source}|${ISO_DAY.source}`, 'u');

/** True for the forms an order date may take: '-7d' or '2026-11-05'. */
export function isOrderDate(value: string): boolean {
  return ORDER_DATE_FORM.test(value);
}

/** The calendar day (YYYY-MM-DD) an order date names for a session started at `sessionStartMs`. */
export function resolveOrderDate(value: string, sessionStartMs: number): string {
  const m = RELATIVE.exec(value);
  if (m === null) return value;
  const day = Math.floor((sessionStartMs + PLATFORM_OFFSET_MS) / DAY_MS) - Number(m[1]);
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
