// Buyer lines, move by move: the move's name for trainers (Chinese, English optional), what the buyer says on
// entering a move, how they react to a reply (with the trigger spelled out), what they say when the
// agent is silent. Each line has wordings (variants) the buyer picks from at random: edit, add and
// remove them. Attachments are read-only.
// A move that is not an ending gains new reactions and, when it has none, a nudge (MoveAdditions);
// a reaction can be removed after a confirm.
import { useId, useState } from 'react';
import { actionKinds } from '../../../../server/engine/index.ts';
import type { Shop } from '../../../../server/engine/index.ts';
import { tAny, useT } from '../../../i18n/index.ts';
import { useApp } from '../../../store/index.ts';
import type { LineForm, LineGroup, StateForm, Trigger } from './formModel.ts';
import { ConfirmRemove } from './ConfirmRemove.tsx';
import { FieldProblems, ProblemCount, TextField, YamlJump } from './FormFields.tsx';
import type { FormApi } from './FormFields.tsx';
import { pathKey } from './fieldProblems.ts';
import type { IntentChoice } from './intentChoices.ts';
import { NewNudgeForm, NewReactionForm } from './MoveAdditions.tsx';
import { useFormT } from './strings.ts';
import type { FormKey } from './strings.ts';
import { labelGiven, removeReaction, setMoveLabel } from './yamlAdd.ts';
import type { YamlPath } from './yamlDoc.ts';
import { MoveNote } from './MoveNote.tsx';

type D = ReturnType<typeof useFormT>;

interface Props {
  states: readonly StateForm[];
  nudge: LineGroup | undefined;
  /** intents a new reaction can listen for */
  choices: readonly IntentChoice[];
  /** the scenario's shop: a new reaction to a card or coupon may name which one; undefined while unknown */
  shop: Shop | undefined;
  api: FormApi;
}

export function LinesForm({ states, nudge, choices, shop, api }: Props) {
  const d = useFormT();
  return (
    <div className="studio-form-section">
      <p className="muted">{d('lines.labelHint')}</p>
      {nudge && (
        <details className="studio-form-card">
          <summary>{d('lines.globalNudge')}</summary>
          <Group group={nudge} owner={d('lines.whereNudge')} api={api} />
        </details>
      )}
      {states.map((state, i) => <State key={state.id} state={state} states={states} choices={choices} shop={shop} open={i === 0} api={api} />)}
    </div>
  );
}

interface StateProps {
  state: StateForm;
  states: readonly StateForm[];
  choices: readonly IntentChoice[];
  shop: Shop | undefined;
  open: boolean;
  api: FormApi;
}

function State({ state, states, choices, shop, open, api }: StateProps) {
  const d = useFormT();
  const t = useT();
  const lang = useApp((s) => s.lang);
  const [adding, setAdding] = useState<'reaction' | 'nudge' | null>(null);
  // Silence in an ending is an error, and `silence: false` means the buyer waits without a word.
  const canNudge = !state.terminal && (state.silence === 'inherit' || state.silence === 'map') && !state.groups.some((g) => g.kind === 'nudge');
  const count = state.groups.reduce((n, g) => n + g.lines.length, 0);
  const ending = state.outcome ? ` · ${d('lines.outcome', { kind: tAny(t, `outcome.${state.outcome}`, state.outcome) })}` : '';
  // The English UI shows the Chinese name when there is no English one (as the engine does).
  const label = lang === 'en' && labelGiven(state.labelEn.value) ? state.labelEn.value : state.labelZh.value;
  // A label needs its Chinese; English is optional. English alone: the empty Chinese field says so
  // at once, in place of the check's messages about the label (a missing key, an empty string).
  const labelPath: YamlPath = ['states', state.id, 'label'];
  const noChinese = !labelGiven(state.labelZh.value) && labelGiven(state.labelEn.value);
  const covered = noChinese ? [labelPath, state.labelZh.path].map(pathKey) : [];
  const labelApi: FormApi = {
    ...api,
    problems: (path) => (covered.includes(pathKey(path)) ? [] : api.problems(path)),
    // Emptying both removes the label, emptying the English removes `en`; a label the move does not
    // have yet is written as its first key.
    set: (path, value) => void api.change((source) => setMoveLabel(source, state.id, path[path.length - 1] === 'en' ? 'en' : 'zh-CN', String(value))),
  };
  const needsZh = d('lines.labelNeedsZh');
  return (
    <details className="studio-form-card" open={open} data-state-lines={state.id}>
      <summary>
        {typeof label === 'string' && label !== '' ? d('lines.stateNamed', { id: state.id, label }) : d('lines.state', { id: state.id })}
        {ending} · {d('lines.count', { count })}
        <ProblemCount api={labelApi} extra={noChinese ? [needsZh] : []} paths={[['states', state.id], labelPath, state.labelZh.path, state.labelEn.path, ...state.groups.flatMap((g) => g.lines.flatMap((l) => [l.path, ...l.variants.map((v) => v.path)]))]} />
      </summary>
      {state.note && <MoveNote note={state.note} lang={lang} />}
      <FieldProblems api={api} path={['states', state.id]} />
      <TextField api={labelApi} field={state.labelZh} label={d('lines.labelZh', { state: state.id })} problem={noChinese ? needsZh : undefined} />
      <TextField api={labelApi} field={state.labelEn} label={d('lines.labelEn', { state: state.id })} />
      <FieldProblems api={labelApi} path={labelPath} />
      {state.groups.length === 0 && <p className="muted">{d('lines.none')}</p>}
      {state.groups.map((group, i) => <Group key={group.path.join('/')} group={group} owner={where(d, state.id, state.groups, i)} state={state.id} api={api} />)}
      {adding === 'reaction' && <NewReactionForm state={state} states={states} choices={choices} shop={shop} api={api} onDone={() => setAdding(null)} />}
      {adding === 'nudge' && <NewNudgeForm state={state} api={api} onDone={() => setAdding(null)} />}
      {adding === null && !state.terminal && (
        <div className="studio-form-variant studio-form-adds">
          <button type="button" className="btn btn-small studio-form-add" onClick={() => setAdding('reaction')}>{d('reaction.open')}</button>
          {canNudge && <button type="button" className="btn btn-small studio-form-add" onClick={() => setAdding('nudge')}>{d('nudge.open')}</button>}
        </div>
      )}
    </details>
  );
}

