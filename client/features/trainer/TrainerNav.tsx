// The trainer's navigation: class drills, the studio, accounts and logout. The top bar shows it on
// /trainer/* once a trainer is logged in (the login page has none); it loads with the trainer
// area's chunk, so its text never weighs on a trainee's page.
import { useApp } from '../../store/index.ts';
import type { TrainerPage } from '../../store/route.ts';
import { parseTrainerPage, paths } from '../../store/route.ts';
import { AppLink } from '../../ui/AppLink.tsx';
import { useStudioT } from '../studio/strings.ts';
import { useTrainerT } from './strings.ts';

/** Which link a page belongs under: a drill room and its results are reached from the drills home. */
const SECTION: Record<TrainerPage['page'], 'drills' | 'studio' | 'account'> = {
  drills: 'drills',
  drill: 'drills',
  results: 'drills',
  studio: 'studio',
  account: 'account',
};

export function TrainerTopNav() {
  const d = useTrainerT();
  const s = useStudioT();
  const trainer = useApp((st) => st.trainer);
  const route = useApp((st) => st.route);
  const logout = useApp((st) => st.trainerLogout);
  const navigate = useApp((st) => st.navigate);
  if (!trainer || route.name !== 'trainer') return null;
  const section = SECTION[parseTrainerPage(route.sub).page];
  const current = (of: typeof section) => (section === of ? 'page' : undefined);
  return (
    <nav aria-label={d('nav.label')} className="topbar-nav">
      <AppLink to={paths.trainer()} aria-current={current('drills')}>
        {d('nav.drills')}
      </AppLink>
      <AppLink to={paths.trainer('/studio')} aria-current={current('studio')}>
        {s('nav.studio')}
      </AppLink>
      <AppLink to={paths.trainerAccount} aria-current={current('account')}>
        {d('nav.account')}
      </AppLink>
      {/* Leaves the page like a link: an editor with unsaved changes asks first (studio/leaveGuard.ts). */}
      <button type="button" data-leaves-page onClick={() => void logout().then(() => navigate(paths.trainer('/login')))}>
        {d('nav.logout')}
      </button>
    </nav>
  );
}
