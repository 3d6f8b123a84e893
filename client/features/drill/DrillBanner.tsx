// The strip above a drill seat's chat: whose seat, and whether the trainer has paused or ended.
import { useApp } from '../../store/index.ts';
import { useDrillT } from './strings.ts';

export function DrillBanner({ name }: { name: string }) {
  const d = useDrillT();
  const status = useApp((s) => s.drillState?.status);
  const cls = status === 'paused' ? 'drill-banner paused' : status === 'ended' ? 'drill-banner ended' : 'drill-banner';
  return (
    <div className={cls} role="status" data-testid="drill-banner" data-status={status ?? 'unknown'}>
      <span className="drill-banner-seat">{d('banner.seat', { name })}</span>
      <span>{status === 'paused' ? d('banner.paused') : status === 'ended' ? d('banner.ended') : d('banner.running')}</span>
    </div>
  );
}
