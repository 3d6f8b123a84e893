// Shown while the socket is down (after it was up once): what happens to replies typed meanwhile.
import { useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';

export function OfflineBanner() {
  const t = useT();
  const connection = useApp((s) => s.connection);
  const everOnline = useApp((s) => s.everOnline);
  const queued = useApp((s) => Object.values(s.sessions).reduce((n, x) => n + x.outbox.filter((i) => i.state !== 'failed').length, 0));
  if (connection === 'online') return null;
  if (!everOnline && connection === 'connecting') {
    return (
      <div className="offline-banner connecting" role="status">
        {t('offline.connecting')}
      </div>
    );
  }
  return (
    <div className="offline-banner" role="status" data-testid="offline-banner">
      <strong>{t('offline.title')}</strong>
      <span>{t('offline.body')}</span>
      {queued > 0 && <span className="badge badge-orange">{t('offline.queued', { n: queued })}</span>}
    </div>
  );
}
