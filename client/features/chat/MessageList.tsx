// The transcript: confirmed messages, then what is still on its way, then the typing indicator.
// Follows the bottom while the trainee is at (or near) it: as lines arrive, and whenever the content
// grows (a typing indicator replaced by the longer line, verdict chips under a reply, a photo that
// loads) or the view shrinks (a banner above it); never while the trainee has scrolled up to read.
// The scrolling box is a focusable region, so the keyboard can scroll it too.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useT } from '../../i18n/index.ts';
import type { ChatSession, OutboxItem, Shop } from '../../store/types.ts';
import { useNow } from '../../ui/useNow.ts';
import { MessageBubble, PendingBubble } from './MessageBubble.tsx';
import { usePracticeVerdicts } from './useRuleTexts.ts';

export type FileAnswer = 'accepted' | 'declined' | 'answering';

function fileAnswers(session: ChatSession): Record<string, FileAnswer> {
  const out: Record<string, FileAnswer> = {};
  for (const m of session.messages) {
    if (m.from === 'trainee' && m.action?.target && (m.action.kind === 'file-accepted' || m.action.kind === 'file-declined')) {
      out[m.action.target] = m.action.kind === 'file-accepted' ? 'accepted' : 'declined';
    }
  }
  for (const i of session.outbox) {
    if (i.event === 'file:answer' && i.state !== 'failed' && i.payload.messageId && !out[i.payload.messageId]) out[i.payload.messageId] = 'answering';
  }
  return out;
}

/** Within this many pixels of the bottom counts as at the bottom. */
const NEAR_BOTTOM_PX = 80;

export function MessageList({ session, shop, nickname, avatarId }: { session: ChatSession; shop: Shop | undefined; nickname: string; avatarId: string }) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const pending: OutboxItem[] = session.outbox.filter((i) => !session.byClientId[i.clientMsgId]);
  const answers = fileAnswers(session);
  const verdicts = usePracticeVerdicts(session);
  const typing = session.typing;
  const now = useNow(500, typing !== null);
  const showTyping = typing !== null && !session.ended && now < typing.until + 2000;
  const count = session.messages.length + pending.length + (showTyping ? 1 : 0);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [count, session.id]);

  // Content that grows, or a box that shrinks, without a line more: keep the bottom in view if the
  // trainee was there. Only scrolling changes `stick` (our own scroll to the bottom keeps it true).
  useEffect(() => {
    const el = scroller.current;
    const inner = content.current;
    if (!el || !inner || typeof ResizeObserver === 'undefined') return;
    const follow = () => {
      if (stick.current && el.scrollHeight - el.scrollTop - el.clientHeight > 0) el.scrollTop = el.scrollHeight;
    };
    const observer = new ResizeObserver(follow);
    observer.observe(el);
    observer.observe(inner);
    return () => observer.disconnect();
  }, []);

  const onScroll = () => {
    const el = scroller.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
  };

  return (
    <div className="chat-scroll" ref={scroller} onScroll={onScroll} tabIndex={0} role="region" aria-label={t('chat.scrollRegion', { name: nickname })}>
      <div className="chat-scroll-content" ref={content}>
        <ol className="chat-log" role="log" aria-label={t('chat.log', { name: nickname })}>
          {session.messages.map((m) => (
            <MessageBubble
              key={m.id}
              session={session}
              message={m}
              shop={shop}
              nickname={nickname}
              avatarId={avatarId}
              verdicts={verdicts?.[m.id]}
              fileAnswer={answers[m.id]}
            />
          ))}
          {pending.map((item) => (
            <PendingBubble key={item.clientMsgId} session={session} item={item} shop={shop} />
          ))}
        </ol>
        {showTyping && (
          <p className="typing" role="status">
            <span className="typing-dots" aria-hidden="true">
              <span />
              <span />
              <span />
            </span>
            {t('chat.typing')}
          </p>
        )}
      </div>
    </div>
  );
}
