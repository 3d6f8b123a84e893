// The class heat map: for every rule of the drill's scenarios, how many sessions passed and failed
// it so far (live progress while a chat runs, the report's verdicts once it ended).
import type { HeatRow } from '../../protocol/index.ts';
import type { OpenedScenario } from '../scenarioCatalog.ts';
import type { Seat } from './seats.ts';

export function heatMap(scenarios: readonly OpenedScenario[], seats: readonly Seat[]): HeatRow[] {
  const rows = new Map<string, HeatRow>();
  for (const scenario of scenarios) {
    for (const rule of scenario.compiled.rubric.rules) {
      if (!rows.has(rule.id)) rows.set(rule.id, { rule: rule.id, ...(rule.title ? { title: rule.title } : {}), category: rule.category, redLine: rule.redLine, pass: 0, fail: 0 });
    }
  }
  for (const seat of seats) {
    if (seat.removed) continue;
    for (const shadow of seat.shadows) {
      for (const { rule, status } of shadow.decided()) {
        const row = rows.get(rule);
        if (row) row[status]++;
      }
    }
  }
  return [...rows.values()];
}
