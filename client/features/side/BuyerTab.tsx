// Who the buyer is (nickname, traits) and, after a sale, their order: items, status, courier, dates.
import { useState } from 'react';
import { resolveOrderDate } from '../../../server/engine/scenario/orderDates.ts';
import { local, tAny, useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import type { ScenarioContext } from '../../store/types.ts';
import { Avatar } from '../../ui/Avatar.tsx';

export function BuyerTab({ context }: { context: ScenarioContext }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const { buyer, order } = context.scenario;
  // The scenario's order is one placed before the chat (after-sale buyers). A pre-sale buyer who
  // pays during the chat has none there: the chat's outcome says they ordered.
  const orderedInChat = useApp((s) => (s.activeId === null ? false : s.sessions[s.activeId]?.outcome?.kind === 'purchased'));
  // Library order dates count back from the session's day ('-7d'), so they agree with the buyer's
  // "a week ago" whenever the chat is played (orderDates.ts). The day is the server's start of the
  // session, so the chat shows the same dates on any device and any later day: as the socket's
  // start or resume answer brings it (a live chat), or the session's HTTP view (a chat read back, or
  // its report); only a chat the server has not answered for yet falls back to this browser's start.
  const serverStartedAt = useApp((s) => {
    if (s.activeId === null) return undefined;
    const view = s.reports[s.activeId];
    return s.sessions[s.activeId]?.serverStartedAt ?? (view?.state === 'ready' ? view.data.session.startedAt : undefined);
  });
  const localStartedAt = useApp((s) => (s.activeId === null ? undefined : s.sessions[s.activeId]?.startedAt));
  // with no session picked (a preview), the day the tab opened stands in for its start
  const [openedAt] = useState(() => Date.now());
  const day = (value: string) => resolveOrderDate(value, serverStartedAt ?? localStartedAt ?? openedAt);
  const productName = (id: string) => {
    const p = context.shop.products.find((x) => x.id === id);
    return p ? local(p.name, lang) : id;
  };
  return (
    <div className="side-stack">
      <section className="side-card" aria-labelledby="buyer-title">
        <h2 id="buyer-title">{t('buyer.profile')}</h2>
        <div className="buyer-id">
          <Avatar id={buyer.avatar} name={buyer.nickname} size={44} />
          <div>
            <strong className="buyer-name">{buyer.nickname}</strong>
            <p className="muted">{local(context.scenario.title, lang)}</p>
          </div>
        </div>
        <h3>{t('buyer.traits')}</h3>
        <ul className="tag-list">
          {buyer.types.map((ty) => (
            <li key={ty} className="badge">
              {tAny(t, `trait.${ty}`, ty)}
            </li>
          ))}
        </ul>
      </section>
      <section className="side-card" aria-labelledby="order-title">
        <h2 id="order-title">{t('order.title')}</h2>
        {order ? (
          <>
            <dl className="kv">
              <dt>{t('order.id')}</dt>
              <dd>{order.id}</dd>
              <dt>{t('order.status')}</dt>
              <dd>
                <span className="badge badge-orange">{t(`order.status.${order.status}`)}</span>
              </dd>
              {order.courier && (
                <>
                  <dt>{t('order.courier')}</dt>
                  <dd>{order.courier}</dd>
                </>
              )}
              {order.tracking && (
                <>
                  <dt>{t('order.tracking')}</dt>
                  <dd className="mono">{order.tracking}</dd>
                </>
              )}
              <dt>{t('order.placed')}</dt>
              <dd>{day(order.placedAt)}</dd>
              {order.shippedAt && (
                <>
                  <dt>{t('order.shipped')}</dt>
                  <dd>{day(order.shippedAt)}</dd>
                </>
              )}
              {order.deliveredAt && (
                <>
                  <dt>{t('order.delivered')}</dt>
                  <dd>{day(order.deliveredAt)}</dd>
                </>
              )}
            </dl>
            <h3>{t('order.items')}</h3>
            <ul className="order-items">
              {order.items.map((item, i) => (
                <li key={`${item.product}-${i}`}>
                  <span>{productName(item.product)}</span>
                  <span className="muted">{[item.colour, item.size, t('order.qty', { n: item.qty })].filter(Boolean).join(' · ')}</span>
                  <strong>{t('common.yuan', { amount: item.price })}</strong>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="muted" data-testid="order-none">
            {t(orderedInChat ? 'order.placedInChat' : 'order.none')}
          </p>
        )}
      </section>
    </div>
  );
}
