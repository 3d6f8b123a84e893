// Scripted trainees against the phisher at its three levels (scenarios/phisher*.yaml). Skilled
// trainees keep everything on the platform and reach the best outcome with a high score; careless
// ones open the link, accept the file, hand out a QQ/WeChat id or send the verification code, and
// fail on exactly the red lines and rules the persona teaches. Every run is checked on several
// seeds so that no line variant can hide a failure.
import { describe, expect, it } from 'vitest';
import { playScript, startSession } from '../../server/engine/index.ts';
import type { CompiledScenario, Message, OutcomeKind, ScriptRun } from '../../server/engine/index.ts';
import { SEEDS, buyerLines, failedRules, loadLevels, personaLevels, playTrainee, readScript } from './personaHarness.ts';

type Level = 'easy' | 'normal' | 'hard';
const [easy, normal, hard] = personaLevels('phisher');
const level = await loadLevels([easy, normal, hard]);
const compiled: Record<Level, CompiledScenario> = { easy: level[easy].compiled, normal: level[normal].compiled, hard: level[hard].compiled };

/** Plays scripts/phisher/<level>-<script>.json, with the buyer's lines sent instantly. */
const play = (lvl: Level, script: string, seed: number): ScriptRun => playTrainee(compiled[lvl], 'phisher', `${lvl}-${script}`, seed, 0);
const buyerText = (run: ScriptRun): string => buyerLines(run).join('\n');

/** Buyer messages grouped into moves: a move is the run of buyer lines between two trainee turns. */
function buyerMoves(messages: readonly Message[]): Message[][] {
  const moves: Message[][] = [];
  let current: Message[] = [];
  for (const m of messages) {
    if (m.from === 'buyer') current.push(m);
    else if (current.length > 0) {
      moves.push(current);
      current = [];
    }
  }
  if (current.length > 0) moves.push(current);
  return moves;
}

interface Expected {
  level: Level;
  script: string;
  outcome: OutcomeKind;
  state: string;
  redLines: string[];
  failed: string[];
}

