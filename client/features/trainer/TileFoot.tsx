// The words at the foot of a tile: how much the trainee answered and how their drill ended for them.
// Plain words, not a bare 0 or a bare 已完成: 未作答 (never answered), 时间到 (the time limit ended
// it before they were through), 演练结束时未完成 (the trainer ended it), 已完成 only when they did
// go through every buyer.
import { tAny, useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import type { Tile } from '../../store/trainerSlice.ts';
import { useLiveT } from './liveStrings.ts';
import { useTrainerCount, useTrainerT } from './strings.ts';

export function TileFoot({ tile }: { tile: Tile }) {
  const d = useTrainerT();
  const l = useLiveT();
  const t = useT();
  const count = useTrainerCount();
  const state = useApp((s) => s.live?.state);
  const ended = state?.status === 'ended' || state?.status === 'cancelled';
  const removed = tile.status === 'removed';
  const over = tile.status === 'finished' || removed || ended;
  // The server says who ended it; a state without that word: the clock at the end reached the limit.
  const timeUp = state?.status === 'ended' && (state.endedBy !== undefined ? state.endedBy === 'time' : state.endsAt !== null && state.clock >= state.endsAt);
  // Through every buyer: the last one reached its ending (the drill's end marks every seat finished,
  // so the status alone does not say it).
  const through = tile.status === 'finished' && tile.outcome !== null && tile.position + 1 >= (state?.scenarios.length ?? 1);
  const end = removed
    ? d('tile.removed')
    : through
      ? // Through without a word to the last buyer: 未作答 says it, 已完成 would praise it.
        tile.turns > 0
        ? d('tile.finished')
        : null
      : state?.status === 'ended' && tile.status !== 'lobby'
        ? l(timeUp ? 'tile.timeUp' : 'tile.endedUnfinished')
        : null;
  return (
    <p className="tile-foot muted" data-testid="tile-foot">
      {/* "0 replies" would read like a score of nothing: a trainee who has not answered yet is said so. */}
      {tile.turns > 0 ? count('tile.turns', tile.turns) : over ? l('tile.noAnswer') : d('tile.noReply')}
      {tile.outcome && <> · {tAny(t, `outcome.${tile.outcome}`, tile.outcome)}</>}
      {end && <> · {end}</>}
    </p>
  );
}
