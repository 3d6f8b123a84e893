// A trainer's drill history. Its pass rate and scores come from the same computation as the
// results page (results.ts summarize, through withCurrentSummary): a drill whose stored numbers
// were computed another way (before the drill score counted every buyer, say) has them made again
// from its results, and stored again, so the list and the results page never disagree.
import type { DrillListItem, DrillStore } from '../../store/drillStore.ts';
import { SUMMARY_VERSION, withCurrentSummary } from './results.ts';

export type HistoryStore = Pick<DrillStore, 'list' | 'results' | 'rewriteSummary'>;

export async function drillHistory(store: HistoryStore, trainerId: string): Promise<DrillListItem[]> {
  const items = await store.list(trainerId);
  const out: DrillListItem[] = [];
  // One at a time: stale rows are few (older drills, once each), and each read is a whole result.
  for (const item of items) out.push(await current(store, item));
  return out;
}

async function current(store: HistoryStore, item: DrillListItem): Promise<DrillListItem> {
  if (item.summary === null || item.summary.version === SUMMARY_VERSION) return item;
  const stored = await store.results(item.drillId);
  if (!stored?.results) return item;
  const summary = withCurrentSummary(stored.results).summary;
  // Kept only to spare the next listing the work: should the write fail, the list is right anyway.
  await store.rewriteSummary(item.drillId, summary).catch(() => undefined);
  return { ...item, summary };
}
