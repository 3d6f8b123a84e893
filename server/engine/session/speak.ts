// Resolve the machine's `say` actions into paced buyer messages (seeded variant choice) and note
// what the buyer's moves mean for scoring: a complaint to answer, a link or file on offer.
import type { CompiledScenario } from './compile.ts';
import { PAUSE_MS, READ_MS, typingMs } from './pacing.ts';
import { fromRevision } from '../rubric/types.ts';
import { pick } from './prng.ts';
import type { SessionEffect, Message, SessionState } from './types.ts';

interface ActionLike {
  type: string;
  params?: unknown;
}

/** speak() on a copy of `state`: the state it returns is a new object (the input is left as it was). */
export function speak(
  compiled: CompiledScenario,
  state: SessionState,
  actions: readonly ActionLike[],
  now: number,
  effects: SessionEffect[],
  initial: boolean,
): SessionState {
  const draft: SessionState = { ...state };
  draft.messages = state.messages.slice();
  speakInto(compiled, draft, actions, now, effects, initial);
  return draft;
}

/**
 * The buyer's lines and entries of `actions`, written into `draft`: a state the current step owns
 * (a copy of the input whose `messages` array is its own too). Its fields are replaced, never the
 * objects they held: those may still be shared with the input state. Fields are set in the order
 * a `{ ...state, field: value }` copy would set them, so the key order of the result is the same.
 */
export function speakInto(
  compiled: CompiledScenario,
  draft: SessionState,
  actions: readonly ActionLike[],
  now: number,
  effects: SessionEffect[],
  initial: boolean,
): void {
  for (const action of actions) {
    if (action.type === 'entered') {
      const id = (action.params as { state: string }).state;
      const complaint = compiled.scenario.states[id]?.complaint;
      draft.visit = draft.visit + 1;
      draft.complaint = complaint ? { pending: true, quality: draft.complaint.quality || complaint === 'quality' } : draft.complaint;
    } else if (action.type === 'say') {
      const key = (action.params as { key: string }).key;
      const lines = compiled.lines.get(key);
      if (lines === undefined) continue;
      for (const line of lines) {
        const choice = pick(draft.rng, line.variants.length);
        const text = line.variants[unrepeated(draft, line.variants, choice.index)] ?? line.variants[0] ?? '';
        draft.rng = choice.state;
        schedule(draft, text, line.attachment, now, effects, initial);
      }
    }
  }
}

/**
 * The variant to say: the one drawn, unless it is word for word the buyer's last line and the line
 * has another (a person says 「行不行嘛」 once, then puts it differently); then the next one. The
 * draw itself is unchanged, so every later choice of the session stays what it was. From revision
 * 7 (rulesRevision.ts): an older session replays the lines it was shown.
 */
function unrepeated(state: SessionState, variants: readonly string[], drawn: number): number {
  if (variants.length < 2 || !fromRevision(state.rulesRevision, 7)) return drawn;
  const last = lastBuyerText(state.messages);
  return variants[drawn] === last ? (drawn + 1) % variants.length : drawn;
}

function lastBuyerText(messages: readonly Message[]): string | undefined {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]?.from === 'buyer') return messages[i]?.text;
  return undefined;
}

function schedule(
  state: SessionState,
  text: string,
  attachment: Message['attachment'],
  now: number,
  effects: SessionEffect[],
  initial: boolean,
): void {
  const speed = state.speed;
  // The opening line is already there when the chat opens; later lines follow a read-and-type rhythm.
  const earliest = initial && state.lastBuyerAt === null ? now : now + READ_MS * speed;
  const typingAt = Math.max(earliest, state.lastBuyerAt === null ? earliest : state.lastBuyerAt + PAUSE_MS * speed);
  const at = initial && state.lastBuyerAt === null ? now : typingAt + typingMs(text, speed);
  const message: Message = {
    id: `m${state.messages.length + 1}`,
    from: 'buyer',
    text,
    at,
    typingAt: Math.min(typingAt, at),
  };
  if (attachment) message.attachment = attachment;
  effects.push({ type: 'message', message });
  const offersFile = attachment?.kind === 'file';
  state.messages.push(message);
  state.lastBuyerAt = at;
  state.offered = {
    unsafeLink: state.offered.unsafeLink || (attachment?.kind === 'link' && attachment.unsafe),
    file: state.offered.file || offersFile,
  };
  state.openFileOffers = offersFile ? [...state.openFileOffers, message.id] : state.openFileOffers;
}
