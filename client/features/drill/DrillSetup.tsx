// What the drill is, shown in the seat's waiting room before the trainer starts: the buyers the
// trainee will meet (in the order they come), practice or exam, and the time limit. All of it comes
// with the seat (its DrillState), so it is there as soon as the seat is taken or taken back. The
// trainer's room shows the same facts (`audience="trainer"`), worded for the one who runs it.
import { local, tAny, useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import type { DrillState } from '../../store/drillSlice.ts';
import type { DictT } from './dict.ts';
import type { DrillKey } from './strings.ts';
import { useDrillT } from './strings.ts';

/** The limit in the page's words: whole minutes, else minutes and seconds; null: none. */
export function limitText(d: DictT<DrillKey>, ms: number | null): string {
  if (ms === null) return d('setup.noLimit');
  const seconds = Math.round(ms / 1000);
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return s === 0 ? d('setup.limitMinutes', { m }) : d('setup.limitMinSec', { m, s });
}

export function DrillSetup({ state, audience = 'trainee', title }: { state: DrillState; audience?: 'trainee' | 'trainer'; title?: string }) {
  const d = useDrillT();
  const trainer = audience === 'trainer';
  const t = useT();
  const lang = useApp((s) => s.lang);
  const exam = state.mode === 'exam';
  const several = state.scenarios.length > 1;
  const List = several ? 'ol' : 'ul';
  return (
    <section className={trainer ? 'drill-setup drill-setup-trainer' : 'drill-setup'} aria-labelledby="drill-setup-title" data-testid="drill-setup">
      <h2 id="drill-setup-title">{title ?? d('setup.title')}</h2>
      <dl className="drill-setup-facts">
        <div>
          <dt>{d('setup.mode')}</dt>
          <dd data-testid="drill-setup-mode" data-mode={state.mode}>
            <p className="drill-setup-value">{d(exam ? 'setup.exam' : 'setup.practice')}</p>
            <p className="muted">{d(exam ? 'setup.examHint' : 'setup.practiceHint')}</p>
          </dd>
        </div>
        {state.timeLimitMs !== undefined && (
          <div>
            <dt>{d('setup.limit')}</dt>
            <dd data-testid="drill-setup-limit">
              <p className="drill-setup-value">{limitText(d, state.timeLimitMs)}</p>
              {state.timeLimitMs !== null && <p className="muted">{d(trainer ? 'setup.trainer.limitHint' : 'setup.limitHint')}</p>}
            </dd>
          </div>
        )}
      </dl>
      <h3>{several ? d(trainer ? 'setup.trainer.scenariosInOrder' : 'setup.scenariosInOrder', { n: state.scenarios.length }) : d(trainer ? 'setup.trainer.scenario' : 'setup.scenario')}</h3>
      <List className="drill-setup-scenarios">
        {state.scenarios.map((s) => (
          <li key={s.id} data-scenario={s.id}>
            <p className="drill-setup-name">{local(s.title, lang)}</p>
            <p className="drill-setup-tags">
              <span className="badge badge-blue">{tAny(t, `persona.${s.persona}`, s.persona)}</span>{' '}
              <span className={`badge drill-level level-${s.difficulty}`}>{tAny(t, `level.${s.difficulty}`, s.difficulty)}</span>
            </p>
            {local(s.description, lang) && <p className="drill-setup-desc muted">{local(s.description, lang)}</p>}
          </li>
        ))}
      </List>
    </section>
  );
}

/** The same facts on one line, for the trainer's dashboard once the drill has started. */
export function DrillSetupSummary({ state }: { state: DrillState }) {
  const d = useDrillT();
  const lang = useApp((s) => s.lang);
  return (
    <dl className="drill-setup-line" data-testid="drill-setup-summary">
      <div>
        <dt>{d('setup.mode')}</dt>
        <dd data-mode={state.mode}>{d(state.mode === 'exam' ? 'setup.exam' : 'setup.practice')}</dd>
      </div>
      {state.timeLimitMs !== undefined && (
        <div>
          <dt>{d('setup.limit')}</dt>
          <dd>{limitText(d, state.timeLimitMs)}</dd>
        </div>
      )}
      <div>
        <dt>{d('setup.trainer.buyers')}</dt>
        <dd>
          <ol>
            {state.scenarios.map((s) => (
              <li key={s.id} data-scenario={s.id}>
                {local(s.title, lang)}
              </li>
            ))}
          </ol>
        </dd>
      </div>
    </dl>
  );
}
