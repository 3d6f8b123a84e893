// One studio scenario: the YAML editor with live diagnostics (the same checks as publishing, run in
// the browser, debounced; only the regex backtracking check is asked of the server: regexCheck.ts),
// save / publish / export, and the play-test, graph and form panels (the forms write into the
// editor as transactions, so one undo history covers both). Leaving with edits
// not saved asks first (leaveGuard.ts): a link, the browser's back button, a reload or closing the tab.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { sortDiagnostics } from '../../../server/engine/index.ts';
import { useApp } from '../../store/index.ts';
import { paths } from '../../store/route.ts';
import { AppLink } from '../../ui/AppLink.tsx';
import { DraftConflict, StudioError, studioApi } from './api.ts';
import type { StudioSource } from './api.ts';
import { checkSource, studioPath } from './checks.ts';
import { ConflictDialog } from './ConflictDialog.tsx';
import { failedText } from './deleteDraft.ts';
import type { CheckResult, StudioContext } from './checks.ts';
import { FormsPanel } from './forms/FormsPanel.tsx';
import { useFormT } from './forms/strings.ts';
import { useFormSync } from './forms/useFormSync.ts';
import { GraphView } from './GraphView.tsx';
import { useLeaveGuard } from './leaveGuard.ts';
import { PlayTest } from './PlayTest.tsx';
import { ProblemList, RefusalList } from './ProblemList.tsx';
import { useRegexSafety } from './regexCheck.ts';
import type { StudioT } from './strings.ts';
import { useStudioT } from './strings.ts';
import { StudioTabs } from './StudioTabs.tsx';
import { VersionsPanel } from './VersionsPanel.tsx';
import { YamlEditor } from './YamlEditor.tsx';
import type { YamlEditorHandle } from './YamlEditor.tsx';

/** Long enough not to re-check on every keystroke, short enough to feel live. */
const CHECK_DEBOUNCE_MS = 350;

export function StudioEditor({ id }: { id: string }) {
  const d = useStudioT();
  const [loaded, setLoaded] = useState<{ source: StudioSource; context: StudioContext } | null>(null);
  const [failed, setFailed] = useState<{ err: unknown } | null>(null);
  useEffect(() => {
    Promise.all([studioApi.source(id), studioApi.context()]).then(
      ([source, context]) => setLoaded({ source, context }),
      (err: unknown) => setFailed({ err }),
    );
  }, [id]);
  if (failed) return <p className="studio-error" role="alert">{failedText(d, failed.err, 'load', id)}</p>;
  if (!loaded) return <p className="muted" role="status">{d('editor.checking')}</p>;
  return <Loaded id={id} initial={loaded.source.source} context={loaded.context} />;
}

type EditorTab = 'play' | 'graph' | 'form' | 'versions';

