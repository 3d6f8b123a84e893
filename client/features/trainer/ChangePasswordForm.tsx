// "My account": any trainer changes their own password, giving the current one (checked by the
// server under the login limits). The new one is typed twice so a slip of the finger does not lock
// the trainer out; the other logins end, this page stays logged in.
import { useId, useState } from 'react';
import { changeOwnPassword } from '../../net/api.ts';
import { useApp } from '../../store/index.ts';
import { trainerFailure } from '../../store/trainerSlice.ts';
import type { Outcome } from './accountStrings.ts';
import { outcomeText, useAccountT } from './accountStrings.ts';
import './accounts.css';

export function ChangePasswordForm() {
  const a = useAccountT();
  const id = useId();
  const lang = useApp((s) => s.lang);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const field = (key: 'own.current' | 'own.new' | 'own.repeat', value: string, set: (v: string) => void, autoComplete: string) => (
    <div className="form-field">
      <label htmlFor={`${id}-${key}`}>{a(key)}</label>
      <input id={`${id}-${key}`} className="text-input" type="password" autoComplete={autoComplete} value={value} onChange={(e) => set(e.target.value)} required />
    </div>
  );
  return (
    <section className="panel trainer-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{a('own.title')}</h2>
      <p className="muted">{a('own.hint')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (next !== repeat) return setOutcome({ ok: false, action: 'own', failure: { code: 'mismatch', message: 'the new passwords differ' } });
          setBusy(true);
          changeOwnPassword(current, next).then(
            () => {
              setBusy(false);
              setOutcome({ ok: true, key: 'own.done' });
              // No password stays on screen once it is set.
              setCurrent('');
              setNext('');
              setRepeat('');
            },
            (err: unknown) => {
              setBusy(false);
              setOutcome({ ok: false, action: 'own', failure: trainerFailure(err) });
            },
          );
        }}
      >
        {field('own.current', current, setCurrent, 'current-password')}
        {field('own.new', next, setNext, 'new-password')}
        {field('own.repeat', repeat, setRepeat, 'new-password')}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {a('own.submit')}
          </button>
        </div>
        {outcome && (
          <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'muted' : 'error-text'}>
            {outcomeText(a, outcome, lang)}
          </p>
        )}
      </form>
    </section>
  );
}
