// The head of the report: score against the pass mark, red lines (they fail a chat whatever the
// points, so they come first), points by category and the response-time KPIs. Its styles come with
// it: the report page and the drill results page (several reports on one page) both show it.
import { useId } from 'react';
import { around, local, tAny, useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import type { BuyerMove, Message, Outcome, Report } from '../../store/types.ts';
import { duration } from '../../ui/format.ts';
import { ruleName, VerdictAdvice } from '../chat/VerdictChips.tsx';
import { OpenAtEnd } from './OpenAtEnd.tsx';
import './report.css';

interface Props {
  report: Report;
  outcome: Outcome | null;
  /** a chat ended unfinished: where the buyer stopped, said with its transcript (the session view has it) */
  open?: { move: BuyerMove; transcript: readonly Message[] } | undefined;
}

export function ReportSummary({ report, outcome, open }: Props) {
  const t = useT();
  // Ids of its own: a results page shows one summary per session, and each section names its own heading.
  const id = useId();
  const lang = useApp((s) => s.lang);
  const redLines = report.rules.filter((v) => v.redLine && v.verdict === 'fail');
  const outcomeText = outcome ? (outcome.label ? local(outcome.label, lang) : tAny(t, `outcome.${outcome.kind}`, outcome.kind)) : t('outcome.none');
  const [outcomeBefore, outcomeAfter] = around(t('report.outcomeLine'), 'outcome');
  const k = report.kpis;
  return (
    <>
      <section className={report.passed ? 'report-score passed' : 'report-score failed'} aria-labelledby={`${id}-score`} data-testid="report-score">
        <div className="score-ring" style={{ ['--score' as string]: `${Math.max(0, Math.min(100, report.score))}` }}>
          <span className="score-num">{report.score}</span>
          <span className="score-out">{t('report.outOf')}</span>
        </div>
        <div>
          <h2 id={`${id}-score`} className="visually-hidden">
            {t('report.score')}
          </h2>
          <p className={report.passed ? 'badge badge-green score-verdict' : 'badge badge-red score-verdict'}>{report.passed ? t('report.passed') : t('report.failed')}</p>
          <p className="muted">{t('report.passMark', { mark: report.passMark })}</p>
          {report.unfinished && <p className="score-why">{t(`report.unfinished.${report.unfinished}`)}</p>}
          {report.unfinished === 'no-ending' && open && <OpenAtEnd move={open.move} transcript={open.transcript} />}
          {!report.passed && !report.unfinished && redLines.length > 0 && report.score >= report.passMark && <p className="score-why">{t('report.failedByRedLine')}</p>}
          <p className="score-outcome">
            {outcomeBefore}
            <strong>{outcomeText}</strong>
            {outcomeAfter}
          </p>
        </div>
      </section>

      <section className={redLines.length ? 'report-redlines crossed' : 'report-redlines'} aria-labelledby={`${id}-redlines`} data-testid="report-redlines">
        <h2 id={`${id}-redlines`}>
          <span aria-hidden="true">{redLines.length ? '⛔ ' : '✅ '}</span>
          {t(redLines.length ? 'report.redLinesCrossed' : 'report.redLines')}
        </h2>
        {redLines.length === 0 ? (
          <p>{t('report.noRedLines')}</p>
        ) : (
          <>
            <p className="muted">{t('report.redLinesLead')}</p>
            <ul>
              {redLines.map((v) => (
                <li key={v.rule} data-rule={v.rule}>
                  <strong>{ruleName(v, lang)}</strong>
                  <VerdictAdvice verdict={v} />
                  {v.messageId && (
                    <a href={`#msg-${v.messageId}`} className="report-jump no-print">
                      {t('report.jump')}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <div className="report-grid">
        <section className="report-card" aria-labelledby={`${id}-cat`}>
          <h2 id={`${id}-cat`}>{t('report.categories')}</h2>
          {report.categories.every((c) => c.max === 0) && <p className="muted">{t('report.noCategories')}</p>}
          <ul className="cat-chart">
            {report.categories
              .filter((c) => c.max > 0)
              .map((c) => {
                const pct = Math.round((c.points / c.max) * 100);
                const label = t(`category.${c.category}`);
                return (
                  <li key={c.category}>
                    <span className="cat-label">{label}</span>
                    <span className="cat-bar" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={c.max} aria-valuenow={c.points}>
                      <span className={pct >= 70 ? 'cat-fill good' : pct >= 40 ? 'cat-fill mid' : 'cat-fill bad'} style={{ width: `${pct}%` }} />
                    </span>
                    <span className="cat-points">{t('report.categoryPoints', { points: c.points, max: c.max })}</span>
                  </li>
                );
              })}
          </ul>
        </section>
        <section className="report-card" aria-labelledby={`${id}-kpi`}>
          <h2 id={`${id}-kpi`}>{t('report.kpis')}</h2>
          <dl className="kpis">
            <div>
              <dt>{t('report.kpi.first')}</dt>
              <dd>{duration(k.firstResponseMs, t)}</dd>
            </div>
            <div>
              <dt>{t('report.kpi.avg')}</dt>
              <dd>{duration(k.avgResponseMs, t)}</dd>
            </div>
            <div>
              <dt>{t('report.kpi.longest')}</dt>
              <dd>{duration(k.longestResponseMs, t)}</dd>
            </div>
            <div>
              <dt>{t('report.kpi.replies')}</dt>
              <dd>{k.replies}</dd>
            </div>
            <div>
              <dt>{t('report.kpi.outcome')}</dt>
              {/* The scenario's own words for its ending when it has them, as in the line above. */}
              <dd>{k.outcome ? (outcome?.kind === k.outcome ? outcomeText : tAny(t, `outcome.${k.outcome}`, k.outcome)) : t('outcome.none')}</dd>
            </div>
          </dl>
        </section>
      </div>
    </>
  );
}
