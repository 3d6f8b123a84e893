// Metadata: the id (fixed: it names the studio scenario), titles and descriptions in both languages,
// persona, level, shop, and the buyer's nickname, avatar and traits.
import { buyerTypes, difficulties, personaKinds } from '../../../../server/engine/index.ts';
import { tAny, useT } from '../../../i18n/index.ts';
import type { MetaForm as Meta } from './formModel.ts';
import { ChoiceListField, SelectField, TextField } from './FormFields.tsx';
import type { FormApi } from './FormFields.tsx';
import { useFormT } from './strings.ts';

export function MetaForm({ meta, api, shops }: { meta: Meta; api: FormApi; shops: readonly string[] }) {
  const d = useFormT();
  const t = useT();
  const options = (values: readonly string[], prefix?: string) =>
    values.map((value) => ({ value, label: prefix ? `${tAny(t, `${prefix}.${value}`, value)} (${value})` : value }));
  return (
    <div className="studio-form-section">
      <TextField api={api} field={meta.id} label={d('meta.id')} readOnly />
      <TextField api={api} field={meta.version} label={d('meta.version')} readOnly />
      <TextField api={api} field={meta.titleZh} label={d('meta.titleZh')} />
      <TextField api={api} field={meta.titleEn} label={d('meta.titleEn')} />
      <TextField api={api} field={meta.descriptionZh} label={d('meta.descriptionZh')} multiline />
      <TextField api={api} field={meta.descriptionEn} label={d('meta.descriptionEn')} multiline />
      <SelectField api={api} field={meta.persona} label={d('meta.persona')} options={options(personaKinds, 'persona')} />
      <SelectField api={api} field={meta.difficulty} label={d('meta.difficulty')} options={options(difficulties, 'level')} />
      <SelectField api={api} field={meta.shop} label={d('meta.shop')} options={options(shops)} />
      <TextField api={api} field={meta.nickname} label={d('meta.nickname')} />
      <TextField api={api} field={meta.avatar} label={d('meta.avatar')} />
      <ChoiceListField api={api} field={meta.buyerTypes} label={d('meta.types')} options={options(buyerTypes, 'trait')} />
    </div>
  );
}
