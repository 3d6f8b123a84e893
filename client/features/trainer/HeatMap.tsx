// The class heat map: one row per rule, in rubric order (a row never moves as verdicts arrive), the
// share of passes coloured from red to green. It counts trainees, not chats: each trainee once per
// rule, failed if they failed it with any buyer. Removed trainees are left out, and it says so.
import { useT } from '../../i18n/index.ts';
import { useRuleName } from '../drill/dict.ts';
import { useApp } from '../../store/index.ts';
import { useLiveT } from './liveStrings.ts';
import { useTrainerT } from './strings.ts';

export function HeatMap() {
  const d = useTrainerT();
  const l = useLiveT();
  const t = useT();
  const ruleName = useRuleName();
  const heat = useApp((s) => s.live?.heat ?? []);
  const removed = useApp((s) => Object.values(s.live?.tiles ?? {}).filter((tile) => tile.status === 'removed').length);
  const judged = heat.some((r) => r.pass + r.fail > 0);
  return (
    <section className="panel trainer-card" aria-labelledby="heat-title">
      <h2 id="heat-title">{d('heat.title')}</h2>
      {!judged ? (
        <p className="muted">{d('heat.empty')}</p>
      ) : (
        <>
          <p className="muted heat-basis" data-testid="heat-basis">
            {l('heat.basis')}
            {removed > 0 && l('heat.removed', { n: removed })}
          </p>
          <table className="trainer-table heat">
            <thead>
              <tr>
                <th scope="col">{d('heat.rule')}</th>
                <th scope="col">{l('heat.passPeople')}</th>
                <th scope="col">{l('heat.failPeople')}</th>
                <th scope="col">{l('heat.rate')}</th>
              </tr>
            </thead>
            <tbody>
              {heat.map((r) => {
                const decided = r.pass + r.fail;
                const rate = decided === 0 ? null : r.pass / decided;
                // Hue 0 (red) to 120 (green) by pass rate; a rule nobody reached yet has no colour.
                const style = rate === null ? undefined : { background: `hsl(${Math.round(rate * 120)} 70% 88%)` };
                return (
                  <tr key={r.rule} data-rule={r.rule}>
                    <th scope="row">
                      {ruleName(r.rule, r.title)} {r.redLine && <span className="badge badge-red">{t('verdict.redLine')}</span>}
                    </th>
                    <td>{decided === 0 ? '—' : r.pass}</td>
                    <td>{decided === 0 ? '—' : r.fail}</td>
                    <td style={style} className="heat-cell">
                      {rate === null ? <span className="muted">{l('heat.notYet')}</span> : `${Math.round(rate * 100)}%`}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
