// The class-wide reveal from the trainer's side: pick a chat step (对话环节: a buyer move) the
// trainees have reached, freeze the drill there and see the replies anonymised, then show them to
// the class; resume goes on from the controls. Moves are named by their labels (an unlabelled move
// by its id; the id joins a label only to tell two moves of the same label apart), and in a drill
// of several scenarios each move by its scenario's title too. In an exam that is still on, showing
// the reveal to the class waits for the trainer to confirm (ExamRevealConfirm): it hands every
// examinee hints.
import { useId, useRef, useState } from 'react';
import { local } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import type { Refusal } from '../drill/dict.ts';
import { RevealBoard } from '../drill/RevealBoard.tsx';
import { ExamRevealConfirm } from './ExamRevealConfirm.tsx';
import { drillFailureText, useTrainerCount, useTrainerT } from './strings.ts';

export function RevealPanel() {
  const d = useTrainerT();
  const count = useTrainerCount();
  const id = useId();
  const live = useApp((s) => s.live);
  const reveal = useApp((s) => s.liveReveal);
  const control = useApp((s) => s.control);
  const lang = useApp((s) => s.lang);
  const [picked, setPicked] = useState('');
  // The seats the reveal was shown to (those in the drill then); the badge counts those still in it.
  const [shownTo, setShownTo] = useState<readonly string[] | null>(null);
  const [error, setError] = useState<Refusal | null>(null);
  const [confirming, setConfirming] = useState(false);
  const showButton = useRef<HTMLButtonElement>(null);
  if (!live) return null;
  const inDrill = (seatId: string) => {
    const status = live.tiles[seatId]?.status;
    return status !== undefined && status !== 'removed';
  };
  const shown = shownTo === null ? null : shownTo.filter(inDrill).length;
  // Every move seen so far, earliest first: the opening move is the one the whole class answered.
  const moves = new Map<string, { move: string; scenarioId: string; name: string }>();
  const labelled = (key: string) => {
    const label = live.moveLabels[key];
    return label ? local(label, lang) : undefined;
  };
  const multi = live.state.scenarios.length > 1;
  for (const key of live.moves) {
    const cut = key.indexOf('/');
    const scenarioId = key.slice(0, cut);
    const move = key.slice(cut + 1);
    const label = labelled(key);
    const shared = label !== undefined && live.moves.some((other) => other !== key && other.startsWith(`${scenarioId}/`) && labelled(other) === label);
    const name = label === undefined ? move : shared ? d('reveal.moveOption', { label, id: move }) : label;
    const scenario = live.state.scenarios.find((s) => s.id === scenarioId);
    moves.set(key, { scenarioId, move, name: multi ? d('reveal.inScenario', { scenario: scenario ? local(scenario.title, lang) : scenarioId, move: name }) : name });
  }
  const choice = moves.get(picked) ?? [...moves.values()][0];
  const show = () =>
    void control('drill:reveal-show').then((err) => {
      setError(err);
      if (!err) setShownTo(live.order.filter(inDrill));
    });
  // The panel shows only while the drill runs or is paused (frozen for the reveal): an exam still on.
  const exam = live.state.mode === 'exam' && live.state.status !== 'ended';
  const closeConfirm = () => {
    setConfirming(false);
    showButton.current?.focus();
  };
  const revealedMove = reveal ? (moves.get(`${reveal.scenarioId}/${reveal.move}`)?.name ?? (reveal.moveLabel ? local(reveal.moveLabel, lang) : reveal.move)) : '';
  return (
    <section className="panel trainer-card" aria-labelledby={`${id}-title`} data-testid="reveal-panel">
      <h2 id={`${id}-title`}>{d('reveal.title')}</h2>
      {moves.size === 0 ? (
        <p className="muted">{d('reveal.noMoves')}</p>
      ) : (
        <div className="trainer-row">
          <label htmlFor={`${id}-move`}>{d('reveal.pick')}</label>
          <select id={`${id}-move`} value={choice ? `${choice.scenarioId}/${choice.move}` : ''} onChange={(e) => setPicked(e.target.value)}>
            {[...moves.entries()].map(([key, m]) => (
              <option key={key} value={key}>
                {m.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn btn-blue"
            disabled={!choice}
            onClick={() => {
              if (!choice) return;
              setShownTo(null);
              setConfirming(false);
              void control('drill:reveal', { move: choice.move, scenarioId: choice.scenarioId }).then(setError);
            }}
          >
            {d('reveal.freeze')}
          </button>
          {reveal && (
            <button
              ref={showButton}
              type="button"
              className="btn btn-primary"
              aria-haspopup={exam ? 'dialog' : undefined}
              aria-expanded={exam ? confirming : undefined}
              onClick={() => (exam ? setConfirming(true) : show())}
            >
              {d('reveal.show')}
            </button>
          )}
          {shown !== null && (
            <span role="status" className="badge badge-green">
              {count('reveal.shown', shown)}
            </span>
          )}
        </div>
      )}
      {reveal && exam && confirming && (
        <ExamRevealConfirm
          move={revealedMove}
          trainees={live.order.filter(inDrill).length}
          onConfirm={() => {
            closeConfirm();
            show();
          }}
          onCancel={closeConfirm}
        />
      )}
      {error && (
        <p role="alert" className="drill-note">
          {d('room.failed', { message: drillFailureText(d, error) })}
        </p>
      )}
      {reveal && <RevealBoard reveal={reveal} />}
    </section>
  );
}
