// /trainer/results/<id>: the class summary (pass rate, average and spread, rules, KPIs,
// conversion), an optional leaderboard, each trainee's report, and the CSV / JSON exports.
import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { local, useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import type { DrillResults, TrainerFailure } from '../../store/trainerSlice.ts';
import type { Report, ScenarioSummary } from '../../store/types.ts';
import { paths } from '../../store/route.ts';
import { AppLink } from '../../ui/AppLink.tsx';
import { duration } from '../../ui/format.ts';
import { useRuleName } from '../drill/dict.ts';
import { useLiveT } from './liveStrings.ts';
import { ResultsHeader } from './ResultsHeader.tsx';
import { scoreText } from './scoreText.ts';
import { resultsFailureText, useTrainerT } from './strings.ts';
import './results.css';

const ReportSummary = lazy(() => import('../report/ReportSummary.tsx').then((m) => ({ default: m.ReportSummary })));

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

export function ResultsPage({ drillId }: { drillId: string }) {
  const d = useTrainerT();
  const v = useLiveT();
  const results = useApp((s) => s.results[drillId]);
  const load = useApp((s) => s.loadResults);
  const loadScenarios = useApp((s) => s.loadScenarios);
  const [error, setError] = useState<TrainerFailure | null>(null);
  useEffect(() => {
    void load(drillId).then(setError);
  }, [load, drillId]);
  // The scenarios' titles: each trainee's reports are headed by the scenario they are for.
  useEffect(() => void loadScenarios(), [loadScenarios]);
  return (
    <main className="trainer">
      {/* A cancelled drill (an old link, a bookmark) has no results: said as such, not as a drill that is not yours. */}
      {results ? <Results results={results} /> : <p role={error ? 'alert' : 'status'}>{error ? (error.reason === 'cancelled' ? v('cancelled.stored') : resultsFailureText(d, error)) : d('results.loading')}</p>}
    </main>
  );
}

function Results({ results }: { results: DrillResults }) {
  const d = useTrainerT();
  const v = useLiveT();
  const t = useT();
  const ruleName = useRuleName();
  const [board, setBoard] = useState(false);
  const s = results.summary;
  const base = `/api/drills/${encodeURIComponent(results.drillId)}`;
  return (
    <>
      <p className="results-back">
        <AppLink to={paths.trainer()}>{d('results.back')}</AppLink>
      </p>
      <h1>{d('results.title', { code: results.code })}</h1>
      <ResultsHeader results={results} />
      {results.interrupted && (
        <p className="drill-note" role="status" data-testid="results-interrupted">
          {d('results.interrupted')}
        </p>
      )}
      <p className="trainer-buttons">
        <a className="btn" href={`${base}/export.csv`} download>
          {d('results.csv')}
        </a>
        <a className="btn" href={`${base}/export.json`} download>
          {d('results.json')}
        </a>
      </p>
      <dl className="results-kpis" data-testid="results-summary">
        <Kpi label={d('results.passRate')} value={pct(s.passRate)} />
        <Kpi label={d('results.avg')} value={scoreText(s.scoreAvg)} />
        <Kpi label={d('results.spread')} value={scoreText(s.scoreStdDev)} />
        <Kpi label={d('results.range')} value={`${scoreText(s.scoreMin)} / ${scoreText(s.scoreMax)}`} />
        <Kpi label={d('results.firstResponse')} value={duration(s.firstResponseMsAvg, t)} />
        <Kpi label={d('results.avgResponse')} value={duration(s.avgResponseMsAvg, t)} />
        <Kpi label={d('results.conversion')} value={pct(s.conversion)} />
      </dl>
      {/* Which trainees and buyers each figure counts: the trainer should not have to guess. */}
      <p className="muted results-basis" data-testid="results-basis">
        {d('results.basis')}
      </p>
      <section className="panel trainer-card" aria-labelledby="rules-title">
        <h2 id="rules-title">{d('results.rules')}</h2>
        {/* The server lists the rules some session could judge, red lines first, then the weakest first. */}
        <ul className="results-rules">
          {s.rules.map((r) => (
            <li key={r.rule} data-rule={r.rule}>
              <span>
                {ruleName(r.rule, r.title)}
                {r.redLine && (
                  <>
                    {' '}
                    <span className="badge badge-red">{d('results.redLine')}</span>
                  </>
                )}
              </span>
              <span className={r.passRate === null ? 'results-bar empty' : 'results-bar'} aria-hidden="true">
                <span style={{ width: `${Math.round((r.passRate ?? 0) * 100)}%` }} />
              </span>
              <span className="mono">{pct(r.passRate)}</span>
            </li>
          ))}
        </ul>
      </section>
      <section className="panel trainer-card" aria-labelledby="trainees-title">
        <h2 id="trainees-title">{d('results.trainees')}</h2>
        <label className="trainer-toggle">
          <input type="checkbox" checked={board} onChange={(e) => setBoard(e.target.checked)} /> {d('results.leaderboard')}
        </label>
        {board && (
          <>
            <p className="muted results-basis">{v('results.rankBasis')}</p>
            <ol className="results-board" data-testid="leaderboard">
              {results.leaderboard.map((row) => (
                <li key={`${row.rank}-${row.name}`} data-rank={row.rank}>
                  <strong>{row.rank}.</strong> {row.name} <span className="mono">{scoreText(row.score)}</span>
                  {(row.redLines ?? 0) > 0 && (
                    <>
                      {' '}
                      <span className="badge badge-red" data-testid="board-red-lines">
                        {v('results.redLineCount', { n: row.redLines ?? 0 })}
                      </span>
                    </>
                  )}
                  {results.leaderboard.some((o) => o !== row && o.rank === row.rank) && <span className="muted"> ({d('results.tied')})</span>}
                </li>
              ))}
            </ol>
          </>
        )}
        <ul className="results-seats">
          {results.seats.map((seat) => (
            <li key={seat.seatId} data-testid="result-seat">
              <details>
                <summary>
                  <strong>{seat.name}</strong> · {d('results.drillScore')} <span data-testid="seat-score">{scoreText(seat.score)}</span>
                  {seat.removed && <> · {d('tile.removed')}</>}
                  {(seat.redLines?.length ?? 0) > 0 && (
                    <>
                      {' '}
                      <span className="badge badge-red" data-testid="seat-red-lines">
                        {v('results.redLineCount', { n: seat.redLines?.length ?? 0 })}
                      </span>
                    </>
                  )}
                </summary>
                {seat.redLines && seat.redLines.length > 0 && (
                  <p className="results-red-lines" data-testid="seat-red-line-list">
                    {v('results.redLinesOf', { list: seat.redLines.map((r) => v('results.redLineAt', { rule: ruleName(r.rule, r.title), at: r.position + 1 })).join(d('tile.sep')) })}
                  </p>
                )}
                {seat.buyers && <BuyerRows buyers={seat.buyers} drillId={results.drillId} />}
                <Suspense fallback={null}>
                  {seat.sessions.map((sess) =>
                    sess.report ? (
                      <SessionReport key={sess.sessionId} scenarioId={sess.scenarioId} scenarioIds={results.scenarioIds} drillId={results.drillId} report={sess.report} outcome={sess.outcome} />
                    ) : null,
                  )}
                </Suspense>
              </details>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

type BuyerResult = NonNullable<DrillResults['seats'][number]['buyers']>[number];

/** Every buyer of the drill for one trainee, reached or not: its score and whether it was done. */
function BuyerRows({ buyers, drillId }: { buyers: readonly BuyerResult[]; drillId: string }) {
  const d = useTrainerT();
  return (
    <ul className="results-buyers" aria-label={d('results.buyers')}>
      {buyers.map((b) => (
        <BuyerRow key={b.position} buyer={b} of={buyers.length} drillId={drillId} />
      ))}
    </ul>
  );
}

function BuyerRow({ buyer, of, drillId }: { buyer: BuyerResult; of: number; drillId: string }) {
  const d = useTrainerT();
  const title = useScenarioTitle(drillId, buyer.scenarioId);
  return (
    <li data-testid="result-buyer" data-status={buyer.status}>
      <span>{d('results.buyerAt', { at: buyer.position + 1, of })} · {title}</span>
      <span className="mono">{scoreText(buyer.score)}</span>
      <span className={buyer.status === 'done' ? 'badge badge-green' : 'badge badge-orange'}>{d(`results.buyerStatus.${buyer.status}`)}</span>
    </li>
  );
}

/** A scenario's title: from the live drill when it is this one, else from the scenario list, else its id. */
function useScenarioTitle(drillId: string, scenarioId: string): string {
  const lang = useApp((s) => s.lang);
  const summary = useApp((s): ScenarioSummary | undefined => {
    const live = s.live?.drillId === drillId ? s.live.state.scenarios.find((sc) => sc.id === scenarioId) : undefined;
    return live ?? (s.scenarios?.state === 'ready' ? s.scenarios.data.find((sc) => sc.id === scenarioId) : undefined);
  });
  return summary ? local(summary.title, lang) : scenarioId;
}

interface SessionReportProps {
  drillId: string;
  scenarioId: string;
  scenarioIds: readonly string[];
  report: Report;
  outcome: DrillResults['seats'][number]['sessions'][number]['outcome'];
}

/** One session's report, headed by its scenario ("1/2 · <title>" in a drill of several). */
function SessionReport({ drillId, scenarioId, scenarioIds, report, outcome }: SessionReportProps) {
  const d = useTrainerT();
  const id = useId();
  const title = useScenarioTitle(drillId, scenarioId);
  const at = scenarioIds.indexOf(scenarioId);
  const name = scenarioIds.length > 1 && at >= 0 ? d('tile.scenarioAt', { at: at + 1, of: scenarioIds.length, title }) : title;
  return (
    <article className="results-report" aria-labelledby={id} data-testid="result-report" data-scenario={scenarioId}>
      <h3 id={id}>{d('results.scenario', { title: name })}</h3>
      <ReportSummary report={report} outcome={outcome ? { kind: outcome, state: '', success: outcome === 'purchased' || outcome === 'resolved' } : null} />
    </article>
  );
}

function Kpi({ label, value }: { label: string; value: string }) {
  return (
    <div className="results-kpi">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
