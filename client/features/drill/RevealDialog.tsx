// The reveal the trainer shows the class, as a modal dialog over the trainee's chat.
import { useEffect, useRef } from 'react';
import { useApp } from '../../store/index.ts';
import { RevealBoard } from './RevealBoard.tsx';
import { useDrillT } from './strings.ts';

export function RevealDialog() {
  const d = useDrillT();
  const reveal = useApp((s) => s.drillReveal);
  const close = useApp((s) => s.closeReveal);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (reveal && !el.open) el.showModal();
    if (!reveal && el.open) el.close();
  }, [reveal]);
  return (
    <dialog ref={ref} className="reveal-dialog" aria-labelledby="reveal-title" onClose={close}>
      {reveal && (
        <>
          <h2 id="reveal-title">{d('reveal.title')}</h2>
          <p className="muted">{d('reveal.lead')}</p>
          <RevealBoard reveal={reveal} />
          <form method="dialog">
            <button type="submit" className="btn btn-primary">
              {d('reveal.close')}
            </button>
          </form>
        </>
      )}
    </dialog>
  );
}
