// A product's card as an agent keeps it for quick lookup: prices, sizes in stock, materials, selling
// points and the drawbacks to disclose honestly.
import type { ReactNode } from 'react';
import { local, useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import type { Shop } from '../../store/types.ts';

type Product = Shop['products'][number];

export function ProductDetail({ id, product: p, sessionId, closed }: { id: string; product: Product; sessionId: string; closed: boolean }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const sendCard = useApp((s) => s.sendCard);
  const rows: [string, ReactNode][] = [];
  rows.push([t('product.price'), t('common.yuan', { amount: p.price })]);
  if (p.promoPrice !== undefined) rows.push([t('product.promo'), t('common.yuan', { amount: p.promoPrice })]);
  rows.push([t('product.fit'), t(`fit.${p.fit}`)]);
  if (p.colours.length) rows.push([t('product.colours'), p.colours.map((c) => local(c, lang)).join(' / ')]);
  for (const key of ['upper', 'lining', 'membrane', 'outsole', 'insole'] as const) {
    const v = p[key];
    if (v) rows.push([t(`product.${key}`), local(v, lang)]);
  }
  if (p.weightGrams !== undefined) rows.push([t('product.weight'), t('product.grams', { n: p.weightGrams })]);
  return (
    <div id={id} className="product-detail">
      <dl className="kv">
        {rows.map(([k, v]) => (
          <div key={k} className="kv-row">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {p.sizes.length > 0 && (
        <>
          <h3>{t('product.sizes')}</h3>
          <ul className="size-stock">
            {p.sizes.map((s) => {
              const left = p.stock?.[s];
              return (
                <li key={s} className={left === 0 ? 'out' : left !== undefined && left <= 3 ? 'low' : ''}>
                  {s}
                  {left !== undefined && <span>{left}</span>}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {p.sizeAdvice && (
        <>
          <h3>{t('product.sizeAdvice')}</h3>
          <p>{local(p.sizeAdvice, lang)}</p>
        </>
      )}
      {p.highlights.length > 0 && (
        <>
          <h3>{t('product.highlights')}</h3>
          <ul className="bullets">
            {p.highlights.map((h, i) => (
              <li key={i}>{local(h, lang)}</li>
            ))}
          </ul>
        </>
      )}
      {p.weaknesses.length > 0 && (
        <>
          <h3>{t('product.weaknesses')}</h3>
          <ul className="bullets bullets-warn">
            {p.weaknesses.map((w, i) => (
              <li key={i}>{local(w, lang)}</li>
            ))}
          </ul>
        </>
      )}
      <button type="button" className="btn btn-primary btn-small product-send" disabled={closed} aria-label={t('product.sendLabel', { name: local(p.name, lang) })} onClick={() => sendCard(sessionId, p.id)}>
        {t('product.send')}
      </button>
    </div>
  );
}
