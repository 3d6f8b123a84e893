// Shared builders for the rubric tests: small scenarios through the real schema, turns whose
// features come from the real analyzeText, and a driver that threads progress through onTurn.
import { analyzeText } from '../../../server/engine/analysis/index.ts';
import { createRubric } from '../../../server/engine/rubric/index.ts';
import type { Rubric, RubricProgress } from '../../../server/engine/rubric/index.ts';
import type { EndContext, Report, TurnRecord, Verdict } from '../../../server/engine/rubric/types.ts';
import { scenarioSchema } from '../../../server/engine/scenario/schema.ts';
import type { ActionKind, Scenario } from '../../../server/engine/scenario/schema.ts';

export function makeScenario(rubric: Record<string, unknown> = {}): Scenario {
  return scenarioSchema.parse({
    id: 'rubric-test',
    version: 1,
    title: { 'zh-CN': '评分测试', en: 'Rubric test' },
    description: { 'zh-CN': '测试用场景', en: 'A scenario for tests' },
    persona: 'custom',
    difficulty: 'easy',
    shop: 'test-shop',
    buyer: { nickname: '小王', avatar: 'buyer.png', types: ['casual'] },
    initial: 'ask',
    states: {
      ask: { say: ['在吗？这双鞋有货吗'] },
      complain: { say: ['鞋子开胶了！'], complaint: 'quality' },
      bye: { say: ['好的谢谢'], outcome: { kind: 'left' } },
    },
    rubric,
  });
}

/** A turn before the driver numbers it. */
export type Step = Omit<TurnRecord, 'turn' | 'messageId'>;

interface TurnOpts {
  state?: string;
  firstInState?: boolean;
  /** null: the buyer had not spoken, so the turn has no response time */
  responseMs?: number | null;
  afterComplaint?: boolean;
  qualityComplaint?: boolean;
}

function base(o: TurnOpts): Step {
  const s: Step = {
    state: o.state ?? 'ask',
    firstInState: o.firstInState ?? false,
    afterComplaint: o.afterComplaint ?? false,
    qualityComplaint: o.qualityComplaint ?? false,
  };
  const ms = o.responseMs === undefined ? 5000 : o.responseMs;
  if (ms !== null) s.responseMs = ms;
  return s;
}

export function reply(text: string, o: TurnOpts & { intents?: string[] } = {}): Step {
  return { ...base(o), reply: { features: analyzeText(text), intents: o.intents ?? [] } };
}

export function act(kind: ActionKind, o: TurnOpts & { unsafe?: boolean; product?: string } = {}): Step {
  const action: NonNullable<TurnRecord['action']> = { kind };
  if (o.unsafe !== undefined) action.unsafe = o.unsafe;
  if (o.product !== undefined) action.product = o.product;
  // Actions carry no response time of their own in these tests unless asked for.
  return { ...base({ ...o, responseMs: o.responseMs ?? null }), action };
}

/** Turn numbers and message ids, continuing after `before` earlier turns. */
export function numbered(steps: readonly Step[], before = 0): TurnRecord[] {
  return steps.map((s, i) => {
    const n = before + i + 1;
    return { ...s, turn: n, messageId: `m${n.toString()}` };
  });
}

export interface Run {
  progress: RubricProgress;
  /** live verdicts, one list per turn */
  live: Verdict[][];
}

export function drive(rubric: Rubric, steps: readonly Step[], from?: RubricProgress): Run {
  let progress = from ?? rubric.initial();
  const live: Verdict[][] = [];
  for (const t of numbered(steps, progress.turns)) {
    const r = rubric.onTurn(progress, t);
    progress = r.progress;
    live.push(r.verdicts);
  }
  return { progress, live };
}

// A good ending with no silence, so the scores below come from the rules under test.
export const END: EndContext = { outcome: 'left', success: true, offered: { unsafeLink: false, file: false }, waited: { nudges: 0, left: false } };

export function report(steps: readonly Step[], rubric: Record<string, unknown> = {}, end: EndContext = END): Report {
  const r = createRubric(makeScenario(rubric));
  return r.finalize(drive(r, steps).progress, end);
}

export function verdictOf(rep: Report, rule: string): Verdict {
  const v = rep.rules.find((x) => x.rule === rule);
  if (v === undefined) throw new Error(`no verdict for ${rule}`);
  return v;
}

/** The verdict value of one rule after these steps. */
export function outcomeOf(rule: string, steps: readonly Step[], rubric: Record<string, unknown> = {}, end: EndContext = END): string {
  return verdictOf(report(steps, rubric, end), rule).verdict;
}
