// Resolve the machine's `say` actions into paced buyer messages (seeded variant choice) and note
// what the buyer's moves mean for scoring: a complaint to answer, a link or file on offer.
import type { CompiledScenario } from './compile.ts';
import { PAUSE_MS, READ_MS, typingMs } from './pacing.ts';
import { pick } from './prng.ts';
import type { SessionEffect, Message, SessionState } from './types.ts';

interface ActionLike {
  type: string;
  params?: unknown;
}

export function speak(
  compiled: CompiledScenario,
  state: SessionState,
  actions: readonly ActionLike[],
  now: number,
  effects: SessionEffect[],
  initial: boolean,
): SessionState {
  let next = state;
  for (const action of actions) {
    if (action.type === 'entered') {
      const id = (action.params as { state: string }).state;
      const complaint = compiled.scenario.states[id]?.complaint;
      next = {
        ...next,
        visit: next.visit + 1,
        complaint: complaint ? { pending: true, quality: next.complaint.quality || complaint === 'quality' } : next.complaint,
      };
    } else if (action.type === 'say') {
      const key = (action.params as { key: string }).key;
      for (const line of compiled.lines.get(key) ?? []) {
        const choice = pick(next.rng, line.variants.length);
        const text = line.variants[choice.index] ?? line.variants[0] ?? '';
        next = { ...next, rng: choice.state };
        next = schedule(next, text, line.attachment, now, effects, initial);
      }
    }
  }
  return next;
}

function schedule(
  state: SessionState,
  text: string,
  attachment: Message['attachment'],
  now: number,
  effects: SessionEffect[],
  initial: boolean,
): SessionState {
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
    ...(attachment ? { attachment } : {}),
  };
  effects.push({ type: 'message', message });
  const offersFile = attachment?.kind === 'file';
  return {
    ...state,
    messages: [...state.messages, message],
    lastBuyerAt: at,
    offered: {
      unsafeLink: state.offered.unsafeLink || (attachment?.kind === 'link' && attachment.unsafe),
      file: state.offered.file || offersFile,
    },
    openFileOffers: offersFile ? [...state.openFileOffers, message.id] : state.openFileOffers,
  };
}
