// One studio scenario's versions: the published ones (immutable: sessions and drills name them) and
// the draft, with who saved each and when; a line diff between any two; a published version exported
// to the library as scenarios/<id>.yaml (admins only: the button is not offered to a trainer the
// page knows is not an admin, and the server's `not-admin` refusal is worded); the draft deleted.
// Works on its own page and, given the editor's unsaved text, beside the editor.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useApp } from '../../store/index.ts';
import { dateTime } from '../../ui/format.ts';
import { DraftConflict, ExportNeedsConfirm, studioApi } from './api.ts';
import type { VersionList } from './api.ts';
import type { StudioAction } from './deleteDraft.ts';
import { confirmDeleteDraft, failedText } from './deleteDraft.ts';
import { wordDiagnostic } from './diagnosticWords.ts';
import { DiffView } from './DiffView.tsx';
import { useStudioT } from './strings.ts';

interface Props {
  id: string;
  /** the editor's text, unsaved changes and all: offered as one side of the diff */
  unsaved?: string;
  /** the draft was deleted (the editor goes back to the list) */
  onDeleted?: () => void;
}

type Side = 'draft' | 'editor' | `v${number}`;

export function VersionsPanel({ id, unsaved, onDeleted }: Props) {
  const d = useStudioT();
  const lang = useApp((s) => s.lang);
  // /api/trainer/me says whether the trainer is an admin; until it is known the server decides.
  const notAdmin = useApp((s) => s.trainer !== null && !s.trainer.admin);
  const uid = useId();
  const [list, setList] = useState<VersionList | null>(null);
  const [texts, setTexts] = useState<Partial<Record<Side, string>>>({});
  const [sides, setSides] = useState<{ from: Side; to: Side } | null>(null);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const failed = useCallback((err: unknown, action: StudioAction = 'versions') => setStatus({ kind: 'error', text: failedText(d, err, action, id) }), [d, id]);
  // Only whether there is an editor side matters to the default pair, not its text.
  const hasEditor = unsaved !== undefined;

  const reload = useCallback(() => {
    studioApi.versions(id).then((loaded) => {
      setList(loaded);
      // The saved draft may have changed: read it again when it is shown.
      setTexts(({ draft: _stale, ...kept }) => kept);
      setSides((s) => s ?? defaultSides(loaded, hasEditor));
    }, failed);
  }, [id, hasEditor, failed]);
  useEffect(reload, [reload]);

  const options: { side: Side; label: string }[] = [
    ...(unsaved !== undefined ? [{ side: 'editor' as const, label: d('versions.editor') }] : []),
    ...(list?.draft ? [{ side: 'draft' as const, label: d('versions.draft') }] : []),
    ...(list?.versions ?? []).map((v) => ({ side: `v${v.version}` as const, label: d('versions.version', { version: v.version }) })),
  ];
  const label = (side: Side) => options.find((o) => o.side === side)?.label ?? side;
  const textOf = (side: Side): string | undefined => (side === 'editor' ? unsaved : texts[side]);

  // Sides being fetched: the first answer re-runs the effect, which must not fetch the other again.
  const fetching = useRef(new Set<Side>());
  useEffect(() => {
    if (!sides) return;
    for (const side of [sides.from, sides.to]) {
      if (side === 'editor' || texts[side] !== undefined || fetching.current.has(side)) continue;
      fetching.current.add(side);
      const loading = side === 'draft' ? studioApi.peek(id).then((s) => (s.from === 'draft' ? s.source : '')) : studioApi.version(id, Number(side.slice(1))).then((v) => v.source);
      loading.then((text) => setTexts((t) => ({ ...t, [side]: text })), failed).finally(() => fetching.current.delete(side));
    }
  }, [id, sides, texts, failed]);

  const exportVersion = async (version: number) => {
    setStatus(null);
    try {
      let done;
      try {
        done = await studioApi.exportToLibrary(id, version);
      } catch (err) {
        if (!(err instanceof ExportNeedsConfirm) || !window.confirm(d('export.confirm', { message: wordDiagnostic(err.message, lang) }))) throw err;
        done = await studioApi.exportToLibrary(id, version, true);
      }
      setStatus({ kind: 'ok', text: d(done.replaced ? 'export.replaced' : 'export.written', { file: done.file, version: done.version }) });
    } catch (err) {
      failed(err, 'export');
    }
  };
  const deleteDraft = async () => {
    const draft = list?.draft;
    if (!draft) return;
    try {
      if (!(await confirmDeleteDraft(d, lang, id, draft))) return;
      setStatus({ kind: 'ok', text: d('delete.done') });
      if (onDeleted) onDeleted();
      else reload();
    } catch (err) {
      if (err instanceof DraftConflict) reload();
      failed(err, 'delete');
    }
  };

  if (!list) return <p className="muted" role="status">{status?.text ?? d('editor.checking')}</p>;
  const before = sides ? textOf(sides.from) : undefined;
  const after = sides ? textOf(sides.to) : undefined;
  return (
    <section className="studio-versions" aria-label={d('versions.title')}>
      {status && <p role="status" className={status.kind === 'error' ? 'studio-error' : 'studio-ok'}>{status.text}</p>}
      <ul className="studio-list">
        {list.draft ? (
          <li>
            <strong>{d('versions.draft')}</strong>
            <span className="muted">{d('versions.savedBy', { who: list.draft.savedBy, when: dateTime(list.draft.savedAt, lang) })}</span>
            <button type="button" className="btn btn-small btn-ghost" onClick={() => void deleteDraft()}>{d('delete.draft')}</button>
          </li>
        ) : (
          <li className="muted">{d('versions.noDraft')}</li>
        )}
        {list.versions.length === 0 && <li className="muted">{d('versions.none')}</li>}
        {list.versions.map((v) => (
          <li key={v.version}>
            <strong>{d('versions.version', { version: v.version })}</strong>
            <span className="muted">{d('versions.publishedBy', { who: v.publishedBy, when: dateTime(v.publishedAt, lang) })}</span>
            <a className="btn btn-small btn-ghost" href={studioApi.exportUrl(id, v.version)} download={`${id}.yaml`}>{d('list.export')}</a>
            {!notAdmin && <button type="button" className="btn btn-small btn-ghost" onClick={() => void exportVersion(v.version)}>{d('export.toLibrary')}</button>}
          </li>
        ))}
      </ul>
      {notAdmin && list.versions.length > 0 && <p className="muted" data-testid="export-admin-only">{d('refusal.adminOnly')}</p>}
      {sides && options.length >= 2 && (
        <>
          <div className="studio-toolbar">
            <label htmlFor={`${uid}-from`}>{d('diff.from')}</label>
            <select id={`${uid}-from`} value={sides.from} onChange={(e) => setSides({ ...sides, from: e.target.value as Side })}>
              {options.map((o) => <option key={o.side} value={o.side}>{o.label}</option>)}
            </select>
            <label htmlFor={`${uid}-to`}>{d('diff.to')}</label>
            <select id={`${uid}-to`} value={sides.to} onChange={(e) => setSides({ ...sides, to: e.target.value as Side })}>
              {options.map((o) => <option key={o.side} value={o.side}>{o.label}</option>)}
            </select>
          </div>
          {before !== undefined && after !== undefined ? (
            <DiffView before={before} after={after} beforeLabel={label(sides.from)} afterLabel={label(sides.to)} />
          ) : (
            <p className="muted" role="status">{d('editor.checking')}</p>
          )}
        </>
      )}
    </section>
  );
}

/** Beside the editor: the newest version against the editor. Else the newest two versions, or the only one against the draft. */
function defaultSides(list: VersionList, withEditor: boolean): { from: Side; to: Side } | null {
  const [newest, previous] = list.versions;
  if (newest && withEditor) return { from: `v${newest.version}`, to: 'editor' };
  if (newest && previous) return { from: `v${previous.version}`, to: `v${newest.version}` };
  if (newest && list.draft) return { from: `v${newest.version}`, to: 'draft' };
  return null;
}
