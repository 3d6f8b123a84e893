// The JSON report of the `score` CLI. Other tools parse it: keep the field names stable.
import type { Kpis } from '../rubric/types.ts';
import type { CompiledScenario } from './compile.ts';
import type { ScriptRun } from './script.ts';
import type { Message } from './types.ts';

export interface ScoreJson {
  scenario: string;
  version: number;
  seed: number;
  outcome: string | null;
  passed: boolean;
  score: number;
  redLines: string[];
  rules: { id: string; category: string; verdict: string; turn: number | null; points: number; max: number }[];
  kpis: Kpis;
  transcript: { from: Message['from']; text: string; at: number; attachment?: Message['attachment']; action?: Message['action'] }[];
}

export function toScoreJson(compiled: CompiledScenario, run: ScriptRun): ScoreJson {
  const { state, report } = run;
  const transcript = [...state.messages]
    .sort((a, b) => a.at - b.at)
    .map((m) => ({
      from: m.from,
      text: m.text,
      at: m.at - state.startedAt,
      ...(m.attachment ? { attachment: m.attachment } : {}),
      ...(m.action ? { action: m.action } : {}),
    }));
  return {
    scenario: compiled.scenario.id,
    version: compiled.scenario.version,
    seed: state.seed,
    outcome: state.outcome?.kind ?? null,
    passed: report.passed,
    score: report.score,
    redLines: report.redLines,
    rules: report.rules.map((r) => ({ id: r.rule, category: r.category, verdict: r.verdict, turn: r.turn ?? null, points: r.points, max: r.max })),
    kpis: report.kpis,
    transcript,
  };
}
