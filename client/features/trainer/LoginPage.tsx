// The trainer's login form; the server answers with an httpOnly cookie. Logged in, the trainer sees
// the page they asked for (a deep link such as /trainer/account), or the drills home from /trainer/login.
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
    <main className="drill panel trainer-login">
      <h1>{d('login.title')}</h1>
      <form
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
        <label htmlFor={`${id}-name`}>{d('login.name')}</label>
        <input id={`${id}-name`} className="drill-name" autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} required />
        <label htmlFor={`${id}-pw`}>{d('login.password')}</label>
        <input id={`${id}-pw`} className="drill-name" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        <button type="submit" className="btn btn-primary" disabled={busy}>
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
