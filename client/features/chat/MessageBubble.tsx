// One line of the chat: a buyer or trainee bubble (text, attachment, practice verdicts), or a
// centred note for a trainee action that is not a message. Text is always rendered as text.
import type { MessageKey, Translate } from '../../i18n/index.ts';
import { local, useT } from '../../i18n/index.ts';
import type { AppState } from '../../store/index.ts';
import { useApp } from '../../store/index.ts';
import type { ChatSession, Lang, Message, OutboxItem, Shop, Verdict } from '../../store/types.ts';
import { Avatar } from '../../ui/Avatar.tsx';
import { clockTime } from '../../ui/format.ts';
import { AttachmentView } from './Attachments.tsx';
import type { FileAnswer } from './MessageList.tsx';
import { RichText } from './RichText.tsx';
import { VerdictChips } from './VerdictChips.tsx';
import { refusalKey } from '../../ui/refusalWords.ts';

interface Props {
  session: ChatSession;
  message: Message;
  shop: Shop | undefined;
  nickname: string;
  avatarId: string;
  verdicts: readonly Verdict[] | undefined;
  fileAnswer: FileAnswer | undefined;
}

export function MessageBubble({ session, message, shop, nickname, avatarId, verdicts, fileAnswer }: Props) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const openLink = useApp((s) => s.openLink);
  const peekLink = useApp((s) => s.peekLink);
  const answerFile = useApp((s) => s.answerFile);
  const buyer = message.from === 'buyer';
  // A drill line: the time the trainee's clock said, not the drill's (which skips pauses).
  const shownAt = session.wallAt?.[message.id] ?? message.at;
  const closed = session.ended || session.status === 'gone';
  const chips = verdicts && verdicts.length > 0 ? <VerdictChips verdicts={verdicts} /> : null;

  if (message.action) {
    const link = message.action.kind === 'link-opened' ? openedLink(session, message.action.target) : null;
    return (
      <li className={link?.kind === 'unsafe' ? 'chat-note chat-note-warn' : 'chat-note'} data-message-id={message.id} data-action={message.action.kind} data-link={link?.kind}>
        <span>
          {link?.kind === 'unsafe' && <span aria-hidden="true">⚠️ </span>}
          {link ? linkNote(t, lang, shop, link) : t(`chat.action.${message.action.kind}`)} · <time dateTime={new Date(shownAt).toISOString()}>{clockTime(shownAt)}</time>
        </span>
        {chips}
      </li>
    );
  }

  const att = message.attachment;
  const hasLink = att?.kind === 'link' || att?.kind === 'product-link';
  const onTextLink = buyer ? (url: string) => (hasLink && !closed ? openLink(session.id, message.id) : peekLink(session.id, url)) : undefined;
  return (
    <li className={buyer ? 'msg msg-buyer' : 'msg msg-trainee'} data-message-id={message.id} data-from={message.from}>
      {buyer && <Avatar id={avatarId} name={nickname} size={32} />}
      <div className="msg-col">
        <div className="msg-meta">
          <span>{buyer ? nickname : session.displayName}</span>
          <time dateTime={new Date(shownAt).toISOString()}>{clockTime(shownAt)}</time>
        </div>
        {message.text && (
          <div className="bubble">
            <RichText text={message.text} onLink={onTextLink} />
          </div>
        )}
        {att && (
          <AttachmentView
            attachment={att}
            shop={shop}
            onOpen={buyer && hasLink && !closed ? () => openLink(session.id, message.id) : undefined}
            onAnswer={buyer && att.kind === 'file' && !closed ? (accept) => answerFile(session.id, message.id, accept) : undefined}
            fileAnswer={fileAnswer}
            disabled={closed}
          />
        )}
        {chips}
      </div>
    </li>
  );
}

/**
 * What opening a buyer's link was: the shop's own product (`product-link`: normal work, a neutral
 * note), a link the scenario marks unsafe (phishing: a mistake, shown as a warning), or another link.
 */
export type OpenedLink = { kind: 'product'; product: string } | { kind: 'unsafe' } | { kind: 'link' };

