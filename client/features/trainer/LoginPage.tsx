// The trainer's login form; the server answers with an httpOnly cookie. Logged in, the trainer sees
// the page they asked for (a deep link such as /trainer/account), or the drills home from /trainer/login.
// One narrow card: each label above its field, the button the card's width under them.
import { useId, useState } from 'react';
import { useApp } from '../../store/index.ts';
import { paths } from '../../store/route.ts';
import type { TrainerFailure } from '../../store/trainerSlice.ts';
import { loginFailureText, useTrainerT } from './strings.ts';

export function LoginPage() {
  const d = useTrainerT();
  const id = useId();
  const login = useApp((s) => s.trainerLogin);
  const navigate = useApp((s) => s.navigate);
  const onLoginPath = useApp((s) => s.route.name === 'trainer' && s.route.sub === '/login');
  const lang = useApp((s) => s.lang);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<TrainerFailure | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <main className="panel trainer-login">
      <h1>{d('login.title')}</h1>
      <form
        className="trainer-form"
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          void login(name.trim(), password).then((err) => {
            setBusy(false);
            setError(err);
            if (!err && onLoginPath) navigate(paths.trainer(), true);
          });
        }}
      >
        <div className="form-field">
          <label htmlFor={`${id}-name`}>{d('login.name')}</label>
          <input id={`${id}-name`} className="text-input" autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} required />
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-pw`}>{d('login.password')}</label>
          <input id={`${id}-pw`} className="text-input" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </div>
        <button type="submit" className="btn btn-primary trainer-login-submit" disabled={busy}>
          {d('login.submit')}
        </button>
      </form>
      {error && (
        <p role="alert" className="error-text">
          {loginFailureText(d, error, lang)}
        </p>
      )}
    </main>
  );
}
