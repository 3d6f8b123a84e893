// The class-wide reveal: every reply to one buyer move, anonymised, side by side with its verdicts,
// best first. Shared by the trainee's overlay and the trainer's reveal panel. Text renders as text.
import { local, tAny, useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import type { Reveal } from '../../store/drillSlice.ts';
import { useMoveName, useRuleName } from './dict.ts';
import { useDrillT } from './strings.ts';

export function RevealBoard({ reveal }: { reveal: Reveal }) {
  const t = useT();
  const d = useDrillT();
  const lang = useApp((s) => s.lang);
  const ruleName = useRuleName();
  const moveName = useMoveName();
  return (
    <div className="reveal" data-testid="reveal-board">
      <p className="muted" data-testid="reveal-move" data-move={reveal.move} title={reveal.move}>
        {d('reveal.move', { move: moveName(reveal.move, reveal.moveLabel) })}
        {reveal.unanswered > 0 && <> · {d('reveal.unanswered', { n: reveal.unanswered })}</>}
      </p>
      {reveal.entries.length === 0 ? (
        <p className="muted">{d('reveal.empty')}</p>
      ) : (
        <ol className="reveal-grid">
          {reveal.entries.map((e, i) => (
            <li key={i} className={e.redLine ? 'reveal-card bad' : 'reveal-card'} data-testid="reveal-entry">
              <header>
                {/* Replies graded alike share their rank, said as such (并列第 1). */}
                <strong data-testid="reveal-rank">{d(reveal.entries.some((o) => o !== e && o.rank === e.rank) ? 'reveal.rankTied' : 'reveal.rank', { rank: e.rank })}</strong>
                <span className="badge badge-blue">{d('reveal.points', { points: e.points, max: e.max })}</span>
                {e.redLine && <span className="badge badge-red">{d('reveal.redLine')}</span>}
              </header>
              <blockquote className="reveal-text">{e.text}</blockquote>
              <ul className="reveal-verdicts">
                {e.verdicts.map((v) => (
                  <li key={v.rule} className={`verdict-${v.verdict}`}>
                    <span className="reveal-rule">{ruleName(v.rule, v.title)}</span>{' '}
                    <span className={v.verdict === 'fail' ? 'badge badge-red' : v.verdict === 'pass' ? 'badge badge-green' : 'badge'}>{tAny(t, `verdict.${v.verdict}`, v.verdict)}</span>
                    <span className="muted"> {local(v.feedback, lang)}</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
