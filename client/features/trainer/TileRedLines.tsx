// A tile's red lines, one line per buyer they were crossed with. The tile shows the buyer the trainee
// is on now; a red line from an earlier buyer left bare under it reads as crossed with this one.
import type { Tile } from '../../store/trainerSlice.ts';
import { useRuleName } from '../drill/dict.ts';
import { useLiveT } from './liveStrings.ts';
import { useTrainerT } from './strings.ts';

export function TileRedLines({ tile, buyers }: { tile: Tile; buyers: number }) {
  const d = useTrainerT();
  const l = useLiveT();
  const ruleName = useRuleName();
  if (tile.redLines.length === 0) return null;
  const names = (rules: readonly string[]) => rules.map((r) => ruleName(r, tile.ruleTitles?.[r])).join(d('tile.sep'));
  const at = tile.redLineBuyers;
  // One buyer in the drill (or a server that does not say which buyer): nothing to tell apart.
  if (buyers <= 1 || !at || at.length !== tile.redLines.length) {
    return (
      <p className="tile-redlines" role="status" data-testid="tile-redlines">
        {d('tile.redLines', { rules: names(tile.redLines) })}
      </p>
    );
  }
  const positions = [...new Set(at)].sort((a, b) => a - b);
  return (
    <div className="tile-redlines" role="status" data-testid="tile-redlines">
      {positions.map((p) => (
        <p key={p} data-buyer={p + 1}>
          {l('tile.redLinesAt', { at: p + 1, rules: names(tile.redLines.filter((_, i) => at[i] === p)) })}
        </p>
      ))}
    </div>
  );
}
