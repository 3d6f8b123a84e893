// Plain-text rendering of chat lines, live verdicts and the final report for the terminal player.
import type { CompiledScenario, Message, Report, Verdict } from '../engine/index.ts';

export type Lang = 'zh-CN' | 'en';

const CATEGORY: Record<string, Record<Lang, string>> = {
  politeness: { 'zh-CN': '礼貌', en: 'Politeness' },
  professionalism: { 'zh-CN': '专业', en: 'Professionalism' },
  security: { 'zh-CN': '安全', en: 'Security' },
  compliance: { 'zh-CN': '合规', en: 'Compliance' },
  sales: { 'zh-CN': '销售', en: 'Sales' },
  timeliness: { 'zh-CN': '及时', en: 'Timeliness' },
  empathy: { 'zh-CN': '共情', en: 'Empathy' },
};

function seconds(ms: number | null): string {
  return ms === null ? '—' : `${(ms / 1000).toFixed(1)}s`;
}

export function formatMessage(m: Message, compiled: CompiledScenario, lang: Lang): string {
  const who = m.from === 'buyer' ? compiled.scenario.buyer.nickname : lang === 'en' ? 'you' : '我';
  const a = m.attachment;
  let extra = '';
  if (a?.kind === 'link') extra = ` [${lang === 'en' ? 'link' : '链接'}: ${a.title ?? a.url}]`;
  else if (a?.kind === 'product-link' || a?.kind === 'product-card') {
    const product = compiled.shop.products.find((p) => p.id === a.product);
    extra = ` [${lang === 'en' ? 'product' : '商品'}: ${product ? product.name[lang] : a.product}]`;
  } else if (a?.kind === 'file') extra = ` [${lang === 'en' ? 'file offered' : '文件'}: ${a.name}] (/accept /decline)`;
  else if (a?.kind === 'photo') extra = ` [${lang === 'en' ? 'photo' : '图片'}: ${a.caption ?? a.image}]`;
  return `${who}: ${m.text}${extra}`;
}

export function formatVerdicts(verdicts: Verdict[], lang: Lang): string {
  return verdicts
    .map((v) => `   ${v.verdict === 'pass' ? '✓' : v.verdict === 'fail' ? (v.redLine ? '✗✗' : '✗') : '·'} ${v.rule}: ${v.feedback[lang]}`)
    .join('\n');
}

export function formatReport(report: Report, lang: Lang): string {
  const en = lang === 'en';
  const out: string[] = ['', '──────── ' + (en ? 'Report' : '报告') + ' ────────'];
  out.push(`${en ? 'Score' : '得分'}: ${report.score}/100  ${report.passed ? (en ? 'PASSED' : '通过') : en ? 'FAILED' : '未通过'} (${en ? 'pass mark' : '及格线'} ${report.passMark})`);
  if (report.redLines.length > 0) out.push(`${en ? 'Red lines' : '红线'}: ${report.redLines.join(', ')}`);
  out.push(`${en ? 'Outcome' : '结局'}: ${report.kpis.outcome ?? '—'}`);
  out.push(`${en ? 'First / average / longest response' : '首次 / 平均 / 最长响应'}: ${seconds(report.kpis.firstResponseMs)} / ${seconds(report.kpis.avgResponseMs)} / ${seconds(report.kpis.longestResponseMs)}`);
  for (const c of report.categories) out.push(`  ${(CATEGORY[c.category]?.[lang] ?? c.category).padEnd(16)} ${c.points}/${c.max}`);
  const ordered = [...report.rules].sort((a, b) => Number(b.redLine && b.verdict === 'fail') - Number(a.redLine && a.verdict === 'fail'));
  for (const v of ordered) {
    if (v.verdict === 'n/a') continue;
    const mark = v.verdict === 'pass' ? '✓' : v.redLine ? '✗✗' : '✗';
    out.push(`${mark} ${v.rule}${v.turn !== undefined ? ` (${en ? 'turn' : '第'} ${v.turn}${en ? '' : '轮'})` : ''}`);
    if (v.verdict === 'fail') {
      out.push(`    ${v.feedback[lang]}`);
      if (v.modelReply) out.push(`    ${en ? 'Model reply' : '参考回复'}: ${v.modelReply[lang]}`);
    }
  }
  return out.join('\n');
}
