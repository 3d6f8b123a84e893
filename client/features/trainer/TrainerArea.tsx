// The trainer area (/trainer/...): a lazy chunk, so none of it weighs on the trainee's page. It
// attaches the trainer backend to the store once, checks the login, and picks the page.
import { lazy, Suspense } from 'react';
import { useApp, appStore } from '../../store/index.ts';
import { trainerBackend } from '../../net/trainerConnect.ts';
import { useT } from '../../i18n/index.ts';
import { DrillRoom } from './DrillRoom.tsx';
import { LoginPage } from './LoginPage.tsx';
import { ResultsPage } from './ResultsPage.tsx';
import { TrainerHome } from './TrainerHome.tsx';
import '../drill/drill.css';
import './trainer.css';

// The studio (CodeMirror, the parser, the persona compiler) is a chunk of its own.
const StudioArea = lazy(() => import('../studio/StudioArea.tsx').then((m) => ({ default: m.StudioArea })));

// Once per page: the store keeps it for the page's life.
if (!appStore.getState().trainerBackend) appStore.getState().attachTrainerBackend(trainerBackend(appStore));

export function TrainerArea({ sub }: { sub: string }) {
  const checked = useApp((s) => s.trainerChecked);
  const trainer = useApp((s) => s.trainer);
  const t = useT();
  if (!checked) return <p className="page-message muted" role="status">{t('common.loading')}</p>;
  if (!trainer) return <LoginPage />;
  if (sub === '/studio' || sub.startsWith('/studio/')) {
    return (
      <Suspense fallback={<p className="page-message muted" role="status">{t('common.loading')}</p>}>
        <StudioArea sub={sub.slice('/studio'.length)} />
      </Suspense>
    );
  }
  const drill = /^\/drill\/([A-Za-z0-9-]{1,64})$/.exec(sub);
  if (drill) return <DrillRoom drillId={drill[1] as string} />;
  const results = /^\/results\/([A-Za-z0-9-]{1,64})$/.exec(sub);
  if (results) return <ResultsPage drillId={results[1] as string} />;
  return <TrainerHome />;
}
