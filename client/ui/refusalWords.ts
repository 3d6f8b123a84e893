// A refused trainee event, a chat the server no longer has or a chat that could not start, worded in the page's language by the
// error code (the server's English message is for logs). Codes the page has no words for get a
// general sentence.
import type { MessageKey } from '../i18n/index.ts';

const BY_CODE: Readonly<Record<string, MessageKey>> = {
  'too-large': 'chat.refused.tooLong',
  'too-long': 'chat.refused.tooLong',
  'empty-reply': 'chat.refused.empty',
  'bad-request': 'chat.refused.invalid',
  'unknown-event': 'chat.refused.invalid',
  ended: 'chat.refused.ended',
  // a link, file offer, product or coupon the chat no longer has
  'no-such-link': 'chat.refused.stale',
  'no-file-offer': 'chat.refused.stale',
  'no-such-product': 'chat.refused.stale',
  'no-such-coupon': 'chat.refused.stale',
  unauthorized: 'chat.refused.notYours',
  forbidden: 'chat.refused.notYours',
  'not-found': 'chat.refused.notFound',
  'scenario-unavailable': 'chat.refused.scenario',
  removed: 'chat.refused.removed',
  'rate-limited': 'chat.refused.later',
  unavailable: 'chat.refused.later',
  internal: 'chat.refused.later',
  timeout: 'chat.refused.later',
  offline: 'chat.refused.later',
};

export function refusalKey(code: string | undefined): MessageKey {
  return (code !== undefined && BY_CODE[code]) || 'chat.refused.other';
}
