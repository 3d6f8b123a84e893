// The display names of a drill's buyer moves: each state's `label`, keyed "scenarioId/move" like the
// dashboard's move list. Read from the compiled scenarios the drill plays (the exact versions, so a
// drill taken over by another node rebuilds the same names from the same bundles); states without a
// label are left out and shown by their id.
import type { CompiledScenario, LocalText } from '../../engine/index.ts';

export function moveLabelsOf(scenarios: readonly { compiled: Pick<CompiledScenario, 'scenario'> }[]): Record<string, LocalText> {
  const out: Record<string, LocalText> = {};
  for (const { compiled } of scenarios) {
    for (const [move, state] of Object.entries(compiled.scenario.states)) {
      if (state.label) out[`${compiled.scenario.id}/${move}`] = state.label;
    }
  }
  return out;
}
