// Over a drill seat's chat while the trainer has the drill paused: that the trainer paused it (and,
// when it is frozen at a buyer move for a class reveal, that the class is going over the answers),
// what that means for the chat, and that the notice goes once the drill resumes. What it says is
// what happens: the server refuses the seat's events while paused, the outbox keeps them and sends
// them again (client/net/DrillSeatLink.ts), and the drill clock stands still (server drillClock.ts).
import { useApp } from '../../store/index.ts';
import { useDrillT } from './strings.ts';

export function DrillPauseNotice() {
  const d = useDrillT();
  const paused = useApp((s) => s.drillState?.status === 'paused');
  const revealing = useApp((s) => s.drillState?.frozenAt != null);
  if (!paused) return null;
  return (
    <section className="drill-pause-notice" role="status" aria-labelledby="drill-pause-title" data-testid="drill-pause-notice" data-reveal={revealing ? 'true' : undefined}>
      <h2 id="drill-pause-title">{d(revealing ? 'pause.revealTitle' : 'pause.title')}</h2>
      <p>{d(revealing ? 'pause.revealBody' : 'pause.body')}</p>
      <p className="drill-pause-gone">{d('pause.gone')}</p>
    </section>
  );
}
