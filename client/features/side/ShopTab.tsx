// The shop's promotions, shipping terms, policies and the small gifts an agent may offer.
import { local, useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import type { Lang, Shop } from '../../store/types.ts';
import { dateTime } from '../../ui/format.ts';

/** A promotion's end (an ISO time stamp in the shop file) as a local date and time in the UI language. */
export function endsAtText(endsAt: string, lang: Lang): string {
  const at = Date.parse(endsAt);
  return Number.isNaN(at) ? endsAt : dateTime(at, lang);
}

export function ShopTab({ shop }: { shop: Shop }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const { shipping } = shop;
  return (
    <div className="side-stack">
      <section className="side-card" aria-labelledby="shop-title">
        <h2 id="shop-title">{local(shop.name, lang)}</h2>
        <p className="muted">
          {shop.brand} · {t(`shop.platform.${shop.platform}`)}
        </p>
      </section>
      {shop.promotions.length > 0 && (
        <section className="side-card" aria-labelledby="promo-title">
          <h2 id="promo-title">{t('shop.promotions')}</h2>
          <ul className="promo-list">
            {shop.promotions.map((p) => (
              <li key={p.id}>
                <strong>{local(p.label, lang)}</strong>
                <p>{local(p.detail, lang)}</p>
                {p.endsAt && (
                  <p className="muted">
                    <time dateTime={p.endsAt}>{t('shop.endsAt', { date: endsAtText(p.endsAt, lang) })}</time>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="side-card" aria-labelledby="ship-title">
        <h2 id="ship-title">{t('shop.shipping')}</h2>
        <ul className="bullets">
          <li>{t('shop.shippingFee', { fee: shipping.fee })}</li>
          {shipping.freeOver !== undefined && <li>{t('shop.freeOver', { amount: shipping.freeOver })}</li>}
          <li>{t('shop.courier', { courier: shipping.courier })}</li>
          <li>{t('shop.cutoff', { time: shipping.dispatchCutoff })}</li>
        </ul>
      </section>
      <section className="side-card" aria-labelledby="policy-title">
        <h2 id="policy-title">{t('shop.policies')}</h2>
        <ul className="bullets">
          {shop.policies.map((p) => (
            <li key={p.id}>{local(p.text, lang)}</li>
          ))}
        </ul>
      </section>
      {shop.gifts.length > 0 && (
        <section className="side-card" aria-labelledby="gift-title">
          <h2 id="gift-title">{t('shop.gifts')}</h2>
          <ul className="tag-list">
            {shop.gifts.map((g, i) => (
              <li key={i} className="badge">
                {local(g, lang)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
