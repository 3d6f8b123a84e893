// A move's `note` is for authors. The library's notes are English developer notes (with references
// to the design digest): in the Chinese UI one without any Chinese folds away behind a
// 「开发说明（英文）」 toggle instead of greeting a trainer who reads only Chinese; a note written in
// Chinese shows as it is. (A toggle button, not a nested <details>: the move card is one already.)
import { useId, useState } from 'react';
import { useFormT } from './strings.ts';

const HAN = /\p{Script=Han}/u;

/** Whether `note` should fold away in the UI language `lang`. */
export function foldsNote(note: string, lang: string): boolean {
  return lang !== 'en' && !HAN.test(note);
}

export function MoveNote({ note, lang }: { note: string; lang: string }) {
  const d = useFormT();
  const id = useId();
  const [open, setOpen] = useState(false);
  if (!foldsNote(note, lang)) return <p className="muted">{note}</p>;
  return (
    <div className="studio-form-devnote">
      <button type="button" className="linkish" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {d('lines.devNote')}
      </button>
      <p id={id} className="muted" lang="en" hidden={!open}>{note}</p>
    </div>
  );
}