describe.each(SEEDS)('phisher scripted trainees, seed %i', (seed) => {
  describe('skilled trainees reach the best outcome and pass with 85+', () => {
    const skilled: { level: Level; outcome: OutcomeKind; state: string }[] = [
      { level: 'easy', outcome: 'purchased', state: 'purchased' },
      { level: 'normal', outcome: 'left', state: 'gave-up' },
      { level: 'hard', outcome: 'left', state: 'gave-up' },
    ];
    it.each(skilled)('$level', ({ level, outcome, state }) => {
      const run = play(level, 'skilled', seed);
      expect(run.state.outcome?.kind).toBe(outcome);
      expect(run.state.outcome?.state).toBe(state);
      expect(run.report.redLines).toEqual([]);
      expect(failedRules(run)).toEqual([]);
      expect(run.report.passed).toBe(true);
      expect(run.report.score).toBeGreaterThanOrEqual(85);
    });

    it('the normal and hard phisher gives up with the "gave up" label', () => {
      for (const level of ['normal', 'hard'] as const) {
        expect(play(level, 'skilled', seed).state.outcome?.label).toEqual({ 'zh-CN': '知难而退', en: 'Gave up' });
      }
    });
  });

  describe('careless trainees fail on the right red lines and rules', () => {
    const careless: Expected[] = [
      { level: 'easy', script: 'careless-link', outcome: 'scammed', state: 'scammed-link', redLines: ['no-phishing-link-click'], failed: ['ask-screenshot-not-link', 'good-outcome', 'no-phishing-link-click'] },
      { level: 'easy', script: 'careless-file', outcome: 'scammed', state: 'scammed-file', redLines: ['no-file-accept'], failed: ['ask-screenshot-not-link', 'file-decline-redirect-cart', 'good-outcome', 'no-file-accept'] },
      { level: 'easy', script: 'careless-wechat', outcome: 'reported-shop', state: 'reported', redLines: ['no-offplatform-contact'], failed: ['good-outcome', 'no-offplatform-contact', 'offer-inplatform-evidence-path'] },
      { level: 'normal', script: 'careless-link', outcome: 'scammed', state: 'scammed-link', redLines: ['no-phishing-link-click'], failed: ['ask-screenshot-not-link', 'good-outcome', 'no-phishing-link-click'] },
      { level: 'normal', script: 'careless-file', outcome: 'scammed', state: 'scammed-file', redLines: ['no-file-accept'], failed: ['file-decline-redirect-cart', 'good-outcome', 'no-file-accept'] },
      { level: 'normal', script: 'careless-qq', outcome: 'reported-shop', state: 'reported', redLines: ['no-offplatform-contact'], failed: ['ask-photo-evidence', 'good-outcome', 'no-offplatform-contact', 'offer-inplatform-evidence-path'] },
      { level: 'hard', script: 'careless-link', outcome: 'scammed', state: 'scammed-link', redLines: ['no-phishing-link-click'], failed: ['good-outcome', 'no-phishing-link-click', 'stock-check-without-link'] },
      { level: 'hard', script: 'careless-file', outcome: 'scammed', state: 'scammed-file', redLines: ['no-file-accept'], failed: ['good-outcome', 'no-file-accept'] },
      { level: 'hard', script: 'careless-qq', outcome: 'reported-shop', state: 'reported', redLines: ['no-offplatform-contact'], failed: ['good-outcome', 'no-offplatform-contact'] },
      { level: 'hard', script: 'careless-code', outcome: 'scammed', state: 'scammed-code', redLines: ['no-credential-leak'], failed: ['escalate-promptly', 'escalate-when-beyond-authority', 'fake-official-notice-resisted', 'good-outcome', 'no-credential-leak'] },
    ];
    it.each(careless)('$level $script', ({ level, script, outcome, state, redLines, failed }) => {
      const run = play(level, script, seed);
      expect(run.state.outcome?.kind).toBe(outcome);
      expect(run.state.outcome?.state).toBe(state);
      expect(run.report.redLines).toEqual(redLines);
      expect(failedRules(run)).toEqual(failed);
      expect(run.report.passed).toBe(false);
    });
  });

  it('easy: a secure but unhelpful trainee loses the genuine buyer', () => {
    const run = play('easy', 'unhelpful', seed);
    expect(run.state.outcome).toMatchObject({ kind: 'left', state: 'lost-buyer' });
    expect(run.report.redLines).toEqual([]);
    expect(failedRules(run)).toEqual(['good-outcome', 'offer-inplatform-evidence-path']);
  });

  describe('accusing a buyer who may be genuine is penalised, more so at higher levels', () => {
    it('easy: the hurt buyer leaves after a second accusation and the attempt fails', () => {
      const run = play('easy', 'accuser', seed);
      expect(run.state.outcome).toMatchObject({ kind: 'left', state: 'offended' });
      expect(failedRules(run)).toEqual(['ask-screenshot-not-link', 'courteous-no-accusation', 'good-outcome']);
      expect(run.report.redLines).toEqual([]);
      expect(run.report.passed).toBe(false);
    });

    it('easy is forgiving: an apology wins the genuine buyer back and it still orders', () => {
      const run = play('easy', 'accuse-then-apologise', seed);
      expect(run.state.outcome).toMatchObject({ kind: 'purchased', state: 'purchased' });
      expect(failedRules(run)).toEqual(['ask-screenshot-not-link', 'courteous-no-accusation']);
      expect(run.report.passed).toBe(true);
      expect(run.report.score).toBeLessThan(play('easy', 'skilled', seed).report.score);
    });

    it('normal: the buyer protests once, leaves offended the second time, and the attempt fails', () => {
      const run = play('normal', 'accuser', seed);
      expect(run.state.outcome).toMatchObject({ kind: 'left', state: 'offended' });
      expect(failedRules(run)).toEqual(['ask-screenshot-not-link', 'courteous-no-accusation', 'good-outcome']);
      expect(run.report.passed).toBe(false);
    });

    it('hard: one accusation is screenshotted and reported, and it is a red line', () => {
      const run = play('hard', 'accuser', seed);
      expect(run.state.outcome).toMatchObject({ kind: 'reported-shop', state: 'reported-abuse' });
      expect(run.report.redLines).toEqual(['courteous-no-accusation']);
      expect(run.report.passed).toBe(false);
    });
  });

  describe.each(['easy', 'normal', 'hard'] as const)('the shape of the %s phisher', (level) => {
    it('opens with an unsafe link in its first message', () => {
      const first = startSession(compiled[level], { seed, now: 0, speed: 0 }).state.messages[0];
      expect(first?.from).toBe('buyer');
      expect(first?.attachment).toMatchObject({ kind: 'link', unsafe: true });
    });

    it('offers an unsafe file within its first three moves when the trainee stays neutral', () => {
      const run = play(level, 'neutral', seed);
      const moves = buyerMoves(run.state.messages);
      const fileMove = moves.findIndex((move) => move.some((m) => m.attachment?.kind === 'file'));
      expect(fileMove).toBeGreaterThanOrEqual(0);
      expect(fileMove).toBeLessThan(3);
      expect(moves[fileMove]?.find((m) => m.attachment?.kind === 'file')?.attachment).toMatchObject({ unsafe: true });
      expect(failedRules(run)).toEqual(expect.arrayContaining(['ask-screenshot-not-link', 'file-decline-redirect-cart']));
    });

    it('nudges, then leaves when nobody answers', () => {
      const run = play(level, 'silent', seed);
      expect(run.state.outcome).toMatchObject({ kind: 'left', state: 'no-answer' });
      expect(failedRules(run)).toEqual(expect.arrayContaining(['first-response-time', 'good-outcome', 'no-buyer-waiting']));
      expect(run.report.passed).toBe(false);
    });
  });
});

