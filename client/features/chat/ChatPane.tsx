// Centre column: who the buyer is, how the chat stands (outcome, end, report), the transcript and
// the reply box.
import { useEffect, useRef, useState } from 'react';
import { local, tAny, useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import { paths } from '../../store/route.ts';
import type { ChatSession } from '../../store/types.ts';
import { AppLink } from '../../ui/AppLink.tsx';
import { Avatar } from '../../ui/Avatar.tsx';
import { Composer } from './Composer.tsx';
import { DrawerToggle } from './Drawer.tsx';
import { MessageList } from './MessageList.tsx';
import { readyContext, useScenarioContext } from './useScenarioContext.ts';
import { useEndWording, useResultsHeld } from './useResultsHeld.ts';
import { refusalKey } from '../../ui/refusalWords.ts';
import './chat.css';

export function ChatPane({ session }: { session: ChatSession }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const endSession = useApp((s) => s.endSession);
  const forgetSession = useApp((s) => s.forgetSession);
  const navigate = useApp((s) => s.navigate);
  const context = readyContext(useScenarioContext(session.scenario));
  const [confirming, setConfirming] = useState(false);
  const held = useResultsHeld(session);
  const wording = useEndWording(session);
  const endYes = wording === 'exam-next' ? t('chat.endNext') : wording === 'exam-last' ? t('chat.endThis') : t('chat.endYes');
  // Ending before the buyer reaches an outcome fails the attempt whatever its points (the report
  // says 未完成): the confirmation says so first. A drill's chats keep the drill's own words.
  const inDrill = useApp((s) => s.isDrillSession(session.id));
  const openWarning = !inDrill && !session.outcome;
  const confirmText =
    wording !== 'scored' ? t('chat.endConfirmExam') : openWarning ? t(session.mode === 'exam' ? 'chat.endConfirmOpenExam' : 'chat.endConfirmOpen') : t('chat.endConfirm');
  const endButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  // Where the focus goes once the end button and its confirmation have swapped places: into the
  // confirmation when it opens, back to the button when it is cancelled (never on first render).
  const focusAfterSwap = useRef<'confirm' | 'end' | null>(null);
  useEffect(() => {
    const target = focusAfterSwap.current;
    focusAfterSwap.current = null;
    if (target === 'confirm') (confirmButton.current?.disabled ? cancelButton.current : confirmButton.current)?.focus();
    else if (target === 'end') endButton.current?.focus();
  }, [confirming]);
  const askToEnd = () => {
    focusAfterSwap.current = 'confirm';
    setConfirming(true);
  };
  const cancelEnd = () => {
    focusAfterSwap.current = 'end';
    setConfirming(false);
  };
  const nickname = context?.scenario.buyer.nickname ?? local(session.scenario.title, lang);
  const avatarId = context?.scenario.buyer.avatar ?? session.scenario.id;
  const ending = session.outbox.some((i) => i.event === 'session:end' && i.state !== 'failed');
  const outcomeLabel = session.outcome ? (session.outcome.label ? local(session.outcome.label, lang) : tAny(t, `outcome.${session.outcome.kind}`, session.outcome.kind)) : '';

  return (
    <section className="chat" aria-labelledby="chat-title">
      <header className="chat-head">
        <DrawerToggle kind="list" label={t('drawer.list')} icon="☰" />
        <Avatar id={avatarId} name={nickname} size={36} />
        <div className="chat-head-text">
          <h1 id="chat-title">{nickname}</h1>
          <p>
            {local(session.scenario.title, lang)} · {tAny(t, `level.${session.scenario.difficulty}`, session.scenario.difficulty)}{' '}
            <span className={session.mode === 'exam' ? 'badge badge-orange' : 'badge badge-blue'}>{t(`mode.${session.mode}`)}</span>
          </p>
        </div>
        <div className="chat-head-actions">
          <DrawerToggle kind="side" label={t('drawer.side')} icon="📋" />
          {/* An ended chat's report link is in the ended banner just below, on every screen; a chat with
              its outcome is ended from the outcome banner: one 结束并评分 on screen, never two. */}
          {session.ended || session.outcome || confirming ? null : (
            <button ref={endButton} type="button" className="btn" onClick={askToEnd} disabled={session.status === 'gone'}>
              {t('chat.end')}
            </button>
          )}
        </div>
        {/* A row of its own under the name, so the name and the drawer buttons keep their one line on a phone. */}
        {confirming && !session.ended && !session.outcome && (
          <div
            className="end-confirm"
            role="group"
            aria-label={confirmText}
            onKeyDown={(e) => {
              if (e.key === 'Escape') cancelEnd();
            }}
          >
            <span className="end-confirm-text">{confirmText}</span>
            <span className="end-confirm-buttons">
              <button ref={confirmButton} type="button" className="btn btn-primary btn-small" onClick={() => endSession(session.id)} disabled={ending}>
                {endYes}
              </button>
              <button ref={cancelButton} type="button" className="btn btn-small" onClick={cancelEnd}>
                {t('common.cancel')}
              </button>
            </span>
          </div>
        )}
      </header>
      {session.status === 'resuming' && (
        <p className="chat-banner" role="status">
          {t('chat.resuming')}
        </p>
      )}
      {session.status === 'gone' && (
        <div className="chat-banner chat-banner-error" role="alert">
          <span>{t('chat.gone', { message: t(refusalKey(session.error)) })}</span>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              forgetSession(session.id);
              navigate(paths.chat(), true);
            }}
          >
            {t('list.forget')}
          </button>
        </div>
      )}
      {session.outcome && !session.ended && (
        <div
          className={session.outcome.success ? 'chat-banner chat-banner-outcome' : 'chat-banner chat-banner-outcome bad'}
          role="status"
          data-testid="outcome-banner"
          data-outcome={session.outcome.kind}
        >
          <strong>{t('chat.outcome', { label: outcomeLabel })}</strong>
          <span>{t('chat.outcomeHint')}</span>
          <button type="button" className="btn btn-primary btn-small" onClick={() => endSession(session.id)} disabled={ending}>
            {endYes}
          </button>
        </div>
      )}
      {session.ended && held && (
        <div className="chat-banner chat-banner-ended" role="status" data-testid="ended-banner">
          <strong>{t('chat.examHeld')}</strong>
        </div>
      )}
      {session.ended && !held && (
        <div className="chat-banner chat-banner-ended" role="status" data-testid="ended-banner">
          <strong>{session.score === undefined ? t('chat.ended') : t('chat.endedScore', { score: session.score })}</strong>
          {session.outcome && <span>{t('chat.outcome', { label: outcomeLabel })}</span>}
          <AppLink to={paths.report(session.id)} className="btn btn-primary btn-small">
            {t('chat.report')}
          </AppLink>
        </div>
      )}
      <MessageList session={session} shop={context?.shop} nickname={nickname} avatarId={avatarId} />
      <Composer session={session} />
    </section>
  );
}
