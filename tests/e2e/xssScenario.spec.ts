// An XSS corpus in SCENARIO TEXT renders inert everywhere it is shown. A trainer publishes a studio
// scenario (through the studio HTTP API) whose title, description, buyer nickname, buyer lines, rule
// titles, feedback, model replies, outcome name and a buyer move's label carry the corpus; a trainee plays it in practice
// mode and reads the report; the trainer opens it in every studio view and runs a drill with it, two
// trainees joining under corpus display names. On every page: no dialog opens, no script element is
// added, nothing the corpus would set on window is set, no element the corpus describes exists, the
// server's Content-Security-Policy reports no violation, and the corpus shows as literal text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { parse, stringify } from 'yaml';
import { appUrl, endAndOpenReport, logInTrainer, sendReply, settled, shot, startChat, traineeLines } from './helpers.ts';
import { captureDialogs, guardPages } from './xssGuards.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CLEAN = '检查通过，内置测试全部通过';

/** Each string sets a different window.pwned value (or opens a dialog) should it ever run. */
const XSS = {
  script: `<script>alert('script');window.pwned=1</script>`,
  img: `<img src=x onerror="alert('img');window.pwned=2">`,
  link: `<a href="javascript:alert('link')">点我领券</a> javascript:alert(document.domain)`,
  svg: `<svg onload="alert('svg');window.pwned=3"><circle r=9 /></svg>`,
  template: `{{constructor.constructor('alert(1)')()}} \${alert('tpl')} <%= 7*7 %> #{7*7}`,
  frame: `"><iframe src="javascript:alert('frame')"></iframe><style>*{display:none}</style>`,
  nickname: `<img src=x onerror="alert('nick');window.pwned=4">`,
};

const TEXT = {
  title: `XSS 剧本 ${XSS.script}`,
  description: `${XSS.frame} 描述 ${XSS.template}`,
  outcome: `按活动价成交 ${XSS.svg}`,
  /** the label of the discount move (the dashboard and the reveal name the move by it) */
  move: `第一次砍价 ${XSS.img}`,
  /** Rule titles by rule id. */
  rules: { 'bargain-tactful-refusal': XSS.link, 'value-justification': XSS.template, 'shipping-fee-explained': XSS.frame, 'no-unauthorised-discount': XSS.svg },
  /** A buyer line (state, line index) that says only the corpus string. */
  lines: [
    ['opening', 0, XSS.script],
    ['ask-discount', 1, XSS.svg],
    ['press-discount', 1, XSS.template],
    ['ask-shipping', 1, XSS.frame],
    ['hesitate', 0, XSS.link],
    ['paying-promo', 1, XSS.img],
  ] as const,
};
const feedbackOf = (original: string) => `${original} ${XSS.img}`;
const modelReplyOf = (original: string) => `${original} ${XSS.script}`;

/** Trainee names in a drill (kept short and free of commas and quotes so the CSV shows them as is). */
const SEAT_NAMES = ['<img src=x onerror=alert(7)>', '<svg onload=alert(8)>'];

// The replies that walk the buyer from the opening to "bought at the festival price", failing the
// value rule on the way (so its model reply is shown).
const REPLIES = [
  '亲，您好，欢迎光临！39码雾霾蓝有货的哦',
  '亲，真不好意思呀，现在已经是冬季户外节的活动价399了，价格实在没法再低啦，请您理解哦~',
  '亲，真不好意思，价格确实没法再低了，请您理解',
  '亲，运费是快递公司按重量收的，我们只是代收哦',
  '亲，我们支持七天无理由退换，官方旗舰店正品，您放心',
  '好的亲，今天下午就给您发货',
];

type Rule = { id: string; title: Record<string, string>; feedback: Record<string, string>; modelReply?: Record<string, string> };
type Say = (string[] | { variants: string[] })[];
type Scenario = {
  id: string;
  title: Record<string, string>;
  description: Record<string, string>;
  buyer: { nickname: string };
  states: Record<string, { label?: Record<string, string>; say: Say; outcome?: { label: Record<string, string> } }>;
  rubric: { rules: Rule[] };
};

