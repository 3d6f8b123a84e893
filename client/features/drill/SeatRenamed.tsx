// Said once after the join: the name typed was taken in this drill, so the seat has a numbered one
// (what the trainer's dashboard and the results show).
import { useApp } from '../../store/index.ts';
import { useDrillT } from './strings.ts';

export function SeatRenamed() {
  const d = useDrillT();
  const name = useApp((s) => s.seatRenamed);
  const dismiss = useApp((s) => s.dismissSeatRenamed);
  if (name === null) return null;
  return (
    <p className="drill-note drill-renamed" role="status" data-testid="seat-renamed">
      <span>{d('seat.renamed', { name })}</span>
      <button type="button" className="btn btn-small" onClick={dismiss}>
        {d('seat.renamedOk')}
      </button>
    </p>
  );
}
