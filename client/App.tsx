// Pages by route. The report and the drill entry load on demand, so the chat opens fast.
import { lazy, Suspense, useEffect } from 'react';
import { HomePage } from './features/home/HomePage.tsx';
import { TopBar } from './features/shell/TopBar.tsx';
import { Workspace } from './features/chat/Workspace.tsx';
import { useT } from './i18n/index.ts';
import { useApp } from './store/index.ts';
import { paths } from './store/route.ts';
import { AppLink } from './ui/AppLink.tsx';

const ReportPage = lazy(() => import('./features/report/ReportPage.tsx').then((m) => ({ default: m.ReportPage })));
const DrillJoin = lazy(() => import('./features/drill/DrillJoin.tsx').then((m) => ({ default: m.DrillJoin })));
const TrainerArea = lazy(() => import('./features/trainer/TrainerArea.tsx').then((m) => ({ default: m.TrainerArea })));

function Loading() {
  const t = useT();
  return (
    <p className="page-message muted" role="status">
      {t('common.loading')}
    </p>
  );
}

function NotFound() {
  const t = useT();
  return (
    <main className="page-message">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <AppLink to={paths.home} className="btn btn-primary">
        {t('notFound.back')}
      </AppLink>
    </main>
  );
}

export function App() {
  const route = useApp((s) => s.route);
  const lang = useApp((s) => s.lang);
  const t = useT();
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t('app.name')} · ${t('app.tagline')}`;
  }, [lang, t]);
  // The workbench and a drill seat's chat fill the window: only their message list scrolls, so the
  // reply box stays on screen. The seat page's forms (name, waiting room) sit in the same frame.
  const fixed = route.name === 'chat' || route.name === 'join';
  return (
    <div className={fixed ? 'app-page app-page-fixed' : 'app-page'}>
      <TopBar />
      <Suspense fallback={<Loading />}>
        {route.name === 'home' && <HomePage />}
        {route.name === 'chat' && <Workspace sessionId={route.sessionId} />}
        {route.name === 'report' && <ReportPage sessionId={route.sessionId} />}
        {route.name === 'drill' && <DrillJoin {...(route.badCode === undefined ? {} : { badCode: route.badCode })} />}
        {route.name === 'join' && <DrillJoin code={route.code} />}
        {route.name === 'trainer' && <TrainerArea sub={route.sub} />}
        {route.name === 'not-found' && <NotFound />}
      </Suspense>
    </div>
  );
}
