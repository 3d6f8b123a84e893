// Chinese wording of what the parser says about a scenario file: the YAML reading itself
// (server/engine/scenario/parse.ts) and the schema (zodIssues.ts, with the refine messages of
// schema.ts). Schema messages come after a path (`states.opening.on[0]: ...`), which
// diagnosticWords.ts peels off first; the YAML syntax texts are in diagnosticsYamlZh.ts.
import { template } from './diagnosticTemplate.ts';
import type { Template } from './diagnosticTemplate.ts';
import { yamlSyntaxZh } from './diagnosticsYamlZh.ts';

const KEBAB = 'must be kebab-case: lower-case letters, digits and single dashes';
/** A value as describeValue words it, so a message with a path before it is not taken for one. */
const VALUE = '(nothing \\(an empty value\\)|nothing|a list|a mapping|text ".*"|the number \\S+|true|false)';
const KEBAB_ZH = '必须是 kebab-case：只用小写字母、数字和单个短横线';

export const schemaZh: readonly Template[] = [
  // parse.ts
  template(/^duplicate key (".*")$/, '重复的键 {1}'),
  template(/^duplicate key$/, '重复的键'),
  template(/^YAML syntax error: (.*)$/, 'YAML 语法错误：{1}', { 1: yamlSyntaxZh }),
  template(/^cannot read this YAML: (.*)$/, '无法读取这份 YAML：{1}'),
  template(/^the document is nested too deeply$/, '文档嵌套得太深了'),
  template(/^too many aliases: the document expands to an excessive size$/, '别名（*引用）太多：文档展开后会大得离谱'),
  template(/^… and (\d+) more problems$/, '…… 另外还有 {1} 个问题'),
  template(/^internal error while reading this file: (.*)$/, '读取这个文件时出现内部错误：{1}'),

  // zodIssues.ts
  template(/^the file is empty; expected (.+)$/, '文件是空的；应为{1}', { 1: 'accepted' }),
  template(/^expected a comparison such as "<= 1", got (.+)$/, '应为 "<= 1" 这样的比较，实际是{1}', { 1: 'value' }),
  template(/^expected an increment such as "\+1" or "-2", got (.+)$/, '应为 "+1" 或 "-2" 这样的增减量，实际是{1}', { 1: 'value' }),
  template(/^missing key (".*")$/, '缺少键 {1}'),
  template(/^missing item (\d+)$/, '缺少第 {1} 项（从 0 数起）'),
  template(/^unknown key (".*")$/, '未知的键 {1}'),
  template(new RegExp(`^key (".*") ${KEBAB}$`), `键 {1} ${KEBAB_ZH}`),
  template(/^key (".*") must match (.+)$/, '键 {1} 必须符合 {2}'),
  template(/^must be one of (.+), got (.+)$/, '必须是以下之一：{1}，实际是{2}', { 1: 'accepted', 2: 'value' }),
  template(/^must be at least (\S+), got (.+)$/, '不能小于 {1}，实际是{2}', { 2: 'value' }),
  template(/^must be greater than (\S+), got (.+)$/, '必须大于 {1}，实际是{2}', { 2: 'value' }),
  template(/^must be at most (\d+) characters long$/, '最多 {1} 个字符'),
  template(/^must be at most (\S+), got (.+)$/, '不能大于 {1}，实际是{2}', { 2: 'value' }),
  template(/^must be less than (\S+), got (.+)$/, '必须小于 {1}，实际是{2}', { 2: 'value' }),
  template(/^must be (.+), got (.+)$/, '必须是{1}，实际是{2}', { 1: 'accepted', 2: 'value' }),
  // an order date (schema.ts orderDate) before the general shape, whose list splitting would garble it
  template(
    /^expected an order date: '-Nd' \(N days before the session's day, such as '-7d'\) or a calendar day such as '2026-11-05', got (.+)$/,
    "应为订单日期：写 '-Nd'（从练习开始那天往前数 N 天，如 '-7d' 是 7 天前），或写 '2026-11-05' 这样的具体日子；实际是{1}",
    { 1: 'value' },
  ),
  template(/^expected (.+), got (.+)$/, '应为{1}，实际是{2}', { 1: 'accepted', 2: 'value' }),
  template(new RegExp(`^${VALUE} ${KEBAB}$`), `{1}${KEBAB_ZH}`, { 1: 'value' }),
  template(new RegExp(`^${VALUE} must match (.+)$`), '{1}必须符合 {2}', { 1: 'value' }),
  template(/^must not be empty$/, '不能为空'),
  template(/^needs at least one item$/, '至少要有一项'),
  template(/^needs at least (\d+) items$/, '至少要有 {1} 项'),
  template(/^may have at most one item$/, '最多只能有一项'),
  template(/^may have at most (\d+) items$/, '最多只能有 {1} 项'),

  // schema.ts: the refine messages
  template(/^initial must lie between min and max$/, 'initial 必须在 min 和 max 之间'),
  template(/^an int variable may span at most (\d+) values \(keeps path search finite\)$/, '整数变量最多只能有 {1} 个取值（这样路径搜索才有尽头）'),
  template(/^a transition needs exactly one of intent, action or else$/, '一条转移必须有且只有 intent、action、else 中的一个'),
  template(/^a matcher needs exactly one of any, all, nOf, regex, similar or builtin$/, '一个匹配器必须有且只有 any、all、nOf、regex、similar、builtin 中的一个'),
  template(/^a check needs exactly one of intent, match, action or repeat$/, '一项检查必须有且只有 intent、match、action、repeat 中的一个'),
  template(/^product only applies to action card-sent \(a product id\) or coupon-sent \(a coupon id\)$/, 'product 只能配合 action card-sent（填商品 ID）或 coupon-sent（填优惠券 ID）使用'),
  template(/^a rule needs exactly one of require or forbid$/, '一条规则必须有且只有 require、forbid 中的一个'),
  template(/^a topic check needs exactly one of intent, match, action, repeat or state$/, 'topic（话题）里的每一项必须有且只有 intent、match、action、repeat、state 中的一个'),
  template(/^topic only applies to a forbid rule$/, 'topic（这条规则管的话题）只能写在 forbid 规则里，require 规则不能用'),
];

/** describeValue's words (zodIssues.ts, words.ts) in Chinese; anything else as written (`true`). */
export function valueZh(value: string): string {
  if (value === 'nothing') return '空';
  if (value === 'nothing (an empty value)') return '空值';
  if (value === 'a list') return '列表';
  if (value === 'a mapping') return '映射（键: 值）';
  const text = /^text (".*")$/.exec(value);
  if (text) return `文本 ${text[1]}`;
  const number = /^the number (.+)$/.exec(value);
  if (number) return `数字 ${number[1]}`;
  return value;
}

const TYPE_ZH: Record<string, string> = {
  text: '文本',
  'a number': '数字',
  'a whole number': '整数',
  'a list': '列表',
  'a mapping': '映射（键: 值）',
  nothing: '空',
  'something else': '其他内容',
};

/** orList's "a, b or c" of type names and quoted values, as "a、b 或 c". */
export function acceptedZh(list: string): string {
  // Quoted values are set aside first, so a comma or " or " inside one does not split it.
  const quoted: string[] = [];
  const bare = list.replace(/"(?:[^"\\]|\\.)*"/g, (q) => `\ue000${quoted.push(q) - 1}\ue000`);
  const items = bare
    .split(/, or |, | or /)
    .map((item) => item.trim().replace(/\ue000(\d+)\ue000/g, (_q, i: string) => quoted[Number(i)] ?? ''))
    .filter((item) => item !== '')
    .map((item) => TYPE_ZH[item] ?? item);
  if (items.length <= 1) return items.join('');
  const last = items[items.length - 1] ?? '';
  const head = items.slice(0, -1).join('、');
  const latin = (ch: string) => /[A-Za-z0-9"]/.test(ch);
  return `${head}${latin(head.charAt(head.length - 1)) ? ' ' : ''}或${latin(last.charAt(0)) ? ' ' : ''}${last}`;
}