function Loaded({ id, initial, context }: { id: string; initial: string; context: StudioContext }) {
  const d = useStudioT();
  const editor = useRef<YamlEditorHandle>(null);
  const [text, setText] = useState(initial);
  // The text as last loaded, saved or published: the editor holds unsaved changes while it differs.
  const [saved, setSaved] = useState(initial);
  useLeaveGuard(text !== saved, d('editor.leaveConfirm'));
  const [result, setResult] = useState<CheckResult>(() => checkSource(initial, id, context));
  // The text `result` was computed for: the forms place diagnostics only when it is theirs too.
  const [checkedText, setCheckedText] = useState(initial);
  // A refused publish keeps the text it refused (`refused`): once the editor holds other text the
  // refusal is stale and is not shown (an undo back to that text shows it again).
  // Its text is worded when shown, not when set: a switch of language rewords what is on screen.
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: (t: StudioT) => string; details?: string[]; refused?: string } | null>(null);
  const [tab, setTab] = useState<EditorTab>('play');
  const [conflict, setConflict] = useState<DraftConflict | null>(null);
  const navigate = useApp((s) => s.navigate);
  const forms = useFormSync(editor, initial);
  const f = useFormT();
  const shops = useMemo(() => Object.keys(context.shops), [context]);

  // One pause for everything that follows the typed text: the checks, the text they are for and the
  // forms, so fields and the diagnostics placed on them change together.
  const showInForms = forms.show;
  useEffect(() => {
    const timer = setTimeout(() => {
      setResult(checkSource(text, id, context));
      setCheckedText(text);
      showInForms(text);
    }, CHECK_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, id, context, showInForms]);

  /** The text saved, or null when the save did not happen. */
  const save = async (): Promise<string | null> => {
    const source = editor.current?.text() ?? text;
    try {
      await studioApi.saveDraft(id, source);
      setSaved(source);
      setStatus({ kind: 'ok', text: (t) => t('editor.saved') });
      return source;
    } catch (err) {
      if (err instanceof DraftConflict) {
        setStatus(null);
        setConflict(err);
        return null;
      }
      setStatus({ kind: 'error', text: (t) => failedText(t, err, 'save', id) });
      return null;
    }
  };
  const publish = async () => {
    const source = await save();
    if (source === null) return;
    try {
      const { version } = await studioApi.publish(id);
      // The server wrote the new version number into the YAML: show what was published.
      const published = await studioApi.source(id);
      editor.current?.replace(published.source);
      setSaved(published.source);
      setStatus({ kind: 'ok', text: (t) => t('editor.published', { version }) });
    } catch (err) {
      const details = err instanceof StudioError ? err.diagnostics : [];
      if (details.length > 0) setStatus({ kind: 'error', text: (t) => t('editor.publishRefused'), details, refused: source });
      else setStatus({ kind: 'error', text: (t) => failedText(t, err, 'publish', id), details });
    }
  };
  const shown = status && status.refused !== undefined && status.refused !== text ? null : status;
  const jump = useCallback((line: number, col: number) => editor.current?.jumpTo(line, col), []);
  const appendSource = (next: string) => editor.current?.replace(next);

  // Publish's backtracking check of the patterns runs on the server: its verdicts join the local ones.
  const regexProblems = useRegexSafety(text, checkedText, result, studioPath(id));
  const diagnostics = useMemo(
    () => (regexProblems.length > 0 ? sortDiagnostics([...result.diagnostics, ...regexProblems]) : result.diagnostics),
    [result, regexProblems],
  );
  const label = useMemo(() => d('editor.label'), [d]);
  return (
    <div className="studio-layout">
      <div className="studio-toolbar">
        <AppLink to={paths.trainer('/studio')}>{d('editor.back')}</AppLink>
        <strong>{id}</strong>
        <button type="button" className="btn btn-small" onClick={() => void save()}>{d('editor.save')}</button>
        <button type="button" className="btn btn-small btn-primary" onClick={() => void publish()}>{d('editor.publish')}</button>
        <a className="btn btn-small btn-ghost" href={studioApi.exportUrl(id)} download={`${id}.yaml`}>{d('list.export')}</a>
        {shown && (
          <span role="status" className={shown.kind === 'error' ? 'studio-error' : 'studio-ok'}>{shown.text(d)}</span>
        )}
      </div>
      {shown?.details && shown.details.length > 0 && (
        <RefusalList lines={shown.details} label={d('editor.publishRefused')} />
      )}
      <div className="studio-main">
        <div className="studio-left">
          <YamlEditor ref={editor} initial={initial} label={label} diagnostics={diagnostics} onChange={setText} />
          <ProblemList diagnostics={diagnostics} source={checkedText} onJump={jump} />
        </div>
        <div className="studio-right">
          <StudioTabs<EditorTab>
            tabs={[
              { key: 'play', label: d('tab.play') },
              { key: 'graph', label: d('tab.graph') },
              { key: 'form', label: f('tab') },
              { key: 'versions', label: d('tab.versions') },
            ]}
            selected={tab}
            onSelect={setTab}
          >
            {tab === 'play' && <PlayTest compiled={result.compiled} source={text} lexicon={context.lexicon} onAppend={appendSource} />}
            {tab === 'graph' && <GraphView scenario={result.scenario} map={result.map} diagnostics={diagnostics} onJump={jump} />}
            {/* The debounced text: a diff per keystroke would be wasted work. */}
            {tab === 'versions' && <VersionsPanel id={id} unsaved={checkedText} onDeleted={() => navigate(paths.trainer('/studio'))} />}
            {tab === 'form' && (
              <FormsPanel source={forms.formSource} diagnostics={diagnostics} checkedSource={checkedText} shops={shops} catalog={context.shops} lexicon={context.lexicon} onEdit={forms.edit} onJump={jump} />
            )}
          </StudioTabs>
        </div>
      </div>
      <ConflictDialog
        id={id}
        conflict={conflict}
        mine={() => editor.current?.text() ?? text}
        onLoadTheirs={(source) => {
          editor.current?.replace(source);
          setSaved(source);
        }}
        onDone={(outcome) => {
          setConflict(null);
          if (outcome === 'overwritten') setSaved(editor.current?.text() ?? text);
          if (outcome !== 'cancelled') setStatus({ kind: 'ok', text: (t) => t(outcome === 'loaded' ? 'conflict.loaded' : 'editor.saved') });
        }}
      />
    </div>
  );
}
