// Before a reveal is shown during an exam: what it shows, and to whom, with a way back. Keyboard
// focus moves into it (on the safe choice) and Escape cancels; the panel puts focus back on the
// button that opened it.
import { useEffect, useId, useRef } from 'react';
import { useLiveT } from './liveStrings.ts';
import './live.css';

interface Props {
  /** the buyer move the reveal is about, by its name */
  move: string;
  /** trainees in the drill, who would see it */
  trainees: number;
  onConfirm(): void;
  onCancel(): void;
}

export function ExamRevealConfirm({ move, trainees, onConfirm, onCancel }: Props) {
  const v = useLiveT();
  const id = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div
      role="alertdialog"
      aria-modal="false"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      className="exam-reveal-confirm"
      data-testid="exam-reveal-confirm"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onCancel();
      }}
    >
      <h3 id={`${id}-title`}>{v('reveal.examTitle')}</h3>
      <p id={`${id}-body`}>{v('reveal.examBody', { n: trainees, move })}</p>
      <div className="exam-reveal-buttons">
        <button type="button" className="btn btn-primary" onClick={onConfirm}>
          {v('reveal.examConfirm')}
        </button>
        <button ref={cancel} type="button" className="btn" onClick={onCancel}>
          {v('reveal.examCancel')}
        </button>
      </div>
    </div>
  );
}