/** A copy of bargainer-easy under `id` with the corpus in every text a trainee or trainer reads. */
function corpusScenario(id: string): string {
  const scenario = parse(readFileSync(join(ROOT, 'scenarios', 'bargainer-easy.yaml'), 'utf8')) as Scenario;
  scenario.id = id;
  scenario.title['zh-CN'] = TEXT.title;
  scenario.description['zh-CN'] = TEXT.description;
  scenario.buyer.nickname = XSS.nickname;
  for (const [state, index, text] of TEXT.lines) {
    const say = scenario.states[state]?.say;
    if (!say || index >= say.length) throw new Error(`bargainer-easy has no line ${index} in ${state}`);
    const line = say[index];
    say[index] = Array.isArray(line) || line === undefined ? [text] : { ...line, variants: [text] };
  }
  const promo = scenario.states['bought-promo']?.outcome;
  if (!promo) throw new Error('bargainer-easy has no bought-promo outcome');
  promo.label['zh-CN'] = TEXT.outcome;
  const ask = scenario.states['ask-discount'];
  if (!ask?.label) throw new Error('bargainer-easy has no ask-discount label');
  ask.label['zh-CN'] = TEXT.move;
  for (const rule of scenario.rubric.rules) {
    const title = (TEXT.rules as Record<string, string>)[rule.id];
    if (title) rule.title['zh-CN'] = title;
    rule.feedback['zh-CN'] = feedbackOf(rule.feedback['zh-CN'] ?? '');
    if (rule.modelReply) rule.modelReply['zh-CN'] = modelReplyOf(rule.modelReply['zh-CN'] ?? '');
  }
  return stringify(scenario, { lineWidth: 0 });
}

/** Saves `source` as the draft (creating it when `base` is null) and publishes what was saved. */
async function publish(page: Page, id: string, source: string, base: string | null): Promise<number> {
  const saved = await page.request.put(appUrl(`/api/studio/scenarios/${id}/draft`), { data: { source, base } });
  expect(saved.status(), await saved.text()).toBe(200);
  const { revision } = (await saved.json()) as { revision: string };
  const published = await page.request.post(appUrl(`/api/studio/scenarios/${id}/publish`), { data: { base: revision } });
  expect(published.status(), await published.text()).toBe(201);
  return ((await published.json()) as { version: number }).version;
}

/** A scenario id of its own for each run of a test against the one server (repeats, retries). */
function uniqueId(base: string): string {
  const info = test.info();
  return `${base}-r${info.repeatEachIndex}-t${info.retry}`;
}

/** Dialogs each page of a context opened (the corpus calls alert). */
const dialogs = new WeakMap<Page, string[]>();

/** A browser context whose pages count added scripts and CSP violations from their first moment. */
async function guardedContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  context.on('page', (page) => dialogs.set(page, captureDialogs(page)));
  await guardPages(context);
  return context;
}

async function guardedPage(browser: Browser): Promise<Page> {
  return (await guardedContext(browser)).newPage();
}

/** Nothing of the corpus ran or became an element on this page so far. */
async function expectInert(page: Page, where: string): Promise<void> {
  expect(dialogs.get(page), `dialogs on ${where}`).toEqual([]);
  const state = await page.evaluate(() => ({
    pwned: window.pwned,
    added: window.addedScripts,
    csp: window.cspViolations,
    inline: document.querySelectorAll('script:not([src])').length,
    // Elements only the corpus would make: its handlers, its javascript: links and frames, its image
    // with src=x, its style sheet that hides everything.
    elements: document.querySelectorAll('[onerror], [onload], iframe, a[href^="javascript:"], img[src="x"], circle[r="9"]').length,
    styles: [...document.querySelectorAll('style')].filter((s) => s.textContent.includes('*{display:none}')).length,
  }));
  expect(state, `the page state on ${where}`).toEqual({ pwned: undefined, added: 0, csp: [], inline: 0, elements: 0, styles: 0 });
}

