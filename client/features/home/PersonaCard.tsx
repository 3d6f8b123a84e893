// One buyer of the library: who they are, how hard, the trainee's best score, and a start button.
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
  const title = local(scenario.title, lang);
  const titleId = `persona-${scenario.id}`;
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
      <p className="persona-desc">{local(scenario.description, lang)}</p>
      <div className="persona-foot">
        <span className={best === undefined ? 'persona-best muted' : 'persona-best'}>{best === undefined ? t('home.noBest') : t('home.best', { score: best })}</span>
        <button type="button" className="btn btn-primary" disabled={disabled} aria-label={t('home.startLabel', { title })} onClick={onStart}>
          {busy ? t('home.starting') : t(mode === 'exam' ? 'home.startExam' : 'home.start')}
        </button>
      </div>
    </article>
  );
}
