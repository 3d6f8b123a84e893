// The session report at a stable URL (/report/<id>): score and pass/fail, red lines first, points by
// category, response-time KPIs, the annotated transcript, "try again", and a clean print layout.
import type { MouseEvent } from 'react';
import { useEffect, useState } from 'react';
import { local, useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import { paths } from '../../store/route.ts';
import { AppLink } from '../../ui/AppLink.tsx';
import { dateTime } from '../../ui/format.ts';
import { readyContext, useScenarioContext } from '../chat/useScenarioContext.ts';
import { isNoLongerKept } from './reportGone.ts';
import { ReportSummary } from './ReportSummary.tsx';
import { ReportTranscript } from './ReportTranscript.tsx';
import './report.css';

export function ReportPage({ sessionId }: { sessionId: string }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const view = useApp((s) => s.reports[sessionId]);
  const load = useApp((s) => s.loadReport);
  const known = useApp((s) => s.sessions[sessionId] !== undefined);
  const endedHere = useApp((s) => s.sessions[sessionId]?.ended ?? false);
  // An exam drill's chat gets its report when the drill ends (drill:results): load it again then.
  const released = useApp((s) => (s.sessions[sessionId]?.report ?? null) !== null);
  const inDrill = useApp((s) => s.isDrillSession(sessionId));
  const wallAt = useApp((s) => s.sessions[sessionId]?.wallAt);
  const backend = useApp((s) => s.backend);
  const startSession = useApp((s) => s.startSession);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  const data = view?.state === 'ready' ? view.data : undefined;
  const context = readyContext(useScenarioContext(data?.session.scenario));

  // Load once the store knows the session (its token), and again when a live session just ended.
  useEffect(() => {
    if (backend) void load(sessionId);
  }, [backend, sessionId, known, endedHere, released, load]);

  if (!view || view.state === 'loading') {
    return (
      <p className="page-message muted" role="status">
        {t('report.loading')}
      </p>
    );
  }
  if (view.state === 'unknown' || view.state === 'error') {
    // Deleted after its keeping time: not a failure to retry, just gone.
    const failed = view.state === 'error' && !isNoLongerKept(view.message);
    const text = view.state === 'unknown' ? t('report.unknown') : failed ? t('report.error', { message: view.message }) : t('report.gone');
    return (
      <main className="page-message">
        <h1>{t('report.title')}</h1>
        <p className={failed ? 'error-text' : 'muted'}>{text}</p>
        <AppLink to={paths.home} className="btn">
          {t('report.home')}
        </AppLink>
      </main>
    );
  }
  const { session, report, transcript } = view.data;
  if (!report) {
    // Ended with no report: a classroom exam still under way holds it back (server/runtime/examHold.ts).
    const held = session.ended && session.mode === 'exam' && inDrill;
    return (
      <main className="page-message">
        <h1>{t('report.title')}</h1>
        <p data-testid="report-pending">{held ? t('chat.examHeld') : t('report.notEnded')}</p>
        <AppLink to={paths.chat(session.id)} className="btn btn-primary">
          {t('report.backToChat')}
        </AppLink>
      </main>
    );
  }
  const tryAgain = async () => {
    setStarting(true);
    setStartError(null);
    const failure = await startSession(session.scenario.id, session.mode);
    setStarting(false);
    if (failure) setStartError(t('home.startFailed', { message: failure.message }));
  };
  const nickname = context?.scenario.buyer.nickname ?? '';
  // 「查看这条消息」 (a link to #msg-<id> in the summary): going to the message moves the focus to it
  // too, not only the view. Plain clicks only; the link's own navigation still sets the address.
  const onJump = (e: MouseEvent<HTMLElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || !(e.target instanceof Element)) return;
    const href = e.target.closest('a.report-jump')?.getAttribute('href');
    if (!href?.startsWith('#')) return;
    const target = document.getElementById(decodeURIComponent(href.slice(1)));
    if (target) target.focus();
  };

  return (
    // Clicks on the jump links bubble here (Enter on a link is a click too).
    <main className="report" onClick={onJump}>
      <header className="report-head">
        <div>
          <p className="report-kicker">{t('report.title')}</p>
          <h1>{local(session.scenario.title, lang)}</h1>
          <p className="muted">
            {t('report.meta', { name: session.displayName, mode: t(`mode.${session.mode}`), date: dateTime(session.startedAt, lang) })}
            {nickname && ` · ${nickname}`}
          </p>
        </div>
        <div className="report-actions no-print">
          <button type="button" className="btn btn-primary" onClick={() => void tryAgain()} disabled={starting}>
            {starting ? t('home.starting') : t('report.tryAgain')}
          </button>
          <button type="button" className="btn" onClick={() => window.print()}>
            {t('report.print')}
          </button>
          <AppLink to={paths.home} className="btn btn-ghost">
            {t('report.home')}
          </AppLink>
        </div>
      </header>
      {startError && (
        <p className="error-text no-print" role="alert">
          {startError}
        </p>
      )}
      <ReportSummary report={report.report} outcome={report.outcome} open={report.openMove && { move: report.openMove, transcript }} />
      <ReportTranscript transcript={transcript} report={report.report} shop={context?.shop} nickname={nickname} traineeName={session.displayName} wallAt={wallAt} />
    </main>
  );
}
