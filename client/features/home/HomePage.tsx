// Home: the trainee's desk settings, the persona library as cards, and the drill entry.
import type { KeyboardEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import { paths } from '../../store/route.ts';
import { AppLink } from '../../ui/AppLink.tsx';
import { refusalKey } from '../../ui/refusalWords.ts';
import { byPersonaAndLevel } from '../../ui/scenarioOrder.ts';
import { DeskSettings } from './DeskSettings.tsx';
import { PersonaCard } from './PersonaCard.tsx';
import './home.css';

const LEVELS = ['all', 'easy', 'normal', 'hard'] as const;
type LevelFilter = (typeof LEVELS)[number];

export function HomePage() {
  const t = useT();
  const scenarios = useApp((s) => s.scenarios);
  const loadScenarios = useApp((s) => s.loadScenarios);
  const backend = useApp((s) => s.backend);
  const openCount = useApp((s) => Object.values(s.sessions).filter((x) => !x.ended && x.status !== 'gone').length);
  const [level, setLevel] = useState<LevelFilter>('all');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const startSession = useApp((s) => s.startSession);
  const online = useApp((s) => s.connection === 'online');
  const levelButtons = useRef<(HTMLButtonElement | null)[]>([]);

  // The level filter is a radio group: one Tab stop (the checked option), arrow keys move the
  // choice and the focus (wrapping round), Home and End go to the first and the last.
  const onLevelKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = LEVELS.indexOf(level);
    const next =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? (at + 1) % LEVELS.length
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? (at - 1 + LEVELS.length) % LEVELS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? LEVELS.length - 1
              : null;
    if (next === null) return;
    e.preventDefault();
    setLevel(LEVELS[next] as LevelFilter);
    levelButtons.current[next]?.focus();
  };

  useEffect(() => {
    if (backend) void loadScenarios();
  }, [backend, loadScenarios]);

  const start = async (scenarioId: string) => {
    setBusy(scenarioId);
    setError(null);
    const failure = await startSession(scenarioId);
    setBusy(null);
    if (failure) setError(t('home.startFailed', { message: t(refusalKey(failure.code)) }));
  };

  const list =
    scenarios?.state === 'ready'
      ? scenarios.data
          .filter((s) => level === 'all' || s.difficulty === level)
          .sort(byPersonaAndLevel)
      : [];

  return (
    <main className="home">
      <section className="home-hero">
        <h1>{t('home.title')}</h1>
        <p>{t('home.lead')}</p>
        {openCount > 0 && (
          <p className="home-open">
            {t('home.open', { n: openCount })} · <AppLink to={paths.chat()}>{t('home.openLink')}</AppLink>
          </p>
        )}
      </section>
      <div className="home-grid">
        <aside className="home-side">
          <DeskSettings />
          <section className="panel home-drill" aria-labelledby="drill-title">
            <h2 id="drill-title">{t('home.drillTitle')}</h2>
            <p className="muted">{t('home.drillBody')}</p>
            <AppLink to={paths.drill} className="btn">
              {t('home.drillButton')}
            </AppLink>
          </section>
        </aside>
        <section className="home-personas" aria-labelledby="personas-title">
          <div className="home-personas-head">
            <h2 id="personas-title">{t('home.personas')}</h2>
            <div className="segmented" role="radiogroup" aria-label={t('home.level')} onKeyDown={onLevelKey}>
              {LEVELS.map((l, i) => (
                <button
                  key={l}
                  ref={(el) => {
                    levelButtons.current[i] = el;
                  }}
                  type="button"
                  role="radio"
                  aria-checked={level === l}
                  tabIndex={level === l ? 0 : -1}
                  onClick={() => setLevel(l)}
                >
                  {l === 'all' ? t('home.level.all') : t(`level.${l}`)}
                </button>
              ))}
            </div>
          </div>
          {error && (
            <p className="error-text" role="alert">
              {error}
            </p>
          )}
          {scenarios?.state === 'error' && (
            <p className="error-text" role="alert">
              {t('home.loadFailed', { message: scenarios.message })}{' '}
              <button type="button" className="btn btn-small" onClick={() => void loadScenarios(true)}>
                {t('common.retry')}
              </button>
            </p>
          )}
          {(scenarios === null || scenarios.state === 'loading') && (
            <p className="muted" role="status">
              {t('common.loading')}
            </p>
          )}
          {scenarios?.state === 'ready' && list.length === 0 && <p className="muted">{t('home.empty')}</p>}
          <ul className="persona-grid">
            {list.map((s) => (
              <li key={s.id}>
                <PersonaCard scenario={s} busy={busy === s.id} disabled={busy !== null || !online} onStart={() => void start(s.id)} />
              </li>
            ))}
          </ul>
        </section>
      </div>
    </main>
  );
}
