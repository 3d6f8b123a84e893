// The seat's own result once the drill has ended (in an exam, when the results are released with
// it): the drill score the trainer's results page shows for this trainee, and each buyer's score.
// No rank: the trainer may not want one published. A played buyer opens its chat.
import { local } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import { useDrillT } from './strings.ts';

export function DrillTotal() {
  const d = useDrillT();
  const lang = useApp((s) => s.lang);
  const total = useApp((s) => (s.drillState?.status === 'ended' ? s.drillTotal : null));
  const scenarios = useApp((s) => s.drillState?.scenarios);
  const known = useApp((s) => s.sessions);
  const selectSession = useApp((s) => s.selectSession);
  if (!total) return null;
  return (
    <section className="drill-total" aria-labelledby="drill-total-title" data-testid="drill-total">
      <h2 id="drill-total-title">
        {d('total.title')} <strong className="drill-total-score">{d('total.score', { score: String(total.score) })}</strong>
      </h2>
      <ol className="drill-total-buyers">
        {total.buyers.map((buyer) => {
          const scenario = scenarios?.[buyer.position];
          const label = d('total.buyer', { n: String(buyer.position + 1), title: scenario ? local(scenario.title, lang) : buyer.scenarioId });
          const note = buyer.status === 'notStarted' ? d('total.notStarted') : buyer.status === 'unfinished' ? d('total.unfinished') : null;
          const text = (
            <>
              <span>{label}</span>
              <span className="drill-total-points">
                {d('total.points', { score: String(buyer.score) })}
                {note && <span className="muted"> · {note}</span>}
              </span>
            </>
          );
          const sessionId = buyer.sessionId;
          return (
            <li key={buyer.position}>
              {sessionId !== null && known[sessionId] ? (
                <button type="button" className="drill-total-row" onClick={() => selectSession(sessionId)}>
                  {text}
                </button>
              ) : (
                <span className="drill-total-row">{text}</span>
              )}
            </li>
          );
        })}
      </ol>
      <p className="muted drill-total-hint">{d('total.hint')}</p>
    </section>
  );
}
