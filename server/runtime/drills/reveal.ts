// The class-wide reveal: every trainee's first reply to one buyer move, without names, ranked.
// Best first: no red line before a red line, then fewer failed rules, then more points.
import type { LocalText } from '../../engine/index.ts';
import type { Reveal, RevealEntry } from '../../protocol/index.ts';
import type { MoveReply } from './sessionShadow.ts';

export function buildReveal(drillId: string, scenarioId: string, move: string, replies: readonly (MoveReply | undefined)[], moveLabel?: LocalText): Reveal {
  const entries: Omit<RevealEntry, 'rank'>[] = [];
  let unanswered = 0;
  for (const reply of replies) {
    if (!reply) {
      unanswered++;
      continue;
    }
    const decided = reply.verdicts.filter((v) => v.verdict !== 'n/a');
    entries.push({
      text: reply.text,
      points: decided.reduce((sum, v) => sum + v.points, 0),
      max: decided.reduce((sum, v) => sum + v.max, 0),
      redLine: decided.some((v) => v.redLine && v.verdict === 'fail'),
      verdicts: reply.verdicts.map((v) => ({ rule: v.rule, ...(v.title ? { title: v.title } : {}), verdict: v.verdict, redLine: v.redLine, points: v.points, max: v.max, feedback: v.feedback })),
    });
  }
  const fails = (e: Omit<RevealEntry, 'rank'>) => e.verdicts.filter((v) => v.verdict === 'fail').length;
  // Ties keep no join order either: sort by text last so the order says nothing about who is who.
  const grade = (a: Omit<RevealEntry, 'rank'>, b: Omit<RevealEntry, 'rank'>) => Number(a.redLine) - Number(b.redLine) || fails(a) - fails(b) || b.points - a.points;
  entries.sort((a, b) => grade(a, b) || a.text.localeCompare(b.text));
  // Replies graded alike share a rank (1, 1, 3): the text order among them ranks nothing.
  const ranked = entries.map((e) => ({ rank: entries.findIndex((o) => grade(o, e) === 0) + 1, ...e }));
  return { drillId, scenarioId, move, ...(moveLabel ? { moveLabel } : {}), entries: ranked, unanswered };
}

/**
 * Every buyer move some seat has answered, as "scenarioId/move", first answered first: the moves a
 * reveal can pick. Sent by the server because the dashboard's tiles are throttled and a move the
 * class passes through quickly would never show on one.
 */
export function revealableMoves(seats: Iterable<{ shadows: readonly { scenarioId: string; replies: ReadonlyMap<string, unknown> }[] }>): string[] {
  const out = new Set<string>();
  for (const seat of seats) for (const shadow of seat.shadows) for (const move of shadow.replies.keys()) out.add(`${shadow.scenarioId}/${move}`);
  return [...out];
}
