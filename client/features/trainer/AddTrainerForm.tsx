// An admin adds a trainer account from the accounts panel (the same check as `npm run trainer:add`
// and POST /api/trainers: the server decides, this form shows its reason when it refuses).
import { useId, useState } from 'react';
import { useApp } from '../../store/index.ts';
import { addFailureText, useTrainerT } from './strings.ts';

interface Props {
  /** the form is sent (the panel clears its own message: one message at a time) */
  onSubmitted?: () => void;
  /** the account exists (the panel loads its list again) */
  onAdded?: () => void;
  /** the panel has shown a newer message of its own: this form's last one is stale */
  hushed?: boolean;
}

export function AddTrainerForm({ onSubmitted, onAdded, hushed = false }: Props = {}) {
  const d = useTrainerT();
  const id = useId();
  const addTrainer = useApp((s) => s.addTrainer);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [admin, setAdmin] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="account-add">
      <h3 id={`${id}-title`}>{d('accounts.addTitle')}</h3>
      <p className="muted">{d('accounts.hint')}</p>
      <form
        aria-labelledby={`${id}-title`}
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          onSubmitted?.();
          const trimmed = name.trim();
          void addTrainer(trimmed, password, admin).then((err) => {
            setBusy(false);
            if (err) return setOutcome({ ok: false, text: addFailureText(d, err, trimmed) });
            onAdded?.();
            setOutcome({ ok: true, text: d('accounts.added', { name: trimmed }) });
            // The password is not kept on screen once the account exists.
            setName('');
            setPassword('');
            setAdmin(false);
          });
        }}
      >
        <div className="form-field">
          <label htmlFor={`${id}-name`}>{d('accounts.name')}</label>
          <input id={`${id}-name`} className="text-input" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} required />
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-pw`}>{d('accounts.password')}</label>
          <input id={`${id}-pw`} className="text-input" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </div>
        <label className="form-check">
          <input type="checkbox" checked={admin} onChange={(e) => setAdmin(e.target.checked)} /> {d('accounts.admin')}
        </label>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {d('accounts.submit')}
          </button>
        </div>
        {outcome && !hushed && (
          <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'muted' : 'error-text'}>
            {outcome.text}
          </p>
        )}
      </form>
    </div>
  );
}
