// Left column: every chat this browser holds, newest first, as a seller sees several buyers at once.
import { useId } from 'react';
import { useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import { paths } from '../../store/route.ts';
import { AppLink } from '../../ui/AppLink.tsx';
import { useNow } from '../../ui/useNow.ts';
import { ConversationItem } from './ConversationItem.tsx';

export function ConversationList({ activeId }: { activeId: string | null }) {
  const t = useT();
  const whyId = useId();
  const order = useApp((s) => s.order);
  const sessions = useApp((s) => s.sessions);
  const clockOffset = useApp((s) => s.clockOffset);
  const anyWaiting = order.some((id) => {
    const s = sessions[id];
    return s !== undefined && !s.ended && s.messages.at(-1)?.from === 'buyer';
  });
  // Only tick while some buyer waits: the timers are the only thing here that moves by itself.
  const now = useNow(1000, anyWaiting) + clockOffset;
  // Seated in a drill that has not ended, the drill decides the buyers: no new chat on the side
  // (in an exam it would be a practice chat with live feedback).
  const inDrill = useApp((s) => {
    const status = s.drillState?.status;
    return s.seatPhase === 'seated' && s.drillCode !== null && s.seats[s.drillCode] !== undefined && status !== undefined && status !== 'ended' && status !== 'cancelled';
  });
  return (
    <nav className="convo-list" aria-label={t('list.label')}>
      <div className="convo-head">
        <h2>{t('list.title')}</h2>
        <span className="badge">{t('list.count', { n: order.length })}</span>
      </div>
      {order.length === 0 && <p className="convo-empty muted">{t('list.empty')}</p>}
      <ul>
        {order.map((id) => {
          const s = sessions[id];
          return s ? (
            <li key={id}>
              <ConversationItem session={s} active={id === activeId} now={now} />
            </li>
          ) : null;
        })}
      </ul>
      {inDrill ? (
        <>
          {/* The reason as text, not only a tooltip: a phone has no hover to show one. */}
          <button type="button" className="btn convo-new" disabled title={t('list.newInDrill')} aria-describedby={whyId}>
            {t('list.new')}
          </button>
          <p id={whyId} className="convo-new-why muted">
            {t('list.newInDrill')}
          </p>
        </>
      ) : (
        <AppLink to={paths.home} className="btn convo-new">
          {t('list.new')}
        </AppLink>
      )}
    </nav>
  );
}
