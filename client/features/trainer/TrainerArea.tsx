// The trainer area (/trainer/...): a lazy chunk, so none of it weighs on the trainee's page. It
// attaches the trainer backend to the store once, checks the login, and picks the page.
import { lazy, Suspense } from 'react';
import { useApp, appStore } from '../../store/index.ts';
import { trainerBackend } from '../../net/trainerConnect.ts';
import { useT } from '../../i18n/index.ts';
import { parseTrainerPage } from '../../store/route.ts';
import { AccountsPage } from './AccountsPage.tsx';
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
  const page = parseTrainerPage(sub);
  switch (page.page) {
    case 'studio':
      return (
        <Suspense fallback={<p className="page-message muted" role="status">{t('common.loading')}</p>}>
          <StudioArea sub={page.sub} />
        </Suspense>
      );
    case 'drill':
      return <DrillRoom drillId={page.drillId} />;
    case 'results':
      return <ResultsPage drillId={page.drillId} />;
    case 'account':
      return <AccountsPage />;
    case 'drills':
      return <TrainerHome />;
  }
}
