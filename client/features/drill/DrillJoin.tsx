// The "join a drill" entry. Live class drills come with the drills issue; this page already takes
// the code so the route and the home entry are in place.
import { useId, useState } from 'react';
import { useT } from '../../i18n/index.ts';
import { paths } from '../../store/route.ts';
import { AppLink } from '../../ui/AppLink.tsx';
import './drill.css';

export function DrillJoin() {
  const t = useT();
  const id = useId();
  const [code, setCode] = useState('');
  const [tried, setTried] = useState(false);
  return (
    <main className="drill panel">
      <h1>{t('drill.title')}</h1>
      <p className="muted">{t('drill.lead')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
        }}
      >
        <label htmlFor={`${id}-code`}>{t('drill.code')}</label>
        <input id={`${id}-code`} type="text" inputMode="numeric" autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} />
        <button type="submit" className="btn btn-primary" disabled={code.trim() === ''}>
          {t('drill.join')}
        </button>
      </form>
      {tried && (
        <p role="status" className="drill-note">
          {t('drill.notYet')} <AppLink to={paths.home}>{t('nav.home')}</AppLink>
        </p>
      )}
    </main>
  );
}