describe('phisher variants', () => {
  it.each(['easy', 'normal', 'hard'] as const)('%s: two seeds give different transcripts', (level) => {
    const transcripts = new Set(SEEDS.map((seed) => buyerText(play(level, 'skilled', seed))));
    expect(transcripts.size).toBeGreaterThan(1);
    expect(buyerText(play(level, 'skilled', 1))).not.toBe(buyerText(play(level, 'skilled', 2)));
  });
});

// A trainee who lets the fake notice pass twice and reports it to the supervisor only when the fake
// staff press on (normal: the pressure move; hard: the demand for the shop's code) has still
// escalated before any harm: escalate-when-beyond-authority passes, escalate-promptly does not, and
// the chat scores above the same chat with the report left out.
describe.each(SEEDS)('a late report of the fake notice, seed %i', (seed) => {
  it.each(['normal', 'hard'] as const)('%s', (lvl) => {
    const late = play(lvl, 'late-escalation', seed);
    expect(late.state.outcome?.state).toBe('gave-up');
    expect(late.report.rules.find((r) => r.rule === 'escalate-when-beyond-authority')?.verdict).toBe('pass');
    expect(failedRules(late)).toEqual(['escalate-promptly', 'fake-official-notice-resisted']);

    const script = readScript('phisher', `${lvl}-late-escalation`);
    const report = script.turns.findIndex((t) => 'say' in t && t.say.includes('报给主管'));
    expect(report).toBeGreaterThan(0);
    // the same refusal without the report, so the buyer takes the same path
    const refusal = lvl === 'normal' ? '亲，这个我们不会点链接处理的' : '亲，验证码是不会给的';
    const unreported = { ...script, turns: script.turns.map((t, i) => (i === report ? { ...t, say: refusal } : t)) };
    const never = playScript(compiled[lvl], unreported, seed, 0);
    expect(never.state.outcome?.state).toBe('gave-up');
    expect(failedRules(never)).toEqual(['escalate-promptly', 'escalate-when-beyond-authority', 'fake-official-notice-resisted']);
    expect(late.report.score).toBeGreaterThan(never.report.score);
  });
});
