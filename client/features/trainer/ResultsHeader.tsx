// Under a results page's title: when the drill ran, its mode and its buyers in order, so a page
// opened from a link or a download says which drill it is without going back to the history.
import { local, useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import type { DrillResults } from '../../store/trainerSlice.ts';
import { dateTime } from '../../ui/format.ts';
import { useLiveT } from './liveStrings.ts';
import { modeName } from './modeName.ts';

export function ResultsHeader({ results }: { results: DrillResults }) {
  const l = useLiveT();
  const t = useT();
  const lang = useApp((s) => s.lang);
  const titles = useApp((s) => s.scenarios);
  const titleOf = (id: string) => {
    const found = titles?.state === 'ready' ? titles.data.find((sc) => sc.id === id) : undefined;
    return found ? local(found.title, lang) : id;
  };
  const at = results.startedAt ?? results.createdAt;
  const buyers = results.scenarioIds.map((id, i) => (results.scenarioIds.length > 1 ? `${i + 1}. ${titleOf(id)}` : titleOf(id))).join(l('results.buyerSep'));
  return (
    <p className="muted results-meta" data-testid="results-meta">
      {l('results.meta', { when: dateTime(at, lang), mode: modeName(t, results.mode), buyers })}
    </p>
  );
}
