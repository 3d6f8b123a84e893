// One buyer in the list: avatar, nickname, last line, unread count and how long they have waited.
import type { MouseEvent, ReactNode } from 'react';
import type { MessageKey, Translate } from '../../i18n/index.ts';
import { local, tAny, useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import { paths } from '../../store/route.ts';
import { waitingSince } from '../../store/sessionReducer.ts';
import type { LastLine } from '../../store/persist.ts';
import type { ChatSession } from '../../store/types.ts';
import { AppLink } from '../../ui/AppLink.tsx';
import { Avatar } from '../../ui/Avatar.tsx';
import { shortTime, stopwatch, waitLevel } from '../../ui/format.ts';
import { withFaceGlyphs } from './emoji.ts';
import { openedLink, selectDrillPaused } from './MessageBubble.tsx';
import { readyContext, useScenarioContext } from './useScenarioContext.ts';

const PREVIEW_KEY: Record<string, MessageKey> = {
  'product-link': 'chat.productLink',
  link: 'chat.openLink',
  file: 'chat.file',
  photo: 'chat.photo',
  'product-card': 'chat.productCard',
  coupon: 'chat.coupon',
};

/** The last line as one line of text; 旺旺表情 as the faces the bubble draws ([可怜] -> 🥺). */
function preview(m: LastLine | undefined, t: Translate, session: ChatSession): string {
  if (!m) return '';
  if (m.text) return withFaceGlyphs(m.text);
  if (m.attachment) return `[${t(PREVIEW_KEY[m.attachment.kind] ?? 'chat.file')}]`;
  // the same words as the note in the chat: a phishing link opened is not an ordinary link
  if (m.action?.kind === 'link-opened' && openedLink(session, (m.action as { target?: string }).target).kind === 'unsafe') return t('chat.action.unsafe-link-opened');
  if (m.action) return tAny(t, `chat.action.${m.action.kind}`, '');
  return '';
}

export function ConversationItem({ session, active, now }: { session: ChatSession; active: boolean; now: number }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const context = readyContext(useScenarioContext(session.scenario));
  const nickname = context?.scenario.buyer.nickname ?? local(session.scenario.title, lang);
  // A chat not fetched yet (an ended one, until opened) has no transcript here: its saved last line.
  const savedLast = useApp((s) => s.savedLast[session.id]);
  const last: LastLine | undefined = session.messages.at(-1) ?? savedLast;
  const since = waitingSince(session);
  // While the trainer has the drill paused (or frozen for a reveal), the buyer's wait stands still
  // where it was when the pause reached this page, as the pause notice says: not growing, not red.
  const paused = useApp(selectDrillPaused(session.id));
  const pausedAt = useApp((s) => s.drillStateAt + s.clockOffset);
  const at = paused ? pausedAt : now;
  const waited = since === null ? null : Math.max(0, at - since);
  const level = waited === null ? 'ok' : waitLevel(waited);
  // On the drill page the seat's own chats open in place: leaving for /chat/<id> would take away the
  // seat bar and the pause and end notices.
  const drillCode = useApp((s) => (s.route.name === 'join' && s.isDrillSession(session.id) ? s.route.code : null));
  const linkProps = { className: active ? 'convo-item active' : 'convo-item', 'aria-current': active ? ('page' as const) : undefined };
  const body = (
    <>
      <span className="convo-avatar">
        <Avatar id={context?.scenario.buyer.avatar ?? session.scenario.id} name={nickname} size={38} />
        {session.unread > 0 && (
          <span className="unread-badge" aria-label={t('list.unread', { n: session.unread })}>
            {session.unread > 99 ? '99+' : session.unread}
          </span>
        )}
      </span>
      <span className="convo-body">
        <span className="convo-line">
          <strong className="convo-name">{nickname}</strong>
          <span className="convo-time">{last ? shortTime(last.at) : ''}</span>
        </span>
        <span className="convo-title">{local(session.scenario.title, lang)}</span>
        <span className="convo-line">
          <span className="convo-preview">{session.status === 'gone' ? t('list.gone') : preview(last, t, session)}</span>
          {waited !== null && (
            <span className={`wait-timer wait-${level}`} title={t('list.waiting', { time: stopwatch(waited) })}>
              <span className="visually-hidden">{t('list.waiting', { time: '' })}</span>
              {stopwatch(waited)}
            </span>
          )}
          {session.ended && (
            <span className={session.score === undefined ? 'badge' : session.passed === false ? 'badge badge-red' : 'badge badge-green'}>
              {session.score === undefined ? t('list.ended') : t('list.score', { score: session.score })}
            </span>
          )}
        </span>
      </span>
    </>
  );
  return drillCode === null ? (
    <AppLink to={paths.chat(session.id)} {...linkProps}>
      {body}
    </AppLink>
  ) : (
    <SeatChatLink to={paths.join(drillCode)} sessionId={session.id} {...linkProps}>
      {body}
    </SeatChatLink>
  );
}

/** The seat's chat shown on the drill page itself (a real link, to this page, for a new tab). */
function SeatChatLink({ to, sessionId, children, ...rest }: { to: string; sessionId: string; children: ReactNode; className: string; 'aria-current': 'page' | undefined }) {
  const selectSession = useApp((s) => s.selectSession);
  const closeDrawer = useApp((s) => s.closeDrawer);
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    selectSession(sessionId);
    closeDrawer();
  };
  return (
    <a href={to} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
