// Which product card or coupon an action check narrows to, picked from the scenario's shop: "any"
// first, then the shop's products (card-sent) or coupons (coupon-sent), each by its name in the
// page's language with its id. The existing rule's field (RuleFields.tsx, written to the YAML) and
// the new rule's draft (CheckPicker.tsx) both take their wording and choices from here.
import type { Shop } from '../../../../server/engine/index.ts';
import { useApp } from '../../../store/index.ts';
import { DraftSelect } from './DraftInputs.tsx';
import { useFormT } from './strings.ts';

/** Only these actions name one thing the trainee sent. */
export const narrowable = (action: string): boolean => action === 'card-sent' || action === 'coupon-sent';

export interface ProductChoices {
  label: string;
  /** '' first: any product or coupon will do */
  options: { value: string; label: string }[];
}

/** The field's label and choices for `action`; the shop's list is empty while the shop is unknown. */
export function useProductChoices(action: string, shop: Shop | undefined): ProductChoices {
  const d = useFormT();
  const lang = useApp((s) => s.lang);
  const coupon = action === 'coupon-sent';
  const listed = coupon
    ? (shop?.coupons ?? []).map((c) => ({ value: c.id, label: d('move.named', { label: c.label[lang], id: c.id }) }))
    : (shop?.products ?? []).map((p) => ({ value: p.id, label: d('move.named', { label: p.name[lang], id: p.id }) }));
  return {
    label: d(coupon ? 'rules.coupon' : action === 'card-sent' ? 'rules.product' : 'rules.productOrCoupon'),
    options: [{ value: '', label: d(coupon ? 'rules.anyCoupon' : 'rules.anyProduct') }, ...listed],
  };
}

/** The draft's pick ('' for any), for a check that is not written yet. */
export function DraftProductPicker({ action, shop, value, onChange }: { action: string; shop: Shop | undefined; value: string; onChange(next: string): void }) {
  const { label, options } = useProductChoices(action, shop);
  return <DraftSelect label={label} value={value} onChange={onChange} options={options} />;
}
