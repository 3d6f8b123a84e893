// The trainee's actions in a play-test, the same ones the trainee chat offers: open a link the buyer
// sent, accept or decline a file on offer, send a product card or a coupon from the scenario's shop,
// confirm the address. Each is one engine step THINK_MS after the buyer's last line, exactly like a
// reply, and becomes a turn of kind 'action' that names what was done and to what.
import { SessionError, step } from '../../../server/engine/index.ts';
import type { CompiledScenario, LocalText, SessionState, Shop } from '../../../server/engine/index.ts';
import { isOver, traineeTime, turnRecord } from './playSession.ts';
import type { BuyerLine, PlaySession, PlayTurn, TraineeAction } from './playSession.ts';

/** The trainee acts THINK_MS after the buyer's last line. Throws SessionError for an impossible action. */
export function playAction(compiled: CompiledScenario, session: PlaySession, action: TraineeAction): PlaySession {
  if (isOver(session)) throw new SessionError('ended', 'the chat is over');
  const now = traineeTime(session);
  const before = session.state;
  const { state, effects } = step(compiled, before, action, now);
  const subject = subjectOf(compiled, before, action);
  const turn: PlayTurn = { kind: 'action', ...turnRecord(before, state, effects), action, ...(subject === undefined ? {} : { subject }) };
  return { ...session, state, now, turns: [...session.turns, turn] };
}

/** Whether the trainer can open this buyer line's link now (as often as they like, as in the chat). */
export function canOpen(session: PlaySession, line: BuyerLine): boolean {
  const kind = line.attachment?.kind;
  return !isOver(session) && (kind === 'link' || kind === 'product-link');
}

/** Whether this buyer line offers a file that has not been answered yet. */
export function canAnswer(session: PlaySession, line: BuyerLine): boolean {
  return !isOver(session) && line.attachment?.kind === 'file' && session.state.openFileOffers.includes(line.id);
}

/** How the trainee answered this line's file offer, if they did. */
export function fileAnswer(session: PlaySession, line: BuyerLine): 'file-accepted' | 'file-declined' | undefined {
  const answer = session.state.messages.find((m) => m.from === 'trainee' && m.action?.target === line.id)?.action?.kind;
  return answer === 'file-accepted' || answer === 'file-declined' ? answer : undefined;
}

/** A product of the shop by name, or its id when the shop (edited since) no longer has it. */
export function productName(shop: Shop, productId: string): LocalText | string {
  return shop.products.find((p) => p.id === productId)?.name ?? productId;
}

/** The thing acted on, in words the turn can show; looked up before the step (a file offer closes with it). */
function subjectOf(compiled: CompiledScenario, state: SessionState, action: TraineeAction): LocalText | string | undefined {
  switch (action.type) {
    case 'link-opened':
    case 'file-accepted':
    case 'file-declined': {
      const id = action.messageId ?? state.openFileOffers[0];
      const att = state.messages.find((m) => m.id === id)?.attachment;
      if (att?.kind === 'link') return att.url;
      if (att?.kind === 'file') return att.name;
      if (att?.kind === 'product-link') return productName(compiled.shop, att.product);
      return undefined;
    }
    case 'card-sent':
      return productName(compiled.shop, action.product);
    case 'coupon-sent':
      return compiled.shop.coupons.find((c) => c.id === action.coupon)?.label ?? action.coupon;
    case 'address-confirmed':
      return undefined;
  }
}
