// Play-test an exchange: from the start or any buyer move with chosen variables, reply turn after
// turn (or stay silent and let the buyer nudge or leave, or act as the trainee chat lets one: open a
// link, answer a file offer, send a card or coupon, confirm the address) while state and variables
// carry over; each turn shows the normalised text, the intents with their keyword hits and
// negations, the rules it fired and the buyer's move. Any reply can be pinned down as a golden or
// bad embedded test.
import { useId, useState } from 'react';
import type { CompiledScenario, Lexicon } from '../../../server/engine/index.ts';
import { tAny, useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import { BuyerLineView } from './BuyerLineView.tsx';
import type { LineActions } from './BuyerLineView.tsx';
import { canAnswer, canOpen, fileAnswer, playAction } from './playAction.ts';
import { PlayActionBar } from './PlayActionBar.tsx';
import { appendTest, initialVars } from './playtest.ts';
import type { Vars } from './playtest.ts';
import { canWait, isOver, playSilence, playTurn, startPlay, testFromTurn } from './playSession.ts';
import type { PlaySession, PlayStart, PlayTurn, TraineeAction } from './playSession.ts';
import { useStudioT } from './strings.ts';
import { TurnCard } from './TurnCard.tsx';

interface Props {
  compiled: CompiledScenario | undefined;
  source: string;
  /** the global intents (their labels name the intents a reply fired); undefined while unknown */
  lexicon?: Lexicon | undefined;
  onAppend(next: string): void;
}

export function PlayTest({ compiled, source, lexicon, onAppend }: Props) {
  const d = useStudioT();
  // While the YAML is being typed it is often briefly invalid: keep playing the last version that
  // compiled instead of throwing the exchange away.
  const [lastGood, setLastGood] = useState(compiled);
  if (compiled && compiled !== lastGood) setLastGood(compiled);
  const playing = compiled ?? lastGood;
  if (!playing) return <p className="muted">{d('play.needValid')}</p>;
  return (
    <>
      {!compiled && <p className="studio-error">{d('play.stale')}</p>}
      <Bench compiled={playing} source={source} lexicon={lexicon} onAppend={onAppend} />
    </>
  );
}

function Bench({ compiled, source, lexicon, onAppend }: Props & { compiled: CompiledScenario }) {
  const d = useStudioT();
  const uid = useId();
  const t = useT();
  const lang = useApp((s) => s.lang);
  const states = Object.keys(compiled.scenario.states);
  /** a move by its label for trainers, with the id the YAML uses */
  const moveName = (id: string) => {
    const label = compiled.scenario.states[id]?.label;
    return label ? d('play.move', { label: label[lang], id }) : id;
  };
  /** an intent's short label in the page's language (the scenario's own before the lexicon's); undefined without one */
  const intentLabel = (id: string) => intentLabelIn(id, compiled, lexicon, lang);
  const [session, setSession] = useState<PlaySession>(() => startPlay(compiled, { at: compiled.scenario.initial, vars: initialVars(compiled) }));
  const [reply, setReply] = useState('');
  const [note, setNote] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const start = session.start;

  const failed = (err: unknown) => setNote({ kind: 'error', text: d('failed', { message: err instanceof Error ? err.message : String(err) }) });
  /** A new start (move or variables) begins a new exchange. */
  const restart = (next: PlayStart) => {
    setNote(null);
    try {
      setSession(startPlay(compiled, { at: states.includes(next.at) ? next.at : compiled.scenario.initial, vars: next.vars }));
    } catch (err) {
      failed(err);
    }
  };
  const send = () => {
    if (reply.trim() === '') return;
    setNote(null);
    try {
      setSession(playTurn(compiled, session, reply));
      setReply('');
    } catch (err) {
      failed(err);
    }
  };
  const wait = () => {
    setNote(null);
    try {
      setSession(playSilence(compiled, session));
    } catch (err) {
      failed(err);
    }
  };
  const act = (action: TraineeAction) => {
    setNote(null);
    try {
      setSession(playAction(compiled, session, action));
    } catch (err) {
      failed(err);
    }
  };
  const lineActions: LineActions = {
    shop: compiled.shop,
    canOpen: (line) => canOpen(session, line),
    canAnswer: (line) => canAnswer(session, line),
    answered: (line) => fileAnswer(session, line),
    open: (line) => act({ type: 'link-opened', messageId: line.id }),
    answer: (line, accept) => act({ type: accept ? 'file-accepted' : 'file-declined', messageId: line.id }),
  };
  const save = (turn: PlayTurn, kind: 'golden' | 'bad') => {
    try {
      // Named in the trainer's language: the name is what the checker's report shows for this test.
      const name = d(kind === 'golden' ? 'play.testName.golden' : 'play.testName.bad', { at: turn.at, reply: (turn.reply ?? '').slice(0, 24) });
      onAppend(appendTest(source, testFromTurn(compiled, turn, kind, name)));
      setNote({ kind: 'ok', text: d('play.savedTest') });
    } catch (err) {
      failed(err);
    }
  };
  const setVar = (name: string, value: number | boolean) => restart({ at: start.at, vars: { ...start.vars, [name]: value } satisfies Vars });
  const over = isOver(session);

  return (
    <div className="studio-play">
      <fieldset className="studio-play-start">
        <legend>{d('play.start')}</legend>
        <label htmlFor={`${uid}-s`}>{d('play.state')}</label>
        <select id={`${uid}-s`} value={start.at} onChange={(e) => restart({ at: e.target.value, vars: start.vars })}>
          {states.map((s) => <option key={s} value={s}>{s === compiled.scenario.initial ? d('play.initial', { state: moveName(s) }) : moveName(s)}</option>)}
        </select>
        {Object.entries(compiled.scenario.variables).map(([name, def]) => (
          <label key={name} className="studio-var">
            {name}
            {def.type === 'bool' ? (
              <input type="checkbox" checked={start.vars[name] === true} onChange={(e) => setVar(name, e.target.checked)} />
            ) : (
              <input
                type="number"
                min={def.min}
                max={def.max}
                value={Number(start.vars[name] ?? def.initial)}
                onChange={(e) => setVar(name, Math.min(def.max, Math.max(def.min, Math.round(Number(e.target.value) || 0))))}
              />
            )}
          </label>
        ))}
        <button type="button" className="btn btn-small btn-ghost" onClick={() => restart(start)}>{d('play.reset')}</button>
      </fieldset>
      <ol className="studio-play-log" aria-label={d('play.log')}>
        {session.opening.length > 0 && (
          <li className="studio-play-buyer">
            <span className="muted">{d('play.buyerAt', { state: moveName(start.at) })}</span>
            <ul>
              {session.opening.map((line) => <BuyerLineView key={line.id} line={line} actions={lineActions} />)}
            </ul>
          </li>
        )}
        {session.turns.map((turn, i) => (
          <li key={i}>
            <TurnCard turn={turn} number={i + 1} moveName={moveName} intentLabel={intentLabel} lineActions={lineActions} onSave={turn.kind === 'reply' ? (kind) => save(turn, kind) : undefined} />
          </li>
        ))}
      </ol>
      {session.state.outcome && (
        <p className="studio-ok" role="status" data-testid="play-outcome" data-outcome={session.state.outcome.kind}>
          {d('play.outcome', { kind: tAny(t, `outcome.${session.state.outcome.kind}`, session.state.outcome.kind), state: moveName(session.state.outcome.state) })}
        </p>
      )}
      <label htmlFor={`${uid}-r`}>{d('play.reply')}</label>
      <textarea
        id={`${uid}-r`}
        rows={3}
        value={reply}
        onChange={(e) => setReply(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send();
        }}
        maxLength={2000}
        disabled={over}
      />
      <div className="studio-toolbar">
        <button type="button" className="btn btn-small btn-primary" onClick={send} disabled={over}>{d('play.run')}</button>
        <button type="button" className="btn btn-small" onClick={wait} disabled={over || !canWait(session)}>{d('play.wait')}</button>
      </div>
      <PlayActionBar compiled={compiled} disabled={over} onAction={act} />
      {note && <p role="status" className={note.kind === 'ok' ? 'studio-ok' : 'studio-error'}>{note.text}</p>}
    </div>
  );
}

/** An intent's label in `lang` (the scenario's own definition first, then the lexicon's); undefined when it has none. */
export function intentLabelIn(id: string, compiled: CompiledScenario, lexicon: Lexicon | undefined, lang: 'zh-CN' | 'en'): string | undefined {
  const label = compiled.scenario.intents[id]?.label ?? lexicon?.intents[id]?.label;
  return label?.[lang].trim() || undefined;
}
