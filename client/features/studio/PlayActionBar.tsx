// The trainee's actions that do not answer a buyer line, as the chat's side panel and composer offer
// them: send a product card or a coupon from the scenario's shop, and confirm the delivery address.
// The product choice starts on the order's product for a post-sale scenario (what the chat's order
// card shows), else on the shop's first.
import { useId, useState } from 'react';
import { local } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import type { CompiledScenario } from '../../../server/engine/index.ts';
import type { TraineeAction } from './playSession.ts';
import { useStudioT } from './strings.ts';

interface Props {
  compiled: CompiledScenario;
  disabled: boolean;
  onAction(action: TraineeAction): void;
}

export function PlayActionBar({ compiled, disabled, onAction }: Props) {
  const d = useStudioT();
  const lang = useApp((s) => s.lang);
  const uid = useId();
  const { products, coupons } = compiled.shop;
  const ordered = compiled.scenario.order?.items[0]?.product;
  const [product, setProduct] = useState(ordered ?? products[0]?.id ?? '');
  const [coupon, setCoupon] = useState(coupons[0]?.id ?? '');
  // The YAML may switch to another shop while the play-test stays open: never send a stale id.
  const pickedProduct = products.some((p) => p.id === product) ? product : (products[0]?.id ?? '');
  const pickedCoupon = coupons.some((c) => c.id === coupon) ? coupon : (coupons[0]?.id ?? '');
  return (
    <fieldset className="studio-play-actions">
      <legend>{d('play.actions')}</legend>
      {products.length > 0 && (
        <span className="studio-var">
          <label htmlFor={`${uid}-p`}>{d('play.product')}</label>
          <select id={`${uid}-p`} value={pickedProduct} onChange={(e) => setProduct(e.target.value)}>
            {products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id === ordered ? `${local(p.name, lang)} ${d('play.inOrder')}` : local(p.name, lang)}
              </option>
            ))}
          </select>
          <button type="button" className="btn btn-small" disabled={disabled} onClick={() => onAction({ type: 'card-sent', product: pickedProduct })}>
            {d('play.sendCard')}
          </button>
        </span>
      )}
      {coupons.length > 0 && (
        <span className="studio-var">
          <label htmlFor={`${uid}-c`}>{d('play.coupon')}</label>
          <select id={`${uid}-c`} value={pickedCoupon} onChange={(e) => setCoupon(e.target.value)}>
            {coupons.map((c) => (
              <option key={c.id} value={c.id}>
                {local(c.label, lang)}
              </option>
            ))}
          </select>
          <button type="button" className="btn btn-small" disabled={disabled} onClick={() => onAction({ type: 'coupon-sent', coupon: pickedCoupon })}>
            {d('play.sendCoupon')}
          </button>
        </span>
      )}
      <button type="button" className="btn btn-small" disabled={disabled} onClick={() => onAction({ type: 'address-confirmed' })}>
        {d('play.confirmAddress')}
      </button>
    </fieldset>
  );
}