async function logIn(page: Page): Promise<void> {
  await logInTrainer(page);
  await expect(page.getByRole('link', { name: '剧本工作室' })).toBeVisible();
}

test('a scenario carrying an XSS corpus renders inert on the home page, in practice and in the report', async ({ browser }) => {
  const id = uniqueId('xss-corpus-practice');
  const trainer = await guardedPage(browser);
  await logIn(trainer);
  expect(await publish(trainer, id, corpusScenario(id), null)).toBe(1);

  const trainee = await guardedPage(browser);
  await trainee.goto(appUrl('/'));
  const card = trainee.locator(`[data-scenario="${id}"]`);
  await expect(card.getByText(TEXT.title, { exact: true })).toBeVisible();
  await expect(card.getByText(TEXT.description, { exact: true })).toBeVisible();
  await expectInert(trainee, 'the home page');

  await startChat(trainee, id, { name: '小安' });
  const buyerLine = (text: string) => trainee.locator('li[data-from="buyer"]').getByText(text, { exact: true });
  await expect(buyerLine(XSS.script)).toBeVisible();
  await expect(trainee.getByText(XSS.nickname).first()).toBeVisible();
  for (const reply of REPLIES) {
    await sendReply(trainee, reply);
    await settled(trainee);
  }
  for (const [, , text] of TEXT.lines) await expect(buyerLine(text).first()).toBeAttached();

  // Practice mode: verdict chips named by the corpus titles; a chip opens its feedback as text. (The
  // missed value rule is judged when the buyer leaves its move, so its model reply is in the report.)
  const passed = traineeLines(trainee, REPLIES[1] as string).getByRole('button', { name: XSS.link });
  await expect(passed).toBeVisible();
  await expect(passed).toHaveAttribute('title', feedbackOf(bargainFeedback()));
  await passed.click();
  await expect(trainee.getByText(feedbackOf(bargainFeedback()), { exact: true })).toBeVisible();
  await expect(trainee.getByText(TEXT.outcome).first()).toBeVisible();
  await shot(trainee, 'xss-scenario-chat');
  await expectInert(trainee, 'the practice chat');

  await endAndOpenReport(trainee);
  await expect(trainee.getByText(XSS.script, { exact: true }).first()).toBeVisible();
  await expect(trainee.getByText(XSS.link).first()).toBeVisible();
  await expect(trainee.getByText(modelReplyOf(valueModelReply())).first()).toBeVisible();
  await expect(trainee.getByText(TEXT.outcome).first()).toBeVisible();
  await shot(trainee, 'xss-scenario-report', true);
  await expectInert(trainee, 'the report');
  await trainee.reload();
  await expect(trainee.getByTestId('report-score')).toBeVisible();
  await expectInert(trainee, 'the reloaded report');
  await expectInert(trainer, 'the trainer home');
});

