// One buyer of the library: who they are, how hard, the pass mark and the trainee's best score (passed
// or not), and a start button.
import { useLayoutEffect, useRef, useState } from 'react';
import { local, tAny, useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import type { ScenarioSummary } from '../../store/types.ts';

const ICONS: Record<string, string> = {
  bargainer: '💰',
  'size-hesitant': '📏',
  phisher: '🎣',
  'post-sale-complainer': '📦',
};

interface Props {
  scenario: ScenarioSummary;
  busy: boolean;
  disabled: boolean;
  onStart: () => void;
}

export function PersonaCard({ scenario, busy, disabled, onStart }: Props) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const mode = useApp((s) => s.mode);
  const best = useApp((s) => s.best[scenario.id]);
  // Chats of this buyer this browser keeps, drill seats' included: played, even with no best score
  // (cut short by the drill's end, a red line crossed, an exam's result not out yet).
  const played = useApp((s) => s.order.filter((id) => s.sessions[id]?.scenario.id === scenario.id).length);
  const title = local(scenario.title, lang);
  const titleId = `persona-${scenario.id}`;
  // The button's accessible name starts with the words on it (WCAG 2.5.3), the buyer after them.
  const startText = busy ? t('home.starting') : t(mode === 'exam' ? 'home.startExam' : 'home.start');
  return (
    <article className={`persona-card level-${scenario.difficulty}`} data-scenario={scenario.id} aria-labelledby={titleId}>
      <div className="persona-head">
        <span className="persona-icon" aria-hidden="true">
          {ICONS[scenario.persona] ?? '💬'}
        </span>
        <div className="persona-tags">
          <span className="badge badge-blue">{tAny(t, `persona.${scenario.persona}`, scenario.persona)}</span>
          <span className={`badge level-badge level-${scenario.difficulty}`}>{tAny(t, `level.${scenario.difficulty}`, scenario.difficulty)}</span>
        </div>
      </div>
      <h3 id={titleId}>{title}</h3>
      <Description id={`persona-desc-${scenario.id}`} text={local(scenario.description, lang)} title={title} />
      <div className="persona-foot">
        {/* The pass mark beside the best: marks differ by buyer, and a best under it must not read as a pass. */}
        <div className="persona-score">
          <span className={best === undefined ? 'persona-best muted' : best.passed === false ? 'persona-best not-passed' : 'persona-best'}>
            {best !== undefined ? t('home.best', { score: best.score }) : played > 0 ? t('home.playedNoBest', { n: played }) : t('home.noBest')}
            {best !== undefined && ' '}
            {/* A best kept before verdicts were (passed null) shows none rather than a guess. */}
            {best !== undefined && best.passed !== null && (
              <span className={best.passed ? 'badge badge-green persona-verdict' : 'badge badge-red persona-verdict'} data-passed={best.passed}>
                {t(best.passed ? 'home.bestPassed' : 'home.bestNotPassed')}
              </span>
            )}
          </span>
          {scenario.passMark !== undefined && <span className="persona-mark muted">{t('report.passMark', { mark: scenario.passMark })}</span>}
        </div>
        <button type="button" className="btn btn-primary" disabled={disabled} aria-label={t('home.startLabel', { action: startText, title })} onClick={onStart}>
          {startText}
        </button>
      </div>
    </article>
  );
}

/**
 * The persona's description, clamped to a few lines; when the clamp hides some of it, a disclosure
 * button (aria-expanded) shows it all and clamps it again. Screen readers read the whole text either
 * way: the clamp only hides it from sight.
 */
function Description({ id, text, title }: { id: string; text: string; title: string }) {
  const t = useT();
  const ref = useRef<HTMLParagraphElement>(null);
  const [expanded, setExpanded] = useState(false);
  const [clamped, setClamped] = useState(false);

  // Measured while clamped, and again when the card's width (or the language) changes the lines.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || expanded) return;
    const measure = () => setClamped(el.scrollHeight > el.clientHeight + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const watch = new ResizeObserver(measure);
    watch.observe(el);
    return () => watch.disconnect();
  }, [expanded, text]);

  return (
    <div className="persona-desc-box">
      <p ref={ref} id={id} className={expanded ? 'persona-desc expanded' : 'persona-desc'}>
        {text}
      </p>
      {(clamped || expanded) && (
        <button type="button" className="persona-more" aria-expanded={expanded} aria-controls={id} aria-label={t(expanded ? 'home.descLessLabel' : 'home.descMoreLabel', { title })} onClick={() => setExpanded(!expanded)}>
          {t(expanded ? 'home.descLess' : 'home.descMore')}
        </button>
      )}
    </div>
  );
}
