// An admin gives another trainer a new password (their logins end). The form opens under the
// trainer's row with the focus in the password field; Escape or Cancel closes it.
import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../i18n/index.ts';
import type { TrainerListItem } from '../../net/api.ts';
import { resetTrainerPassword } from '../../net/api.ts';
import { useApp } from '../../store/index.ts';
import { trainerFailure } from '../../store/trainerSlice.ts';
import type { Outcome } from './accountStrings.ts';
import { outcomeText, useAccountT } from './accountStrings.ts';

export function ResetPasswordForm({ trainer, onClose }: { trainer: TrainerListItem; onClose(outcome?: Outcome): void }) {
  const a = useAccountT();
  const t = useT();
  const lang = useApp((s) => s.lang);
  const id = useId();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Outcome | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <form
      className="account-reset"
      aria-labelledby={`${id}-title`}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        resetTrainerPassword(trainer.id, password).then(
          () => onClose({ ok: true, key: 'reset.done', name: trainer.name }),
          (err: unknown) => {
            setBusy(false);
            setError({ ok: false, action: 'reset', failure: trainerFailure(err) });
          },
        );
      }}
    >
      <h3 id={`${id}-title`}>{a('reset.title', { name: trainer.name })}</h3>
      <p className="muted">{a('reset.hint')}</p>
      <div className="form-field">
        <label htmlFor={`${id}-pw`}>{a('reset.password')}</label>
        <input ref={input} id={`${id}-pw`} className="text-input" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </div>
      <span className="account-actions">
        <button type="submit" className="btn btn-primary btn-small" disabled={busy}>
          {a('reset.submit')}
        </button>
        <button type="button" className="btn btn-small" onClick={() => onClose()}>
          {t('common.cancel')}
        </button>
      </span>
      {error && (
        <p role="alert" className="error-text">
          {outcomeText(a, error, lang)}
        </p>
      )}
    </form>
  );
}