/** A name for a group of lines that is unique on the page: it labels the inputs. */
function where(d: D, id: string, groups: readonly LineGroup[], index: number): string {
  const group = groups[index];
  if (!group || group.kind === 'say') return id;
  if (group.kind === 'nudge') return `${id} ${d('lines.whereNudge')}`;
  const k = groups.slice(0, index + 1).filter((g) => g.kind === group.kind).length;
  return `${id} ${d(group.kind === 'auto' ? 'lines.whereAuto' : 'lines.whereReaction', { k })}`;
}

function triggerText(d: D, t: Trigger): string {
  let text = t.intents ? d('trigger.intent', { ids: t.intents.join(', ') }) : t.action ? d('trigger.action', { action: (actionKinds as readonly string[]).includes(t.action) ? d(`action.${t.action}` as FormKey) : t.action }) : t.otherwise ? d('trigger.else') : '';
  if (t.product) text += d('trigger.product', { product: t.product });
  if (t.when) text += d('trigger.when', { cond: Object.entries(t.when).map(([k, v]) => `${k} ${String(v)}`).join(', ') });
  if (t.goto) text += d('trigger.goto', { state: t.goto });
  return text;
}

function Group({ group, owner, state, api }: { group: LineGroup; owner: string; state?: string; api: FormApi }) {
  const d = useFormT();
  const title =
    group.kind === 'say' ? d('lines.say')
    : group.kind === 'nudge' ? d('lines.nudge')
    : d(group.kind === 'auto' ? 'lines.auto' : 'lines.reaction', { trigger: group.trigger ? triggerText(d, group.trigger) : '' });
  // A reaction is `on[index]` of its move: the whole transition can go.
  const index = group.path[3];
  const removable = state !== undefined && group.kind === 'reaction' && group.trigger && typeof index === 'number' ? { state, index, trigger: group.trigger } : undefined;
  return (
    <div className="studio-form-group">
      <h4>{title}</h4>
      {group.lines.map((line, i) => <Line key={i} line={line} n={i + 1} owner={owner} api={api} />)}
      {removable && (
        <ConfirmRemove
          label={d('reaction.remove')}
          question={d('reaction.removeAsk', { trigger: triggerText(d, removable.trigger) })}
          onRemove={() => api.change((source) => removeReaction(source, removable.state, removable.index, removable.trigger))}
        />
      )}
    </div>
  );
}

function attachmentText(attachment: Record<string, unknown>): string {
  return Object.entries(attachment).map(([k, v]) => `${k}: ${String(v)}`).join(', ');
}

function Line({ line, n, owner, api }: { line: LineForm; n: number; owner: string; api: FormApi }) {
  const d = useFormT();
  const [fresh, setFresh] = useState('');
  const freshId = useId();
  if (!line.editable) {
    return (
      <div className="studio-form-line">
        <p className="muted">{d('lines.complex')} <YamlJump api={api} span={line.span} /></p>
        <FieldProblems api={api} path={line.path} />
      </div>
    );
  }
  const add = () => {
    if (fresh.trim() === '') return;
    api.addVariant(line.path, fresh.trim());
    setFresh('');
  };
  const single = line.variants.length <= 1;
  return (
    <fieldset className="studio-form-line">
      <legend>{d('lines.line', { n })}</legend>
      <FieldProblems api={api} path={line.path} />
      {line.variants.map((variant, j) => {
        const names = { state: owner, n, m: j + 1 };
        const invalid = api.problems(variant.path).length > 0;
        return (
          <div key={j} className={`studio-form-variant${invalid ? ' is-invalid' : ''}`}>
            <input
              type="text"
              aria-label={d('lines.variant', names)}
              aria-invalid={invalid}
              value={typeof variant.value === 'string' ? variant.value : ''}
              onChange={(e) => api.set(variant.path, e.target.value)}
            />
            <button type="button" className="btn btn-small btn-ghost" disabled={single} aria-label={d('lines.removeLabel', names)} onClick={() => api.removeVariant(line.path, j, typeof variant.value === 'string' ? variant.value : undefined)}>
              {d('lines.remove')}
            </button>
            <FieldProblems api={api} path={variant.path} />
          </div>
        );
      })}
      <div className="studio-form-variant">
        <input
          id={freshId}
          type="text"
          aria-label={d('lines.new', { state: owner, n })}
          value={fresh}
          onChange={(e) => setFresh(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.nativeEvent.isComposing) add();
          }}
        />
        <button type="button" className="btn btn-small" disabled={fresh.trim() === ''} onClick={add}>{d('lines.add')}</button>
      </div>
      {line.attachment && <p className="muted">{d('lines.attachment', { what: attachmentText(line.attachment) })}</p>}
    </fieldset>
  );
}
