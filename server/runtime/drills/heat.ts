// The class heat map: for every rule of the drill's scenarios, in rubric order (rows never move as
// verdicts arrive), how many TRAINEES passed and failed it so far. One trainee counts once per rule,
// whatever the number of buyers: failed if they failed it with any buyer, passed if they passed it
// and failed it with none. Live progress while a chat runs, the report's verdicts once it ended.
// Removed trainees are left out, as in every class number (the dashboard says so).
import type { HeatRow } from '../../protocol/index.ts';
import type { OpenedScenario } from '../scenarioCatalog.ts';
import type { Seat } from './seats.ts';

type Decided = { rule: string; status: 'pass' | 'fail' };
type RuleInfo = Pick<HeatRow, 'rule' | 'title' | 'category' | 'redLine'>;

export function heatMap(scenarios: readonly OpenedScenario[], seats: readonly Seat[]): HeatRow[] {
  const trainees = seats.filter((s) => !s.removed).map((seat) => seat.shadows.flatMap((shadow) => [...shadow.decided()]));
  return heatRows(rubricRules(scenarios), trainees);
}

/** Every rule of the scenarios, first scenario first, each rule in its rubric's order. */
export function rubricRules(scenarios: readonly OpenedScenario[]): RuleInfo[] {
  const rules = new Map<string, RuleInfo>();
  for (const scenario of scenarios) {
    for (const rule of scenario.compiled.rubric.rules) {
      if (!rules.has(rule.id)) rules.set(rule.id, { rule: rule.id, ...(rule.title ? { title: rule.title } : {}), category: rule.category, redLine: rule.redLine });
    }
  }
  return [...rules.values()];
}

/**
 * `trainees`: each trainee's verdicts over all their chats. A rule no scenario lists (a stored drill
 * whose scenario changed) is added after the others, in the order first met.
 */
export function heatRows(rules: readonly RuleInfo[], trainees: readonly (readonly (Decided & Partial<RuleInfo>)[])[]): HeatRow[] {
  const rows = new Map<string, HeatRow>(rules.map((r) => [r.rule, { ...r, pass: 0, fail: 0 }]));
  for (const verdicts of trainees) {
    const mine = new Map<string, 'pass' | 'fail'>();
    for (const v of verdicts) {
      if (mine.get(v.rule) !== 'fail') mine.set(v.rule, v.status);
      if (!rows.has(v.rule) && v.category !== undefined) rows.set(v.rule, { rule: v.rule, ...(v.title ? { title: v.title } : {}), category: v.category, redLine: v.redLine ?? false, pass: 0, fail: 0 });
    }
    for (const [rule, status] of mine) {
      const row = rows.get(rule);
      if (row) row[status]++;
    }
  }
  return [...rows.values()];
}
