// The catalogue: search, open a product's details, send it as a card; the shop's coupons below.
import { useState } from 'react';
import { local, useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import type { ChatSession, Shop } from '../../store/types.ts';
import { ProductDetail } from './ProductDetail.tsx';

export function ProductsTab({ session, shop }: { session: ChatSession; shop: Shop }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const focus = useApp((s) => s.focusProduct);
  const showProduct = useApp((s) => s.showProduct);
  const sendCoupon = useApp((s) => s.sendCoupon);
  const [query, setQuery] = useState('');
  const closed = session.ended || session.status === 'gone';
  const q = query.trim().toLowerCase();
  const products = shop.products.filter((p) => !q || p.name['zh-CN'].toLowerCase().includes(q) || p.name.en.toLowerCase().includes(q) || p.id.includes(q));
  return (
    <div className="side-stack">
      <label className="visually-hidden" htmlFor="product-search">
        {t('product.search')}
      </label>
      <input id="product-search" className="side-search" type="search" placeholder={t('product.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
      {products.length === 0 && <p className="muted">{t('product.noResults')}</p>}
      <ul className="product-list">
        {products.map((p) => {
          const open = focus === p.id;
          return (
            <li key={p.id} className={open ? 'product-row open' : 'product-row'} data-product={p.id}>
              <button type="button" className="product-row-head" aria-expanded={open} aria-controls={`product-${p.id}`} onClick={() => showProduct(open ? '' : p.id)}>
                <span className="product-row-name">{local(p.name, lang)}</span>
                <span className="product-row-price">
                  <strong>{t('common.yuan', { amount: p.promoPrice ?? p.price })}</strong>
                  {p.promoPrice !== undefined && <s>{t('common.yuan', { amount: p.price })}</s>}
                </span>
              </button>
              {open && <ProductDetail id={`product-${p.id}`} product={p} sessionId={session.id} closed={closed} />}
            </li>
          );
        })}
      </ul>
      {shop.coupons.length > 0 && (
        <section className="side-card" aria-labelledby="coupons-title">
          <h2 id="coupons-title">{t('coupon.title')}</h2>
          <ul className="coupon-list">
            {shop.coupons.map((c) => (
              <li key={c.id}>
                <span className="coupon-mini">{t('common.yuan', { amount: c.amount })}</span>
                <span className="coupon-mini-text">
                  <strong>{local(c.label, lang)}</strong>
                  <span className="muted">{c.minSpend > 0 ? t('chat.couponRule', { min: c.minSpend, amount: c.amount }) : t('chat.couponNoMin', { amount: c.amount })}</span>
                </span>
                <button type="button" className="btn btn-small btn-primary" disabled={closed} aria-label={t('coupon.sendLabel', { label: local(c.label, lang) })} onClick={() => sendCoupon(session.id, c.id)}>
                  {t('coupon.send')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
