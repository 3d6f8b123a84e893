// The drill mode a trainer last opened a drill in, remembered in this browser: the form starts from
// it, or from practice (the low-stakes choice) the first time. Storage may be off: then practice.
import { browserStorage } from '../../store/persist.ts';

const KEY = 'kefu.trainer.drillMode';

export type DrillMode = 'practice' | 'exam';

export function lastDrillMode(): DrillMode {
  return browserStorage()?.getItem(KEY) === 'exam' ? 'exam' : 'practice';
}

export function rememberDrillMode(mode: DrillMode): void {
  try {
    browserStorage()?.setItem(KEY, mode);
  } catch {
    // A full or refused storage only loses the memory, never the drill.
  }
}
