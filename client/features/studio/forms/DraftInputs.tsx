// Plain inputs for the "add" forms: they hold a draft in React state until the trainer adds the
// whole part (unlike the field inputs, which write each keystroke into the YAML).
import { useId } from 'react';
import type { ReactNode } from 'react';

export function DraftText({ label, value, onChange, multiline = false, hint }: { label: string; value: string; onChange(next: string): void; multiline?: boolean; hint?: ReactNode }) {
  const id = useId();
  return (
    <div className={`studio-form-row${hint ? ' is-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} rows={2} value={value} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input id={id} type="text" value={value} aria-invalid={hint ? true : undefined} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint && <p className="studio-form-problems">{hint}</p>}
    </div>
  );
}

export function DraftSelect({ label, value, onChange, options }: { label: string; value: string; onChange(next: string): void; options: readonly { value: string; label: string }[] }) {
  const id = useId();
  return (
    <div className="studio-form-row">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

export function DraftNumber({ label, value, onChange }: { label: string; value: string; onChange(next: string): void }) {
  const id = useId();
  return (
    <div className="studio-form-row">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" min={0} step="any" value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

export function DraftCheck({ label, checked, onChange }: { label: string; checked: boolean; onChange(next: boolean): void }) {
  const id = useId();
  return (
    <div className="studio-form-row studio-form-check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** A positive number typed in a draft, or undefined. */
export function positive(text: string): number | undefined {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) && n > 0 ? n : undefined;
}
