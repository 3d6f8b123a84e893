// What each trainee socket event means to the engine.
import type { SessionEvent } from '../engine/index.ts';
import type { ClientPayload, TraineeEventName } from '../protocol/index.ts';

export const traineeEventNames = ['reply:send', 'link:open', 'file:answer', 'card:send', 'coupon:send', 'address:confirm', 'session:end'] as const satisfies readonly TraineeEventName[];

export function toSessionEvent<E extends TraineeEventName>(name: E, payload: ClientPayload<E>): SessionEvent {
  const p = payload as ClientPayload<TraineeEventName>;
  switch (name) {
    case 'reply:send':
      return { type: 'reply', text: (p as ClientPayload<'reply:send'>).text };
    case 'link:open':
      return { type: 'link-opened', messageId: (p as ClientPayload<'link:open'>).messageId };
    case 'file:answer': {
      const { accept, messageId } = p as ClientPayload<'file:answer'>;
      const type = accept ? 'file-accepted' : 'file-declined';
      return messageId === undefined ? { type } : { type, messageId };
    }
    case 'card:send':
      return { type: 'card-sent', product: (p as ClientPayload<'card:send'>).product };
    case 'coupon:send':
      return { type: 'coupon-sent', coupon: (p as ClientPayload<'coupon:send'>).coupon };
    case 'address:confirm':
      return { type: 'address-confirmed' };
    default:
      return { type: 'end' };
  }
}
