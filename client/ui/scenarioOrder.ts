// The order scenarios are listed in (the trainee's home page, the drill's buyer checkboxes, the studio's templates): the
// persona library's order (as on the trainee's home page), each persona from easy through normal to
// hard; a persona or a difficulty not known here after the known ones, then by id.
import type { ScenarioSummary } from '../store/types.ts';

// The engine's schema lists the same names (personaKinds, difficulties), but importing them would
// bring its validator (zod) into the first page load; unknown names sort last, so a new one is safe.
const PERSONAS = ['bargainer', 'size-hesitant', 'phisher', 'post-sale-complainer'];
const LEVELS = ['easy', 'normal', 'hard'];

const rank = (order: readonly string[], value: string) => {
  const at = order.indexOf(value);
  return at === -1 ? order.length : at;
};

export function byPersonaAndLevel(a: Pick<ScenarioSummary, 'id' | 'persona' | 'difficulty'>, b: Pick<ScenarioSummary, 'id' | 'persona' | 'difficulty'>): number {
  return (
    rank(PERSONAS, a.persona) - rank(PERSONAS, b.persona) ||
    a.persona.localeCompare(b.persona) ||
    rank(LEVELS, a.difficulty) - rank(LEVELS, b.difficulty) ||
    a.difficulty.localeCompare(b.difficulty) ||
    a.id.localeCompare(b.id)
  );
}
