// The shop's size chart (size -> foot length) and each product's fit, for size questions.
import { local, useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import type { Shop } from '../../store/types.ts';

export function SizesTab({ shop }: { shop: Shop }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  return (
    <div className="side-stack">
      <section className="side-card" aria-labelledby="sizes-title">
        <h2 id="sizes-title">{t('sizes.title')}</h2>
        {shop.sizeChart ? (
          <>
            <table className="size-table">
              <thead>
                <tr>
                  <th scope="col">{t('sizes.size')}</th>
                  <th scope="col">{t('sizes.foot')}</th>
                </tr>
              </thead>
              <tbody>
                {shop.sizeChart.rows.map((r) => (
                  <tr key={r.size}>
                    <th scope="row">{r.size}</th>
                    <td>{r.footLengthMm}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted side-note">{local(shop.sizeChart.note, lang)}</p>
          </>
        ) : (
          <p className="muted">{t('sizes.none')}</p>
        )}
      </section>
      <section className="side-card" aria-labelledby="fits-title">
        <h2 id="fits-title">{t('sizes.fits')}</h2>
        <ul className="fit-list">
          {shop.products
            .filter((p) => p.sizes.length > 0)
            .map((p) => (
              <li key={p.id}>
                <span>{local(p.name, lang)}</span>
                <span className={p.fit === 'standard' ? 'badge' : 'badge badge-orange'}>{t(`fit.${p.fit}`)}</span>
                {p.sizeAdvice && <p className="muted">{local(p.sizeAdvice, lang)}</p>}
              </li>
            ))}
        </ul>
      </section>
    </div>
  );
}
