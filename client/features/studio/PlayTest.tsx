// Play-test one reply from any buyer move with chosen variables: the normalised text, the intents
// with their keyword hits and negations, the rules it fired and where the buyer goes next; then
// pin it down as a golden or bad embedded test in the YAML.
import { useId, useState } from 'react';
import type { CompiledScenario } from '../../../server/engine/index.ts';
import { appendTest, initialVars, playReply, testFrom } from './playtest.ts';
import type { PlayResult, Vars } from './playtest.ts';
import { useStudioT } from './strings.ts';

interface Props {
  compiled: CompiledScenario | undefined;
  source: string;
  onAppend(next: string): void;
}

export function PlayTest({ compiled, source, onAppend }: Props) {
  const d = useStudioT();
  if (!compiled) return <p className="muted">{d('play.needValid')}</p>;
  return <Bench compiled={compiled} source={source} onAppend={onAppend} />;
}

function Bench({ compiled, source, onAppend }: Props & { compiled: CompiledScenario }) {
  const d = useStudioT();
  const uid = useId();
  const states = Object.keys(compiled.scenario.states);
  const [at, setAt] = useState(compiled.scenario.initial);
  const [vars, setVars] = useState<Vars>(() => initialVars(compiled));
  const [reply, setReply] = useState('');
  const [ran, setRan] = useState<{ at: string; vars: Vars; reply: string; result: PlayResult } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const state = states.includes(at) ? at : compiled.scenario.initial;

  const run = () => {
    if (reply.trim() === '') return;
    setNote(null);
    setRan({ at: state, vars, reply, result: playReply(compiled, state, vars, reply) });
  };
  const save = (kind: 'golden' | 'bad') => {
    if (!ran) return;
    try {
      onAppend(appendTest(source, testFrom(kind, ran.at, ran.vars, initialVars(compiled), ran.reply, ran.result)));
      setNote(d('play.savedTest'));
    } catch (err) {
      setNote(d('failed', { message: err instanceof Error ? err.message : String(err) }));
    }
  };

  return (
    <div className="studio-play">
      <label htmlFor={`${uid}-s`}>{d('play.state')}</label>
      <select id={`${uid}-s`} value={state} onChange={(e) => setAt(e.target.value)}>
        {states.map((s) => <option key={s} value={s}>{s}</option>)}
      </select>
      {Object.entries(compiled.scenario.variables).map(([name, def]) => (
        <label key={name} className="studio-var">
          {name}
          {def.type === 'bool' ? (
            <input type="checkbox" checked={vars[name] === true} onChange={(e) => setVars({ ...vars, [name]: e.target.checked })} />
          ) : (
            <input
              type="number"
              min={def.min}
              max={def.max}
              value={Number(vars[name] ?? def.initial)}
              onChange={(e) => setVars({ ...vars, [name]: Math.min(def.max, Math.max(def.min, Math.round(Number(e.target.value) || 0))) })}
            />
          )}
        </label>
      ))}
      <label htmlFor={`${uid}-r`}>{d('play.reply')}</label>
      <textarea id={`${uid}-r`} rows={3} value={reply} onChange={(e) => setReply(e.target.value)} maxLength={2000} />
      <button type="button" className="btn btn-small btn-primary" onClick={run}>{d('play.run')}</button>
      {ran && <Outcome result={ran.result} onSave={save} />}
      {note && <p role="status" className="studio-ok">{note}</p>}
    </div>
  );
}

function Outcome({ result, onSave }: { result: PlayResult; onSave(kind: 'golden' | 'bad'): void }) {
  const d = useStudioT();
  return (
    <section className="studio-play-result" aria-live="polite" data-testid="play-result">
      <h3>{d('play.normalized')}</h3>
      <p className="studio-mono">{result.normalized}</p>
      <h3>{d('play.intents')}</h3>
      {result.intents.length === 0 && <p className="muted">{d('play.noIntents')}</p>}
      <ul>
        {result.intents.map((e) => (
          <li key={e.intent} className={e.matched ? 'studio-hit' : 'muted'}>
            <strong>{e.intent}</strong> {e.vetoedBy ? `(${d('play.vetoed', { by: e.vetoedBy })})` : ''}{' '}
            {e.hits.map((h) => (
              <span key={`${h.keyword}@${h.index}`} className={h.negated ? 'studio-chip studio-chip-neg' : 'studio-chip'}>
                {h.keyword}{h.negated ? ` · ${d('play.negated')}` : ''}
              </span>
            ))}
          </li>
        ))}
      </ul>
      <h3>{d('play.rules')}</h3>
      <ul>
        {result.verdicts.map((v) => (
          <li key={v.rule} className={v.verdict === 'fail' ? 'studio-error' : 'studio-ok'}>
            {v.verdict === 'pass' ? '✓' : '✗'} {v.rule}{v.redLine ? ' ⚠' : ''}
          </li>
        ))}
      </ul>
      <p data-testid="play-next"><strong>{d('play.next', { state: result.next })}</strong></p>
      {result.buyerLines.length > 0 && (
        <>
          <h3>{d('play.buyer')}</h3>
          <ul>{result.buyerLines.map((line, i) => <li key={i}>{line}</li>)}</ul>
        </>
      )}
      <div className="studio-toolbar">
        <button type="button" className="btn btn-small" onClick={() => onSave('golden')}>{d('play.saveGolden')}</button>
        <button type="button" className="btn btn-small" onClick={() => onSave('bad')}>{d('play.saveBad')}</button>
      </div>
    </section>
  );
}
