// The class heat map: one row per rule, the share of passes coloured from red to green.
import { useT } from '../../i18n/index.ts';
import { useRuleName } from '../drill/dict.ts';
import { useApp } from '../../store/index.ts';
import { useTrainerT } from './strings.ts';

export function HeatMap() {
  const d = useTrainerT();
  const t = useT();
  const ruleName = useRuleName();
  const heat = useApp((s) => s.live?.heat ?? []);
  const rows = heat.filter((r) => r.pass + r.fail > 0);
  return (
    <section className="panel trainer-card" aria-labelledby="heat-title">
      <h2 id="heat-title">{d('heat.title')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{d('heat.empty')}</p>
      ) : (
        <table className="trainer-table heat">
          <thead>
            <tr>
              <th scope="col">{d('heat.rule')}</th>
              <th scope="col">{d('heat.pass')}</th>
              <th scope="col">{d('heat.fail')}</th>
              <th scope="col">%</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const rate = r.pass / (r.pass + r.fail);
              // Hue 0 (red) to 120 (green) by pass rate.
              const style = { background: `hsl(${Math.round(rate * 120)} 70% 88%)` };
              return (
                <tr key={r.rule} data-rule={r.rule}>
                  <th scope="row">
                    {ruleName(r.rule, r.title)} {r.redLine && <span className="badge badge-red">{t('verdict.redLine')}</span>}
                  </th>
                  <td>{r.pass}</td>
                  <td>{r.fail}</td>
                  <td style={style} className="heat-cell">
                    {Math.round(rate * 100)}%
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
