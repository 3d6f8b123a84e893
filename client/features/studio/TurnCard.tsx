// One turn of a play-test exchange: what the trainee did (a reply, a silence or an action such as
// opening a link), how a reply was read (the text the system read, under a toggle; intents with keyword hits and negations),
// the rules it fired, the buyer's move with the variables it changed and what the buyer said (with
// its links and files to act on); a reply can be saved as a test, an action cannot (the embedded
// test format holds replies only).
import { local, tAny, useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import { BuyerLineView } from './BuyerLineView.tsx';
import type { LineActions } from './BuyerLineView.tsx';
import type { PlayTurn } from './playSession.ts';
import { useStudioT } from './strings.ts';

interface Props {
  turn: PlayTurn;
  number: number;
  /** a move's label with its id (the id alone when it has no label) */
  moveName(id: string): string;
  /** an intent's short label in the page's language; undefined when it has none (the id shows alone) */
  intentLabel(id: string): string | undefined;
  lineActions: LineActions;
  onSave: ((kind: 'golden' | 'bad') => void) | undefined;
}

export function TurnCard({ turn, number, moveName, intentLabel, lineActions, onSave }: Props) {
  const d = useStudioT();
  const t = useT();
  const lang = useApp((s) => s.lang);
  const changed = Object.entries(turn.vars).filter(([k, v]) => turn.varsBefore[k] !== v);
  const subject = turn.subject === undefined ? '' : typeof turn.subject === 'string' ? turn.subject : local(turn.subject, lang);
  return (
    <section className="studio-play-result" aria-live="polite" data-testid="play-result" data-kind={turn.kind} aria-label={d('play.turn', { n: number })}>
      <p className="studio-play-trainee">
        <strong>{d('play.turn', { n: number })}</strong>{' '}
        {turn.kind === 'reply' && <span>{turn.reply}</span>}
        {turn.kind === 'silence' && <em>{d('play.silent', { seconds: Math.round((turn.waitedMs ?? 0) / 1000) })}</em>}
        {turn.kind === 'action' && turn.action && <em data-testid="play-action">{d(`play.did.${turn.action.type}`, { subject })}</em>}
      </p>
      {turn.kind === 'reply' && (
        <>
          <details className="studio-play-read">
            <summary>{d('play.normalized')}</summary>
            <p className="muted">{d('play.normalizedWhy')}</p>
            <p className="studio-mono">{turn.normalized}</p>
          </details>
          <h3>{d('play.intents')}</h3>
          {(turn.intents ?? []).length === 0 && <p className="muted">{d('play.noIntents')}</p>}
          <ul>
            {(turn.intents ?? []).map((e) => (
              <li key={e.intent} className={e.matched ? 'studio-hit' : 'muted'}>
                {/* The label trainers read, and the id the YAML uses. */}
                <strong>{intentLabel(e.intent) ?? e.intent}</strong>
                {intentLabel(e.intent) !== undefined && <span className="muted studio-mono"> {e.intent}</span>}{' '}
                {e.vetoedBy ? `(${d('play.vetoed', { by: intentLabel(e.vetoedBy) ?? e.vetoedBy })})` : ''}{' '}
                {/* One keyword can hit at one place through two matchers of the intent: the position in the list keeps keys unique. */}
                {e.hits.map((h, j) => (
                  <span key={`${h.keyword}@${h.index}#${j}`} className={h.negated ? 'studio-chip studio-chip-neg' : 'studio-chip'}>
                    {h.keyword}{h.negated ? ` · ${d('play.negated')}` : ''}
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
      {turn.verdicts.length > 0 && (
        <>
          <h3>{d('play.rules')}</h3>
          <ul>
            {turn.verdicts.map((v) => (
              <li key={v.rule} className={v.verdict === 'fail' ? 'studio-error' : 'studio-ok'}>
                {/* The title the trainee will see, and the id the YAML uses. */}
                {v.verdict === 'pass' ? '✓' : '✗'} {v.title ? local(v.title, lang) : v.rule}
                {v.title && <span className="muted studio-mono"> {v.rule}</span>}
                {v.redLine && <> <span className="studio-chip studio-chip-red">⚠ {d('play.redLine')}</span></>}
              </li>
            ))}
          </ul>
        </>
      )}
      <p data-testid="play-next">
        <strong>{d('play.next', { state: moveName(turn.next) })}</strong>
        {turn.next === turn.at ? ` ${d('play.stayed')}` : ` (${turn.at} → ${turn.next})`}
      </p>
      {changed.length > 0 && (
        <p className="muted" data-testid="play-vars">
          {d('play.vars')} {changed.map(([k, v]) => `${k}: ${String(turn.varsBefore[k])} → ${String(v)}`).join(', ')}
        </p>
      )}
      {turn.buyerLines.length > 0 && (
        <>
          <h3>{d('play.buyer')}</h3>
          <ul data-testid="play-buyer">
            {turn.buyerLines.map((line) => <BuyerLineView key={line.id} line={line} actions={lineActions} />)}
          </ul>
        </>
      )}
      {/* The ending by its name in the app's language, as the panel's own outcome line names it. */}
      {turn.outcome && (
        <p className="studio-ok">
          {d('play.outcome', { kind: tAny(t, `outcome.${turn.outcome.kind}`, turn.outcome.kind), state: moveName(turn.outcome.state) })}
        </p>
      )}
      {onSave && (
        <div className="studio-toolbar">
          <button type="button" className="btn btn-small" onClick={() => onSave('golden')}>{d('play.saveGolden')}</button>
          <button type="button" className="btn btn-small" onClick={() => onSave('bad')}>{d('play.saveBad')}</button>
        </div>
      )}
    </section>
  );
}
