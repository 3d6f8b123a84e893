// In a classroom exam a trainee learns nothing of how a chat went (its outcome, score, verdicts,
// report) until the trainer ends the drill: a classmate still on that buyer would learn it from
// them. The trainer sees everything all along. A solo exam outside a drill is not held back.
import type { Mode } from '../protocol/index.ts';
import type { DeliveredEvent } from './liveSession.ts';

/** The events that say how a chat went. */
export function tellsResult(event: DeliveredEvent): boolean {
  return event.name === 'session:report' || event.name === 'session:outcome';
}

/** A drill in `status` playing `mode` holds its trainees' results back now. */
export function holdsResults(mode: Mode | string, status: string | undefined): boolean {
  return mode === 'exam' && status !== 'ended' && status !== 'cancelled';
}

/** What a seat may be sent of `events` now. */
export function forTrainee(events: DeliveredEvent[], held: boolean): DeliveredEvent[] {
  return held ? events.filter((e) => !tellsResult(e)) : events;
}