export function openedLink(session: ChatSession, target: string | undefined): OpenedLink {
  const att = target === undefined ? undefined : session.messages.find((m) => m.id === target)?.attachment;
  if (att?.kind === 'product-link') return { kind: 'product', product: att.product };
  if (att?.kind === 'link' && att.unsafe) return { kind: 'unsafe' };
  return { kind: 'link' };
}

function linkNote(t: Translate, lang: Lang, shop: Shop | undefined, link: OpenedLink): string {
  if (link.kind === 'product') {
    const product = shop?.products.find((p) => p.id === link.product);
    return t('chat.action.product-opened', { name: product ? local(product.name, lang) : link.product });
  }
  return t(link.kind === 'unsafe' ? 'chat.action.unsafe-link-opened' : 'chat.action.link-opened');
}

/**
 * Is this chat a drill seat's (the seat on this page) while the trainer has the drill paused? Then
 * the server refuses its events until the drill goes on, and the outbox tries again after.
 */
export const selectDrillPaused =
  (sessionId: string) =>
  (s: AppState): boolean => {
    if (s.drillState?.status !== 'paused' || !s.drillCode) return false;
    return s.seats[s.drillCode]?.sessionIds.includes(sessionId) ?? false;
  };

/** Why a trainee event still waits: the drill's pause, the network, or nothing (it is going out). */
function waiting(state: 'queued' | 'sending', paused: boolean, online: boolean): 'paused' | 'queued' | 'sending' {
  if (paused) return 'paused';
  // Queued while online: a retry that is due shortly, or behind the event before it.
  return state === 'sending' || online ? 'sending' : 'queued';
}

const WAITING_TEXT = { paused: 'chat.pausedQueued', queued: 'chat.queued', sending: 'chat.sending' } as const satisfies Record<string, MessageKey>;

/** A trainee event the server has not confirmed yet: shown where it will land, with its state. */
export function PendingBubble({ session, item, shop }: { session: ChatSession; item: OutboxItem; shop: Shop | undefined }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const discard = useApp((s) => s.discardFailed);
  const paused = useApp(selectDrillPaused(session.id));
  const online = useApp((s) => s.connection === 'online');
  const why = item.state === 'failed' ? null : waiting(item.state, paused, online);
  const status =
    why === null ? (
      <span className="pending-status failed" role="alert">
        {t('chat.failed', { message: t(refusalKey(item.error?.code)) })}{' '}
        <button type="button" className="btn btn-small" onClick={() => discard(session.id, item.clientMsgId)}>
          {t('chat.dismiss')}
        </button>
      </span>
    ) : (
      <span className={`pending-status ${why}`}>{t(WAITING_TEXT[why])}</span>
    );
  let body;
  switch (item.event) {
    case 'reply:send':
      body = (
        <div className="bubble">
          <RichText text={item.payload.text} />
        </div>
      );
      break;
    case 'card:send':
      body = <AttachmentView attachment={{ kind: 'product-card', product: item.payload.product }} shop={shop} />;
      break;
    case 'coupon:send':
      body = <AttachmentView attachment={{ kind: 'coupon', coupon: item.payload.coupon }} shop={shop} />;
      break;
    default: {
      const link = item.event === 'link:open' ? openedLink(session, item.payload.messageId) : null;
      const kind = item.event === 'file:answer' ? (item.payload.accept ? 'file-accepted' : 'file-declined') : item.event === 'address:confirm' ? 'address-confirmed' : null;
      return (
        <li className={link?.kind === 'unsafe' ? 'chat-note chat-note-warn pending' : 'chat-note pending'} data-pending={item.state} data-link={link?.kind}>
          <span>{link ? linkNote(t, lang, shop, link) : kind ? t(`chat.action.${kind}`) : t('chat.action.end')}</span> {status}
        </li>
      );
    }
  }
  return (
    <li className={`msg msg-trainee pending pending-${item.state}`} data-pending={item.state}>
      <div className="msg-col">
        {body}
        {status}
      </div>
    </li>
  );
}
