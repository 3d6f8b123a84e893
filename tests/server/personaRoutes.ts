// Finds, with the pure engine, a short sequence of trainee events that takes a persona to each
// outcome it can reach: candidate replies are the scenario's own golden and bad replies plus a
// spread of typical ones; candidate actions are every link, file, product card and coupon at hand.
import type { CompiledScenario, OutcomeKind, SessionEvent, SessionState } from '../../server/engine/index.ts';
import { SessionError, startSession, step } from '../../server/engine/index.ts';
import { benchReplies } from '../../server/cli/benchReplies.ts';

export interface Route {
  outcome: OutcomeKind;
  events: SessionEvent[];
}

const MAX_DEPTH = 8;
const MAX_STATES = 3000;
const TURN_MS = 4000;

function candidates(compiled: CompiledScenario, state: SessionState): SessionEvent[] {
  const replies = new Set<string>([...compiled.scenario.tests.map((t) => t.reply), ...benchReplies]);
  const events: SessionEvent[] = [...replies].map((text) => ({ type: 'reply', text }));
  for (const m of state.messages) {
    if (m.from === 'buyer' && (m.attachment?.kind === 'link' || m.attachment?.kind === 'product-link')) events.push({ type: 'link-opened', messageId: m.id });
  }
  if (state.openFileOffers.length > 0) events.push({ type: 'file-accepted' }, { type: 'file-declined' });
  for (const p of compiled.shop.products) events.push({ type: 'card-sent', product: p.id });
  for (const c of compiled.shop.coupons) events.push({ type: 'coupon-sent', coupon: c.id });
  events.push({ type: 'address-confirmed' });
  return events;
}

/** Breadth-first over abstract positions (buyer move + variables + open offers): shortest routes first. */
export function findRoutes(compiled: CompiledScenario): Route[] {
  const start = startSession(compiled, { seed: 1, now: 0, speed: 0 }).state;
  const key = (s: SessionState) => JSON.stringify([s.machine, s.openFileOffers.length, s.offered]);
  const seen = new Set([key(start)]);
  let frontier: { state: SessionState; events: SessionEvent[] }[] = [{ state: start, events: [] }];
  const found = new Map<OutcomeKind, Route>();
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0 && seen.size < MAX_STATES; depth++) {
    const next: typeof frontier = [];
    for (const { state, events } of frontier) {
      for (const event of candidates(compiled, state)) {
        let after: SessionState;
        try {
          after = step(compiled, state, event, (events.length + 1) * TURN_MS).state;
        } catch (err) {
          if (err instanceof SessionError) continue;
          throw err;
        }
        const route = [...events, event];
        if (after.outcome) {
          if (!found.has(after.outcome.kind)) found.set(after.outcome.kind, { outcome: after.outcome.kind, events: route });
          continue;
        }
        const k = key(after);
        if (seen.has(k)) continue;
        seen.add(k);
        next.push({ state: after, events: route });
      }
    }
    frontier = next;
  }
  return [...found.values()];
}
