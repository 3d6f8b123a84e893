// The abstract events that matter in one buyer move: each intent its transitions listen for, a reply
// matching none (else), each action, and silence. Path search over these covers every branch
// without inventing reply texts.
import type { CompiledScenario, MachineEvent } from './compile.ts';
import { effectiveSilence } from './compile.ts';

export function personaEvents(compiled: CompiledScenario, stateId: string): MachineEvent[] {
  const state = compiled.scenario.states[stateId];
  if (!state || state.outcome) return [];
  const events: MachineEvent[] = [{ type: 'reply', intents: [] }];
  const seen = new Set<string>(['reply:']);
  const add = (key: string, event: MachineEvent) => {
    if (seen.has(key)) return;
    seen.add(key);
    events.push(event);
  };
  for (const t of state.on ?? []) {
    if (t.intent !== undefined) for (const i of Array.isArray(t.intent) ? t.intent : [t.intent]) add(`reply:${i}`, { type: 'reply', intents: [i] });
    if (t.action !== undefined) {
      add(`action:${t.action}:${t.product ?? ''}`, t.product === undefined ? { type: 'action', kind: t.action } : { type: 'action', kind: t.action, product: t.product });
    }
  }
  const silence = effectiveSilence(compiled.scenario, state);
  if (silence?.nudgeAfter !== undefined) events.push({ type: 'silence.nudge' });
  if (silence?.leave !== undefined) events.push({ type: 'silence.leave' });
  return events;
}
