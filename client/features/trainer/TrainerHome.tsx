// /trainer: open a drill (buyers in order, mode, optional time limit) and the drill history. The
// accounts (an admin's trainer list, everyone's own password) have their own page, AccountsPage.
import { useEffect, useId, useState } from 'react';
import { local, useT } from '../../i18n/index.ts';
import { appStore, useApp } from '../../store/index.ts';
import { paths } from '../../store/route.ts';
import { AppLink } from '../../ui/AppLink.tsx';
import { dateTime } from '../../ui/format.ts';
import type { DrillMode } from './drillModeMemory.ts';
import { lastDrillMode, rememberDrillMode } from './drillModeMemory.ts';
import { drillFailureText, useTrainerT } from './strings.ts';
import { byPersonaAndLevel } from '../../ui/scenarioOrder.ts';
import { useLiveT } from './liveStrings.ts';
import { modeName } from './modeName.ts';

export function TrainerHome() {
  const d = useTrainerT();
  const trainer = useApp((s) => s.trainer);
  return (
    <main className="trainer">
      <h1>{d('home.title')}</h1>
      <p className="muted">{d('home.hello', { name: trainer?.name ?? '' })}</p>
      <OpenDrillForm />
      <History />
    </main>
  );
}

function OpenDrillForm() {
  const d = useTrainerT();
  const l = useLiveT();
  const t = useT();
  const id = useId();
  const lang = useApp((s) => s.lang);
  const scenarios = useApp((s) => s.scenarios);
  const loadScenarios = useApp((s) => s.loadScenarios);
  const openDrill = useApp((s) => s.openDrill);
  const navigate = useApp((s) => s.navigate);
  const [picked, setPicked] = useState<string[]>([]);
  const [mode, setMode] = useState<DrillMode>(lastDrillMode);
  const [minutes, setMinutes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => void loadScenarios(), [loadScenarios]);
  const list = scenarios?.state === 'ready' ? [...scenarios.data].sort(byPersonaAndLevel) : [];
  const toggle = (sid: string) => setPicked((p) => (p.includes(sid) ? p.filter((x) => x !== sid) : [...p, sid]));
  return (
    <section className="panel trainer-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{d('open.title')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (picked.length === 0) return setError(d('open.pickOne'));
          const limit = Number(minutes);
          setBusy(true);
          rememberDrillMode(mode);
          void openDrill({ scenarioIds: picked, mode, ...(minutes.trim() && limit > 0 ? { timeLimitSeconds: Math.round(limit * 60) } : {}) }).then((err) => {
            setBusy(false);
            if (err) return setError(d('open.failed', { message: drillFailureText(d, err) }));
            const opened = appStore.getState().live;
            if (opened) navigate(paths.trainer(`/drill/${opened.drillId}`));
          });
        }}
      >
        <fieldset>
          <legend>{d('open.scenarios')}</legend>
          {/* The list comes from the server: until it does, say so rather than show an empty box. */}
          {(scenarios === null || scenarios.state === 'loading') && (
            <p className="muted" role="status" data-testid="scenarios-loading">
              {l('open.loading')}
            </p>
          )}
          {scenarios?.state === 'error' && (
            <p className="drill-note" role="alert">
              {l('open.loadFailed')}{' '}
              <button type="button" className="btn btn-small" onClick={() => void loadScenarios(true)}>
                {l('open.retry')}
              </button>
            </p>
          )}
          <ul className="trainer-scenarios">
            {list.map((s) => (
              <li key={s.id}>
                <label>
                  <input type="checkbox" checked={picked.includes(s.id)} onChange={() => toggle(s.id)} data-scenario={s.id} />
                  {picked.includes(s.id) && <span className="badge badge-blue">{picked.indexOf(s.id) + 1}</span>} {local(s.title, lang)}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <fieldset className="trainer-row">
          <legend>{d('open.mode')}</legend>
          {(['exam', 'practice'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name={`${id}-mode`} checked={mode === m} onChange={() => setMode(m)} /> {t(`home.mode.${m}`)}
            </label>
          ))}
        </fieldset>
        <div className="form-field">
          <label htmlFor={`${id}-limit`}>{d('open.limit')}</label>
          <input id={`${id}-limit`} type="number" min={1} max={480} inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} className="text-input trainer-limit" />
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {d('open.submit')}
          </button>
        </div>
        {error && (
          <p role="alert" className="drill-note">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}

function History() {
  const d = useTrainerT();
  const t = useT();
  const lang = useApp((s) => s.lang);
  const history = useApp((s) => s.history);
  const load = useApp((s) => s.loadHistory);
  const scenarios = useApp((s) => s.scenarios);
  const loadScenarios = useApp((s) => s.loadScenarios);
  useEffect(() => void load(), [load]);
  useEffect(() => void loadScenarios(), [loadScenarios]);
  // Each buyer by its title in the trainer's language; a scenario no longer in the library by its id.
  const titleOf = (sid: string) => {
    const found = scenarios?.state === 'ready' ? scenarios.data.find((sc) => sc.id === sid) : undefined;
    return found ? local(found.title, lang) : sid;
  };
  if (!history) return null;
  return (
    <section className="panel trainer-card" aria-labelledby="history-title">
      <h2 id="history-title">{d('nav.history')}</h2>
      {history.length === 0 ? (
        <p className="muted">{d('history.empty')}</p>
      ) : (
        <div className="trainer-table-scroll">
          <table className="trainer-table trainer-history">
            <thead>
              <tr>
                <th scope="col">{d('history.code')}</th>
                <th scope="col">{d('history.when')}</th>
                <th scope="col">{d('history.scenarios')}</th>
                <th scope="col">{d('history.status')}</th>
                <th scope="col">{d('history.seats')}</th>
                <th scope="col">{d('history.pass')}</th>
                <th scope="col">{t('home.mode')}</th>
                <th scope="col">
                  <span className="visually-hidden">{d('history.open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.drillId}>
                  <td className="mono">{h.code}</td>
                  <td className="trainer-history-when">{dateTime(h.createdAt, lang)}</td>
                  <td className="trainer-history-scenarios" data-testid="history-scenarios">
                    {h.scenarioIds.map((sid, i) => (
                      <span key={`${i}-${sid}`} className="trainer-history-scenario">
                        {h.scenarioIds.length > 1 ? `${i + 1}. ` : ''}
                        {titleOf(sid)}
                      </span>
                    ))}
                  </td>
                  <td>
                    {d(`status.${h.status}`)}
                    {h.interrupted && d('history.interrupted')}
                  </td>
                  <td>
                    {h.seats ?? '—'}
                    {h.removed ? <span className="muted">{d('history.removed', { n: h.removed })}</span> : null}
                  </td>
                  <td>{h.summary?.passRate == null ? '—' : `${Math.round(h.summary.passRate * 100)}%`}</td>
                  <td data-testid="history-mode">{modeName(t, h.mode)}</td>
                  <td>
                    {/* A cancelled drill has nothing to open: no results, and its room is closed. */}
                    {h.status !== 'cancelled' && <AppLink to={paths.trainer(h.status === 'ended' ? `/results/${h.drillId}` : `/drill/${h.drillId}`)}>{d('history.open')}</AppLink>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
