// The blue bar over every page: brand, navigation, connection state and the language switch. On the
// trainer's pages (/trainer/*) the navigation is the trainer's, not the trainee's. A connection that
// is not up shows as a pill with its word at every width (amber while connecting, red when lost).
import { lazy, Suspense } from 'react';
import { useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import { shownName } from '../../store/drillSlice.ts';
import { paths } from '../../store/route.ts';
import type { Lang } from '../../store/types.ts';
import { AppLink } from '../../ui/AppLink.tsx';
import './shell.css';

// With the trainer area's chunk: a trainee's page never loads the trainer's words.
const TrainerTopNav = lazy(() => import('../trainer/TrainerNav.tsx').then((m) => ({ default: m.TrainerTopNav })));

const LANGS: { lang: Lang; label: string }[] = [
  { lang: 'zh-CN', label: '中文' },
  { lang: 'en', label: 'EN' },
];

export function TopBar() {
  const t = useT();
  const route = useApp((s) => s.route.name);
  const connection = useApp((s) => s.connection);
  const lang = useApp((s) => s.lang);
  const setLang = useApp((s) => s.setLang);
  const name = useApp(shownName);
  const trainerArea = route === 'trainer';
  // A trainer's brand leads to their drills; on the login page (nobody logged in) it leads home.
  const loggedIn = useApp((s) => s.trainer !== null);
  const online = connection === 'online';
  return (
    <header className={trainerArea ? 'topbar topbar-trainer' : 'topbar'}>
      <AppLink to={trainerArea && loggedIn ? paths.trainer() : paths.home} className="topbar-brand">
        <span className="topbar-logo" aria-hidden="true">
          道
        </span>
        <span className="hidden-on-phone">{t('app.name')}</span>
      </AppLink>
      {trainerArea ? (
        <Suspense fallback={null}>
          <TrainerTopNav />
        </Suspense>
      ) : (
        <nav aria-label={t('nav.main')} className="topbar-nav">
          <AppLink to={paths.home} aria-current={route === 'home' ? 'page' : undefined}>
            {t('nav.home')}
          </AppLink>
          <AppLink to={paths.chat()} aria-current={route === 'chat' ? 'page' : undefined}>
            {t('nav.workspace')}
          </AppLink>
        </nav>
      )}
      <div className="topbar-right">
        <span className={`topbar-conn conn-${connection}`} role="status" data-testid="connection" data-state={connection} title={t(`conn.${connection}`)}>
          <span className="conn-dot" aria-hidden="true" />
          {name.trim() && <span className="hidden-on-phone">{`${name.trim()} · `}</span>}
          {/* On a phone a working connection is the ticked dot alone; one that is not says so in words
              too, so a reply that cannot go out is never told by colour only. */}
          <span className={online ? 'hidden-on-phone' : 'conn-word'} data-testid="connection-word">
            {t(`conn.${connection}`)}
          </span>
        </span>
        <div className="lang-switch" role="group" aria-label={t('lang.label')}>
          {LANGS.map((l) => (
            <button key={l.lang} type="button" lang={l.lang} aria-pressed={lang === l.lang} onClick={() => setLang(l.lang)}>
              {l.label}
            </button>
          ))}
        </div>
      </div>
    </header>
  );
}