test('a scenario carrying an XSS corpus renders inert in the studio and through a drill', async ({ browser }) => {
  const id = uniqueId('xss-corpus-drill');
  const trainer = await guardedPage(browser);
  await logIn(trainer);
  const source = corpusScenario(id);
  expect(await publish(trainer, id, source, null)).toBe(1);
  // Version 2 changes the title line, so the diff shows the corpus on both sides.
  const current = (await (await trainer.request.get(appUrl(`/api/studio/scenarios/${id}/source`))).json()) as { source: string; revision: string };
  const v2Title = `${TEXT.title} 第二版`;
  expect(current.source).toContain(XSS.script);
  expect(await publish(trainer, id, current.source.replace(TEXT.title, v2Title), current.revision)).toBe(2);

  // The studio list and the editor: the YAML, the form, the graph and a play-test.
  await trainer.getByRole('link', { name: '剧本工作室' }).click();
  await expect(trainer.locator(`li[data-scenario="${id}"]`)).toContainText('已发布 v2');
  await expectInert(trainer, 'the studio list');
  await trainer.goto(appUrl(`/trainer/studio/edit/${id}`));
  await expect(trainer.getByTestId('studio-problems')).toHaveText(CLEAN);
  await expect(trainer.locator('.cm-content')).toContainText(v2Title);
  await expectInert(trainer, 'the YAML editor');
  await trainer.getByRole('tab', { name: '表单' }).click();
  const forms = trainer.getByTestId('studio-forms');
  await expect(forms.getByLabel('标题（中文）')).toHaveValue(v2Title);
  await expectInert(trainer, 'the form view');
  await trainer.getByRole('tab', { name: '流程图' }).click();
  await expect(trainer.locator('[data-state="bought-promo"]')).toBeVisible();
  await expectInert(trainer, 'the graph');
  await trainer.getByRole('tab', { name: '试玩' }).click();
  await trainer.getByLabel('买家所处环节').selectOption('ask-discount');
  await trainer.getByLabel('客服回复').fill(REPLIES[1] as string);
  await trainer.getByRole('button', { name: '试一下' }).click();
  const played = trainer.getByTestId('play-result');
  // The move's buyer lines above the result, and what the buyer says next in it (rules go by id here).
  await expect(trainer.getByText(XSS.svg, { exact: true }).first()).toBeVisible();
  await expect(played.getByText(XSS.template, { exact: true }).first()).toBeVisible();
  await shot(trainer, 'xss-scenario-play-test', true);
  await expectInert(trainer, 'the play-test');
  await trainer.getByRole('tab', { name: '版本' }).click();
  await expectInert(trainer, 'the versions tab');
  await trainer.goto(appUrl(`/trainer/studio/versions/${id}`));
  const diff = trainer.getByTestId('studio-diff');
  await expect(diff.locator('tr[data-kind="removed"]').filter({ hasText: TEXT.title })).not.toHaveCount(0);
  await expect(diff.locator('tr[data-kind="added"]').filter({ hasText: v2Title })).not.toHaveCount(0);
  await shot(trainer, 'xss-scenario-diff', true);
  await expectInert(trainer, 'the version diff');

  // A drill with it: two trainees under corpus names.
  await trainer.goto(appUrl('/trainer'));
  await trainer.locator(`input[data-scenario="${id}"]`).check();
  await trainer.getByLabel('练习模式').check();
  await trainer.getByRole('button', { name: '开场' }).click();
  await trainer.waitForURL(/\/trainer\/drill\/[\w-]+$/);
  const code = (await trainer.getByTestId('drill-code').textContent())?.trim() ?? '';
  const trainees: Page[] = [];
  for (const name of SEAT_NAMES) {
    const page = await guardedPage(browser);
    await page.goto(appUrl(`/join/${code}`));
    await page.getByLabel('你的昵称').fill(name);
    await page.getByRole('button', { name: '进入演练' }).click();
    await expect(page.getByTestId('drill-waiting')).toBeVisible();
    trainees.push(page);
  }
  for (const name of SEAT_NAMES) await expect(trainer.locator('[data-testid="tile"]').filter({ hasText: name })).toBeVisible();
  await expectInert(trainer, 'the drill lobby');

  await trainer.getByRole('button', { name: '开始演练' }).click();
  await expect(trainer.getByTestId('drill-status')).toHaveText('进行中');
  for (const page of trainees) {
    await expect(page.locator('li[data-from="buyer"]').getByText(XSS.script, { exact: true })).toBeVisible();
    await sendReply(page, REPLIES[0] as string);
  }
  // The dashboard learns the moves a reveal can pick from its (throttled) tile updates: wait until
  // it has seen the discount move before the class moves past it. The tile names it by its label.
  await expect(trainer.getByTestId('tile-move')).toHaveText([TEXT.move, TEXT.move]);
  await expect(trainer.getByTestId('tile-move').first()).toHaveAttribute('title', 'ask-discount');
  for (const page of trainees) {
    for (const reply of REPLIES.slice(1, 3)) await sendReply(page, reply);
    await settled(page);
    await expect(page.locator('li[data-from="buyer"]').getByText(XSS.frame, { exact: true })).toBeVisible();
    await expectInert(page, 'a drill seat');
  }
  // The heat map names a rule by its corpus title (the rules judged per reply so far).
  await expect(trainer.locator('[data-rule="bargain-tactful-refusal"] th')).toContainText(XSS.link);
  await trainer.getByRole('button', { name: `查看 ${SEAT_NAMES[0] as string} 的对话` }).click();
  const watch = trainer.getByTestId('watch-panel');
  await expect(watch.getByText(XSS.script, { exact: true })).toBeVisible();
  await expect(watch.getByText(SEAT_NAMES[0] as string).first()).toBeVisible();
  await shot(trainer, 'xss-scenario-dashboard', true);
  await expectInert(trainer, 'the dashboard');

  await trainer.getByRole('button', { name: '暂停' }).click();
  // The reveal of the discount move: each reply with its verdicts, named and explained by the corpus.
  await trainer.getByLabel('选择对话环节').selectOption(`${id}/ask-discount`);
  await trainer.getByRole('button', { name: '冻结并收集回复' }).click();
  const reveal = trainer.getByTestId('reveal-panel');
  await expect(reveal.getByTestId('reveal-entry')).toHaveCount(2);
  await expect(reveal.getByTestId('reveal-move')).toHaveText(`对话环节：${TEXT.move}`);
  await expect(reveal.getByText(XSS.link).first()).toBeVisible();
  await expect(reveal.getByText(feedbackOf(bargainFeedback())).first()).toBeVisible();
  await trainer.getByRole('button', { name: '投屏给全班' }).click();
  const shown = (trainees[0] as Page).getByRole('dialog', { name: '全班回复对比' });
  await expect(shown.getByTestId('reveal-entry')).toHaveCount(2);
  await expect(shown.getByTestId('reveal-move')).toHaveText(`对话环节：${TEXT.move}`);
  await expect(shown.getByText(XSS.link).first()).toBeVisible();
  await expectInert(trainer, 'the reveal');
  await expectInert(trainees[0] as Page, 'the reveal on a seat');
  await shown.getByRole('button', { name: '关闭' }).click();

  await trainer.getByRole('button', { name: '结束演练' }).click();
  await trainer.getByRole('group', { name: /确定结束/ }).getByRole('button', { name: '结束演练' }).click();
  await expect(trainer.getByTestId('drill-status')).toHaveText('已结束');
  await trainer.getByRole('link', { name: '查看结果' }).click();
  await trainer.waitForURL(/\/trainer\/results\/[\w-]+$/);
  await expect(trainer.getByTestId('result-seat')).toHaveCount(2);
  for (const name of SEAT_NAMES) await expect(trainer.getByTestId('result-seat').filter({ hasText: name })).toHaveCount(1);
  // Rules a session judged, by their corpus titles; the buyer never got to shipping in this drill, so
  // that rule (judged by nobody) is left out of the class's rule rows.
  const { 'shipping-fee-explained': unjudged, ...judged } = TEXT.rules;
  for (const title of Object.values(judged)) await expect(trainer.locator('.results-rules')).toContainText(title);
  await expect(trainer.locator('.results-rules')).not.toContainText(unjudged);
  await shot(trainer, 'xss-scenario-results', true);
  await expectInert(trainer, 'the results');

  const downloading = trainer.waitForEvent('download');
  await trainer.getByRole('link', { name: '下载 CSV' }).click();
  const csv = readFileSync((await (await downloading).path()) as string, 'utf8');
  for (const name of SEAT_NAMES) expect(csv).toContain(name);
  expect(csv).toContain(id);
  await expectInert(trainer, 'the results after the download');
});

/** The rule texts of bargainer-easy the assertions look for, read from the file they came from. */
function ruleOf(id: string): Rule {
  const rule = (parse(readFileSync(join(ROOT, 'scenarios', 'bargainer-easy.yaml'), 'utf8')) as Scenario).rubric.rules.find((r) => r.id === id);
  if (!rule) throw new Error(`bargainer-easy has no rule ${id}`);
  return rule;
}
const bargainFeedback = () => ruleOf('bargain-tactful-refusal').feedback['zh-CN'] ?? '';
const valueModelReply = () => ruleOf('value-justification').modelReply?.['zh-CN'] ?? '';
