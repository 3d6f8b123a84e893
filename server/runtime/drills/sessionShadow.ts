// A drill's view of one practice session: the engine state rebuilt step by step from the committed
// log (the engine is deterministic, so it equals the live state), with what the dashboard and the
// reveal need: the buyer's move, red lines as they happen, the first reply to each move; and for
// the trainer watching the chat, every reply's verdict marks (an exam's too).
import type { CompiledScenario, LocalText, OutcomeKind, Report, SessionEvent, SessionState, Verdict } from '../../engine/index.ts';
import { seenMove, sessionReport, startSession, step } from '../../engine/index.ts';
import type { ReleasedChat, VerdictMark } from '../../protocol/index.ts';
import type { LoggedEvent, SessionRow } from '../../store/sessionLog.ts';
import { toMark, toReportMarks } from '../ruleTexts.ts';

export interface MoveReply {
  text: string;
  verdicts: Verdict[];
}

export class SessionShadow {
  private state: SessionState;
  private live: number | null = null;
  readonly redLines: string[] = [];
  /** the short names of the red lines failed, for the dashboard */
  readonly titles: Record<string, LocalText> = {};
  /** the first reply to each buyer move */
  readonly replies = new Map<string, MoveReply>();
  report: Report | null = null;
  /** every reply's verdict marks so far, by message id */
  readonly marks = new Map<string, VerdictMark[]>();
  /** the marks the last applied event added (what a watching trainer has not heard of yet) */
  lastMarks: { messageId: string; verdicts: VerdictMark[] }[] = [];
  /** the scenario version this session plays (from its session row) */
  readonly scenarioVersion: number;

  constructor(
    readonly sessionId: string,
    readonly scenarioId: string,
    private readonly compiled: CompiledScenario,
    row: SessionRow,
  ) {
    this.scenarioVersion = row.scenario_version;
    this.state = startSession(compiled, { seed: row.seed, now: row.started_at, speed: row.speed, rulesRevision: row.rules_revision }).state;
  }

  /** One committed event; returns whether it failed a red line. */
  apply(event: LoggedEvent): boolean {
    const payload = event.payload as SessionEvent;
    // The move the trainee answered, as they saw it: a line crossing the buyer's next one (rubric
    // revision 4) follows up the move before, so the reveal files it there, not under the coming one.
    const move = seenMove(this.state, event.at).state;
    const heldBefore = this.state.held;
    const result = step(this.compiled, this.state, payload, event.at);
    // A holding line (revision 5: 稍等，我查一下) answers nothing: the reveal shows the answer after it.
    const holding = result.state.held !== heldBefore;
    this.state = result.state;
    this.live = null;
    let redLine = false;
    let text: string | null = null;
    const verdicts: Verdict[] = [];
    this.lastMarks = [];
    for (const effect of result.effects) {
      if (effect.type === 'message' && effect.message.from === 'trainee' && payload.type === 'reply') text = effect.message.text;
      if (effect.type === 'verdicts') {
        verdicts.push(...effect.verdicts);
        const added = effect.verdicts.map(toMark);
        const kept = (this.marks.get(effect.messageId) ?? []).filter((m) => !added.some((a) => a.rule === m.rule));
        this.marks.set(effect.messageId, [...kept, ...added]);
        this.lastMarks.push({ messageId: effect.messageId, verdicts: added });
      }
      if (effect.type === 'ended') this.report = effect.report;
    }
    for (const v of verdicts) {
      if (v.redLine && v.verdict === 'fail' && !this.redLines.includes(v.rule)) {
        this.redLines.push(v.rule);
        if (v.title) this.titles[v.rule] = v.title;
        redLine = true;
      }
    }
    if (text !== null && !holding && !this.replies.has(move)) this.replies.set(move, { text, verdicts });
    return redLine;
  }

  get move(): string {
    return this.state.machine.value;
  }

  get ended(): boolean {
    return this.state.ended;
  }

  get outcome(): OutcomeKind | null {
    return this.state.outcome?.kind ?? null;
  }

  get turns(): number {
    return this.state.turns;
  }

  /** The score as if the chat ended now (the report's once it has). */
  score(): number {
    if (this.report) return this.report.score;
    this.live ??= sessionReport(this.compiled, this.state).score;
    return this.live;
  }

  /**
   * Since when the buyer waits for an answer (drill clock), or null: the earliest buyer line shown
   * by `now` and said after the trainee's last turn. A line still being typed (its due time ahead,
   * as the engine schedules it) is not waiting yet, so a reply never starts the timer at once. A
   * buyer whose chat has its outcome (bought, left ...) waits for nothing, even before the trainee
   * presses 结束并评分: its closing line asks no answer.
   */
  waitingSince(now: number): number | null {
    const { lastTraineeAt, ended, messages } = this.state;
    if (ended || this.outcome !== null) return null;
    let since: number | null = null;
    for (const m of messages) {
      if (m.from !== 'buyer' || m.at > now || (lastTraineeAt !== null && m.at <= lastTraineeAt)) continue;
      if (since === null || m.at < since) since = m.at;
    }
    return since;
  }

  /** How the chat went, as its `session:report` says it (null until it has a report). */
  released(): ReleasedChat | null {
    return this.report ? { sessionId: this.sessionId, report: toReportMarks(this.report), outcome: this.state.outcome } : null;
  }

  /** The server stopped mid-chat: the report as if the chat ended where the log stops. */
  settleAsInterrupted(): void {
    this.report ??= sessionReport(this.compiled, this.state);
  }

  /** Rules decided so far (every rule once the session has its report). */
  *decided(): Iterable<{ rule: string; status: 'pass' | 'fail' }> {
    if (this.report) {
      for (const v of this.report.rules) if (v.verdict !== 'n/a') yield { rule: v.rule, status: v.verdict };
      return;
    }
    for (const [rule, progress] of Object.entries(this.state.rubric.rules)) {
      if (progress.status !== 'open') yield { rule, status: progress.status };
    }
  }
}
