// A rule's scope as the forms offer it: one choice per value ('chat', 'first', 'state:<move>',
// 'replyTo:<move>'). Only moves where a reply can happen are offered: an ending (a move with an
// outcome) closes the chat, so a rule scoped to one would never see a reply.
import type { StateForm } from './formModel.ts';
import type { MoveName } from './moveNames.ts';
import type { useFormT } from './strings.ts';
import type { NewScope } from './yamlAdd.ts';

type D = ReturnType<typeof useFormT>;

/** The choice a scope value written in the YAML stands for; undefined for a shape the form does not edit. */
export function scopeChoice(value: unknown): string | undefined {
  if (value === undefined || value === 'chat') return 'chat';
  if (value === 'first') return 'first';
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1) {
    const scope = value as { state?: unknown; replyTo?: unknown };
    if (typeof scope.state === 'string') return `state:${scope.state}`;
    if (typeof scope.replyTo === 'string') return `replyTo:${scope.replyTo}`;
  }
  return undefined;
}

export function scopeOf(choice: string): NewScope {
  if (choice.startsWith('state:')) return { state: choice.slice(6) };
  if (choice.startsWith('replyTo:')) return { replyTo: choice.slice(8) };
  return choice === 'first' ? 'first' : 'chat';
}

export function scopeLabel(d: D, moveName: MoveName, choice: string): string {
  const scope = scopeOf(choice);
  if (scope === 'chat' || scope === 'first') return d(`scope.${scope}`);
  return 'state' in scope ? d('scope.state', { state: moveName(scope.state) }) : d('scope.replyTo', { state: moveName(scope.replyTo) });
}

/** The scopes a rule can have here: the whole chat, the first reply, and each move that is not an ending. */
export function scopeOptions(d: D, moveName: MoveName, states: readonly StateForm[]): { value: string; label: string }[] {
  const open = states.filter((s) => !s.terminal).map((s) => s.id);
  return ['chat', 'first', ...open.map((id) => `state:${id}`), ...open.map((id) => `replyTo:${id}`)].map((value) => ({ value, label: scopeLabel(d, moveName, value) }));
}
