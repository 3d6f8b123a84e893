// A scripted trainee: the `score` CLI, persona tests and benchmarks replay one through the same
// step() the server uses. Time is simulated: each turn comes `afterMs` after the buyer's last line.
import { z } from 'zod';
import type { Report } from '../rubric/types.ts';
import type { CompiledScenario } from './compile.ts';
import { nextDeadline, sessionReport, startSession, step } from './step.ts';
import type { Message, SessionEvent, SessionState } from './types.ts';
import { SessionError } from './types.ts';

const afterMs = z.number().int().nonnegative().max(24 * 3600 * 1000).optional();
const turnSchema = z.union([
  z.object({ say: z.string(), afterMs }).strict(),
  z.object({ do: z.enum(['click-link', 'accept-file', 'decline-file', 'confirm-address']), afterMs }).strict(),
  z.object({ do: z.literal('send-card'), product: z.string().min(1), afterMs }).strict(),
  z.object({ do: z.literal('send-coupon'), coupon: z.string().min(1), afterMs }).strict(),
]);
export const scriptSchema = z.object({ turns: z.array(turnSchema) }).strict();
export type Script = z.infer<typeof scriptSchema>;
export type ScriptTurn = Script['turns'][number];

export const DEFAULT_AFTER_MS = 5000;

/** A script that cannot be played: the message names the turn (1-based) and why. */
export class ScriptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScriptError';
  }
}

export interface ScriptRun {
  state: SessionState;
  report: Report;
}

/** Parse untrusted JSON text into a script, or throw ScriptError with one clear line. */
export function parseScript(text: string): Script {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ScriptError(`the script is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = scriptSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'script';
    const turnNo = issue?.path[0] === 'turns' && typeof issue.path[1] === 'number' ? `turn ${issue.path[1] + 1}: ` : `${where}: `;
    throw new ScriptError(`${turnNo}${describeTurnIssue(data, issue?.path)}`);
  }
  return parsed.data;
}

function describeTurnIssue(data: unknown, path: readonly PropertyKey[] | undefined): string {
  const index = path?.[1];
  const turns = (data as { turns?: unknown[] } | null)?.turns;
  const turn = typeof index === 'number' && Array.isArray(turns) ? (turns[index] as Record<string, unknown> | undefined) : undefined;
  if (!turn || typeof turn !== 'object') return 'expected {"turns": [...]} with objects';
  if ('do' in turn) return `unknown or incomplete action ${JSON.stringify(turn['do'])} (use click-link, accept-file, decline-file, confirm-address, send-card with product, send-coupon with coupon)`;
  if ('say' in turn) return '"say" must be text and "afterMs" a non-negative number';
  return 'a turn needs "say" or "do"';
}

export function playScript(compiled: CompiledScenario, script: Script, seed: number, speed = 1): ScriptRun {
  let state = startSession(compiled, { seed, now: 0, speed }).state;
  let now = 0;
  script.turns.forEach((turn, i) => {
    const at = lastActivity(state) + (turn.afterMs ?? DEFAULT_AFTER_MS);
    state = runDeadlines(compiled, state, at);
    now = Math.max(now, at);
    const event = toEvent(state, turn, i, now);
    try {
      state = step(compiled, state, event, now).state;
    } catch (err) {
      if (err instanceof SessionError) throw new ScriptError(`turn ${i + 1}: ${err.message}`);
      throw err;
    }
  });
  // The buyer finishes what it was saying, then the trainee ends the chat.
  const end = Math.max(now, state.lastBuyerAt ?? 0);
  state = runDeadlines(compiled, state, end);
  if (!state.ended) state = step(compiled, state, { type: 'end' }, end).state;
  return { state, report: sessionReport(compiled, state) };
}

/** The last thing that happened in the chat: a buyer line or a trainee turn (one the buyer cannot see too). */
function lastActivity(state: SessionState): number {
  const trainee = state.messages.findLast((m) => m.from === 'trainee')?.at ?? 0;
  return Math.max(state.lastBuyerAt ?? 0, trainee);
}

/** Deliver the silence deadlines that fall before `until` (nudge, then leaving). */
function runDeadlines(compiled: CompiledScenario, state: SessionState, until: number): SessionState {
  let current = state;
  for (let deadline = nextDeadline(current); deadline !== null && deadline <= until; deadline = nextDeadline(current)) {
    current = step(compiled, current, { type: 'tick' }, deadline).state;
  }
  return current;
}

function toEvent(state: SessionState, turn: ScriptTurn, i: number, now: number): SessionEvent {
  if ('say' in turn) {
    if (turn.say.trim() === '') throw new ScriptError(`turn ${i + 1}: a reply cannot be empty`);
    return { type: 'reply', text: turn.say };
  }
  switch (turn.do) {
    case 'click-link': {
      const link = lastDelivered(state.messages, now, (m) => m.attachment?.kind === 'link' || m.attachment?.kind === 'product-link');
      if (!link) throw new ScriptError(`turn ${i + 1}: there is no link from the buyer to open`);
      return { type: 'link-opened', messageId: link.id };
    }
    case 'accept-file':
      return { type: 'file-accepted' };
    case 'decline-file':
      return { type: 'file-declined' };
    case 'confirm-address':
      return { type: 'address-confirmed' };
    case 'send-card':
      return { type: 'card-sent', product: turn.product };
    case 'send-coupon':
      return { type: 'coupon-sent', coupon: turn.coupon };
  }
}

function lastDelivered(messages: Message[], now: number, test: (m: Message) => boolean): Message | undefined {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m && m.from === 'buyer' && m.at <= now && test(m)) return m;
  }
  return undefined;
}
