// The answer to a save refused with 409: the draft was saved elsewhere after this page loaded it,
// by another trainer or by the same one in another tab (the words allow both). Says who and when, shows what differs between their text and the editor's, and lets the trainer
// load theirs (dropping the editor's changes) or overwrite theirs with the editor's, explicitly.
import { useEffect, useRef, useState } from 'react';
import { useApp } from '../../store/index.ts';
import { dateTime } from '../../ui/format.ts';
import { studioApi } from './api.ts';
import type { DraftConflict } from './api.ts';
import type { StudioAction } from './deleteDraft.ts';
import { failedText } from './deleteDraft.ts';
import { DiffView } from './DiffView.tsx';
import { useStudioT } from './strings.ts';

export type ConflictOutcome = 'loaded' | 'overwritten' | 'cancelled';

interface Props {
  id: string;
  /** the refused save's error; null: no dialog */
  conflict: DraftConflict | null;
  /** the editor's text now */
  mine(): string;
  /** put their text into the editor (after this page's revision moved to theirs) */
  onLoadTheirs(source: string): void;
  onDone(outcome: ConflictOutcome): void;
}

export function ConflictDialog({ id, conflict, mine, onLoadTheirs, onDone }: Props) {
  const d = useStudioT();
  const lang = useApp((s) => s.lang);
  const ref = useRef<HTMLDialogElement>(null);
  const [theirs, setTheirs] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (conflict && !el.open) el.showModal();
    if (!conflict && el.open) el.close();
    setTheirs(null);
    setError(null);
    // An answer for a conflict that has closed or changed since is dropped.
    let live = true;
    if (conflict) studioApi.peek(id).then((s) => live && setTheirs(s.from === 'draft' ? s.source : ''), () => live && setTheirs(null));
    return () => {
      live = false;
    };
  }, [conflict, id]);

  const act = async (action: StudioAction, run: () => Promise<ConflictOutcome>) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await run());
    } catch (err) {
      setError(failedText(d, err, action, id));
    } finally {
      setBusy(false);
    }
  };
  const loadTheirs = () =>
    act('load', async () => {
      const source = await studioApi.source(id);
      onLoadTheirs(source.source);
      return 'loaded';
    });
  const overwrite = () =>
    act('save', async () => {
      await studioApi.saveDraft(id, mine(), { overwrite: true });
      return 'overwritten';
    });

  const latest = conflict?.latest;
  return (
    <dialog ref={ref} className="studio-conflict" role="alertdialog" aria-labelledby={`${id}-conflict-title`} onCancel={(e) => busy && e.preventDefault()} onClose={() => conflict && !busy && onDone('cancelled')}>
      {conflict && (
        <>
          <h2 id={`${id}-conflict-title`}>{d('conflict.title')}</h2>
          <p>{latest ? d('conflict.savedBy', { who: latest.savedBy, when: dateTime(latest.savedAt, lang) }) : d('conflict.deleted')}</p>
          {theirs !== null && theirs !== '' && (
            <details>
              <summary>{d('conflict.showDiff')}</summary>
              <DiffView before={theirs} after={mine()} beforeLabel={d('conflict.theirs')} afterLabel={d('conflict.mine')} />
            </details>
          )}
          {error && <p className="studio-error" role="alert">{error}</p>}
          <div className="studio-toolbar">
            {latest && <button type="button" className="btn" disabled={busy} onClick={() => void loadTheirs()}>{d('conflict.loadTheirs')}</button>}
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void overwrite()}>{d('conflict.overwrite')}</button>
            <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => onDone('cancelled')}>{d('conflict.cancel')}</button>
          </div>
        </>
      )}
    </dialog>
  );
}
