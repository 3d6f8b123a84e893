// Every rule a trainee can be judged on has a short name in both languages, and the name travels
// with the verdict: the UI shows it on chips and in the report and has no names of its own.
import { describe, expect, it } from 'vitest';
import { GLOBAL_RULES, createRubric } from '../../../server/engine/rubric/index.ts';
import { globalRuleIds } from '../../../server/engine/scenario/schema.ts';
import { listScenarioFiles, loadScenarioFile } from '../../../server/store/scenarioFiles.ts';
import { END, drive, makeScenario, reply } from './fixtures.ts';

const han = (s: string) => [...s].filter((c) => /\p{Script=Han}/u.test(c)).length;

function expectShortTitle(title: { 'zh-CN': string; en: string } | undefined, what: string): void {
  expect(title, what).toBeDefined();
  if (title === undefined) return;
  expect(han(title['zh-CN']), `${what}: ${title['zh-CN']}`).toBeGreaterThan(0);
  expect(han(title['zh-CN']), `${what}: ${title['zh-CN']}`).toBeLessThanOrEqual(12);
  expect(title.en.length, `${what}: ${title.en}`).toBeGreaterThan(0);
  expect(title.en.length, `${what}: ${title.en}`).toBeLessThanOrEqual(40);
}

describe('rule titles', () => {
  it('every global rule has a short title', () => {
    expect(GLOBAL_RULES.map((g) => g.id).sort()).toEqual([...globalRuleIds].sort());
    for (const g of GLOBAL_RULES) expectShortTitle(g.title, g.id);
  });

  it('every rule of every library scenario has a short title', async () => {
    const files = await listScenarioFiles('scenarios');
    expect(files.length).toBeGreaterThanOrEqual(12);
    let rules = 0;
    for (const path of files) {
      const loaded = await loadScenarioFile(path);
      if (!loaded.ok) throw new Error(`${path}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
      for (const rule of loaded.value.rubric.rules) {
        expectShortTitle(rule.title, `${path} ${rule.id}`);
        rules += 1;
      }
    }
    expect(rules).toBeGreaterThan(0);
  });

  it('no scenario rule is named like a global rule of its scenario (one skill, one chip)', async () => {
    // Two chips whose names differ by a character (投诉先致歉 / 投诉先道歉) read as one skill counted twice.
    const near = (a: string, b: string) => a === b || (a.length === b.length && [...a].filter((c, i) => c !== b[i]).length <= 1);
    for (const path of await listScenarioFiles('scenarios')) {
      const loaded = await loadScenarioFile(path);
      if (!loaded.ok) throw new Error(path);
      const globals = GLOBAL_RULES.filter((g) => !loaded.value.rubric.disable.includes(g.id));
      for (const rule of loaded.value.rubric.rules) {
        for (const g of globals) {
          if (rule.title === undefined || g.title === undefined) continue;
          expect(near(rule.title['zh-CN'], g.title['zh-CN']), `${path} ${rule.id} ~ ${g.id}`).toBe(false);
        }
      }
    }
  });

  const title = { 'zh-CN': '提到满减', en: 'Mention the promo' };
  const text = { 'zh-CN': '说明', en: 'note' };
  const rubricDef = {
    rules: [
      { id: 'mention-promo', title, category: 'sales', feedback: text, modelReply: text, require: { intent: 'promo' } },
      { id: 'untitled', category: 'sales', feedback: text, modelReply: text, forbid: { match: { any: ['包邮'] } } },
    ],
  };

  it('live verdicts and the report carry the rule titles', () => {
    const rubric = createRubric(makeScenario(rubricDef));
    const { progress, live } = drive(rubric, [reply('亲，您好', { intents: ['greet'] }), reply('现在有满减', { intents: ['promo'] })]);
    expect(live.flat().find((v) => v.rule === 'mention-promo')?.title).toEqual(title);
    expect(live.flat().find((v) => v.rule === 'greeting')?.title).toEqual({ 'zh-CN': '欢迎语', en: 'Welcome greeting' });

    const report = rubric.finalize(progress, END);
    expect(report.rules.find((v) => v.rule === 'mention-promo')?.title).toEqual(title);
    for (const v of report.rules.filter((r) => r.rule !== 'untitled')) expect(v.title, v.rule).toBeDefined();
    // A rule written without a title simply has none; no key with an undefined value either.
    expect(report.rules.find((v) => v.rule === 'untitled')).not.toHaveProperty('title');
  });
});
