// "复制" asks for the copy's id in a modal dialog of the page (not window.prompt, which speaks the
// browser's language, cannot say what is wrong with an id and looks different everywhere). The
// field starts with a free `<id>-copy` and is focused; a missing, malformed or taken id is explained
// beside it and the dialog stays; Escape or Cancel closes it and focus goes back to the button that
// opened it. A refusal from the server (the id was taken meanwhile) is shown in the dialog too.
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ID_PATTERN } from './api.ts';
import { useStudioT } from './strings.ts';
import { ScenarioIdInput } from './ScenarioIdInput.tsx';

interface Props {
  /** the scenario being copied; null: the dialog is closed */
  from: string | null;
  /** ids the library or the studio already has */
  taken: ReadonlySet<string>;
  /** makes the copy (and leaves the page); resolves to the words of a refusal, or null */
  onDuplicate(from: string, id: string): Promise<string | null>;
  onClose(): void;
}

/** `<id>-copy`, or `<id>-copy-2`, ... when that is taken too. */
export function freeCopyId(from: string, taken: ReadonlySet<string>): string {
  const base = `${from}-copy`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

type Problem = { key: 'create.noId' | 'create.badId' | 'dup.taken'; id: string } | { text: string };

export function DuplicateDialog({ from, taken, onDuplicate, onClose }: Props) {
  const uid = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const busy = useRef(false);

  // A layout effect: it runs before the form's focus moves into the field, so `opener` is the button.
  useLayoutEffect(() => {
    const el = dialog.current;
    if (!el || from === null) return;
    const opener = document.activeElement;
    // jsdom has no showModal: the attribute opens it there.
    if (!el.open) {
      if (typeof el.showModal === 'function') el.showModal();
      else el.setAttribute('open', '');
    }
    return () => {
      if (el.open) {
        if (typeof el.close === 'function') el.close();
        else el.removeAttribute('open');
      }
      // Back to where the trainer was (the browser does this for a modal, jsdom does not).
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [from]);

  const close = () => {
    if (!busy.current) onClose();
  };
  return (
    <dialog
      ref={dialog}
      className="studio-dialog"
      aria-labelledby={`${uid}-title`}
      onCancel={(e) => {
        // Escape: closed through the page's state, so the dialog and the list agree.
        e.preventDefault();
        close();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          close();
        }
      }}
    >
      {from !== null && <DuplicateForm key={from} uid={uid} from={from} taken={taken} onDuplicate={onDuplicate} onCancel={close} onBusy={(now) => (busy.current = now)} />}
    </dialog>
  );
}

/** The dialog's content for one scenario: made afresh each time it opens, so it starts from a free id. */
function DuplicateForm({ uid, from, taken, onDuplicate, onCancel, onBusy }: Omit<Props, 'from' | 'onClose'> & { uid: string; from: string; onCancel(): void; onBusy(busy: boolean): void }) {
  const d = useStudioT();
  const input = useRef<HTMLInputElement>(null);
  const [id, setId] = useState(() => freeCopyId(from, taken));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [waiting, setWaiting] = useState(false);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (waiting) return;
    const wanted = id.trim();
    const wrong = wanted === '' ? 'create.noId' : !ID_PATTERN.test(wanted) ? 'create.badId' : taken.has(wanted) ? 'dup.taken' : null;
    if (wrong) {
      setProblem({ key: wrong, id: wanted });
      input.current?.focus();
      return;
    }
    // Escape does not close the dialog while the copy is being made.
    onBusy(true);
    setWaiting(true);
    const refused = await onDuplicate(from, wanted);
    onBusy(false);
    // Made: the page has moved on to the copy's editor and this form is gone.
    if (refused === null) return;
    setWaiting(false);
    setProblem({ text: refused });
    input.current?.focus();
  };

  const problemText = problem === null ? null : 'text' in problem ? problem.text : d(problem.key, { id: problem.id });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <h2 id={`${uid}-title`}>{d('dup.title', { from })}</h2>
      <ScenarioIdInput
        uid={uid}
        label={d('create.id')}
        value={id}
        onChange={(value) => {
          setId(value);
          setProblem(null);
        }}
        inputRef={input}
        problem={problemText}
      />
      <div className="studio-toolbar">
        <button type="submit" className="btn btn-primary" disabled={waiting}>{d('dup.submit')}</button>
        <button type="button" className="btn btn-ghost" disabled={waiting} onClick={onCancel}>{d('dup.cancel')}</button>
      </div>
    </form>
  );
}
