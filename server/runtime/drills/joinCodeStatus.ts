// What a join code leads to, for a trainee about to join (`drill:check`): told at once that the
// drill was cancelled or has ended, or that the code is unknown, before they type a name. The
// status only: nothing of the drill itself (its trainer, setup or seats) is given away.
import type { JoinCodeStatus } from '../../protocol/index.ts';
import type { DrillManager } from './drillManager.ts';

export async function joinCodeStatus(drills: Pick<DrillManager, 'byCode' | 'closedCode'>, code: string): Promise<JoinCodeStatus> {
  const drill = await drills.byCode(code);
  // Run by another live node: open (a drill lets go of its lease once ended or cancelled; one ending
  // right now is told by the join).
  if (drill === 'elsewhere') return 'open';
  if (drill === undefined) return (await drills.closedCode(code)) ?? 'unknown';
  if (drill.status === 'ended') return 'ended';
  // A cancel still being written is answered by how it ends, as a join is.
  if (drill.status === 'cancelled' && (await drill.settledStatus()) === 'cancelled') return 'cancelled';
  return 'open';
}
