// A classroom exam tells a trainee how a chat went only once the trainer ends the drill (the server
// holds the score, outcome and report back until then): an ended chat of a seat in such a drill,
// with no report yet, says so instead of "ended" with a report link that would show nothing.
import { useApp } from '../../store/index.ts';
import type { ChatSession } from '../../store/types.ts';

export function useResultsHeld(session: ChatSession): boolean {
  const inDrill = useApp((s) => s.isDrillSession(session.id));
  // Unknown (not on the seat's page yet): held, as the server holds it, until the drill says it ended.
  const drillEnded = useApp((s) => s.drillState?.status === 'ended');
  return inDrill && session.mode === 'exam' && session.ended && session.report === null && !drillEnded;
}

/**
 * How ending this chat is worded: `exam-next` / `exam-last` in a classroom exam still under way (no
 * score comes now; another buyer follows, or not), `scored` otherwise.
 */
export type EndWording = 'scored' | 'exam-next' | 'exam-last';

export function useEndWording(session: ChatSession): EndWording {
  return useApp((s) => {
    const seat = Object.values(s.seats).find((x) => x.sessionIds.includes(session.id));
    const status = s.drillState?.status;
    if (!seat || session.mode !== 'exam' || status === 'ended' || status === 'cancelled') return 'scored';
    const buyers = s.drillState?.drillId === seat.drillId ? s.drillState.scenarios.length : 0;
    return seat.sessionIds.length < buyers ? 'exam-next' : 'exam-last';
  });
}
