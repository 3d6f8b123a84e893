// The strip above a drill seat's chat: whose seat, whether the trainer has paused or ended, and the
// time left when the drill has a limit (the drill clock stops while paused).
import { useApp } from '../../store/index.ts';
import { stopwatch } from '../../ui/format.ts';
import { useNow } from '../../ui/useNow.ts';
import { useDrillT } from './strings.ts';

export function DrillBanner({ name }: { name: string }) {
  const d = useDrillT();
  const state = useApp((s) => s.drillState);
  const stateAt = useApp((s) => s.drillStateAt);
  const status = state?.status;
  const timed = state !== null && state.endsAt !== null && (status === 'running' || status === 'paused');
  const now = useNow(1000, timed && status === 'running');
  const cls = status === 'paused' ? 'drill-banner paused' : status === 'ended' ? 'drill-banner ended' : 'drill-banner';
  let left: string | null = null;
  if (timed && state.endsAt !== null) {
    const clock = state.clock + (status === 'running' ? Math.max(0, now - stateAt) : 0);
    left = d('banner.left', { time: stopwatch(Math.max(0, state.endsAt - clock)) });
  }
  return (
    <div className={cls} role="status" data-testid="drill-banner" data-status={status ?? 'unknown'}>
      <span className="drill-banner-seat">{d('banner.seat', { name })}</span>
      <span>{status === 'paused' ? d('banner.paused') : status === 'ended' ? d(state?.endedBy === 'time' ? 'banner.endedTime' : 'banner.ended') : d('banner.running')}</span>
      {left !== null && (
        <span className="drill-banner-left" role="timer" aria-live="off">
          {left}
        </span>
      )}
    </div>
  );
}
