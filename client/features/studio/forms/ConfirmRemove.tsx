// Removing a whole rule or reaction asks first, in place (no browser dialog): the question, then
// remove or keep. Undo in the YAML editor still brings it back.
import { useState } from 'react';
import { useFormT } from './strings.ts';

export function ConfirmRemove({ label, question, onRemove }: { label: string; question: string; onRemove(): void }) {
  const d = useFormT();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return <button type="button" className="btn btn-small btn-ghost studio-form-remove" onClick={() => setAsking(true)}>{label}</button>;
  }
  return (
    <div className="studio-form-confirm" role="alertdialog" aria-label={label}>
      <p>{question} <span className="muted">{d('remove.undo')}</span></p>
      <button type="button" className="btn btn-small btn-danger" onClick={() => { setAsking(false); onRemove(); }}>{d('remove.yes')}</button>{' '}
      <button type="button" className="btn btn-small" onClick={() => setAsking(false)}>{d('remove.no')}</button>
    </div>
  );
}
