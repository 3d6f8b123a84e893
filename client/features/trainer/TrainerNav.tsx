// The trainer area's small navigation: history and logout.
import { useApp } from '../../store/index.ts';
import { paths } from '../../store/route.ts';
import { AppLink } from '../../ui/AppLink.tsx';
import { useTrainerT } from './strings.ts';
import { useStudioT } from '../studio/strings.ts';

export function TrainerNav() {
  const d = useTrainerT();
  const s = useStudioT();
  const logout = useApp((s) => s.trainerLogout);
  const navigate = useApp((s) => s.navigate);
  return (
    <nav className="trainer-nav" aria-label={d('home.title')}>
      <AppLink to={paths.trainer()}>{d('nav.drills')}</AppLink>
      <AppLink to={paths.trainer('/studio')}>{s('nav.studio')}</AppLink>
      {/* Leaves the page like a link: an editor with unsaved changes asks first (studio/leaveGuard.ts). */}
      <button type="button" className="btn btn-small btn-ghost" data-leaves-page onClick={() => void logout().then(() => navigate(paths.trainer('/login')))}>
        {d('nav.logout')}
      </button>
    </nav>
  );
}
