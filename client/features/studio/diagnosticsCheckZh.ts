// Chinese wording of the static checker's messages (server/engine/scenario/check.ts, checkGraph.ts,
// checkRefs.ts, checkVars.ts), of the compile and embedded-test failures the studio and publishing
// report (checks.ts, server/store/studioCheck.ts, session/embeddedTests.ts, analysis/lexicon.ts and
// matcher.ts) and of the library files publishing loads (server/store/scenarioFiles.ts).
// A trailing ` (did you mean "x"?)` is worded by diagnosticWords.ts.
import { humanPathZh } from './diagnosticPathZh.ts';
import { template } from './diagnosticTemplate.ts';
import type { Template } from './diagnosticTemplate.ts';
import { regexErrorZh } from './diagnosticsRegexZh.ts';

const ruleKind = (kind: string) => (kind === 'red-line rule' ? '红线规则' : '规则');

const ACTION_NEEDS: Record<string, string> = {
  'a buyer line with an unsafe link attachment': '买家有一句台词带着不安全的链接附件',
  'a buyer line with a file attachment': '买家有一句台词带着文件附件',
  'something the scenario never offers': '剧本里从来没有出现的东西',
};

/** A rule's verdict in an embedded test (rubric VerdictValue, or `missing`), with the engine's word kept. */
function verdictZh(verdict: string): string {
  const words: Record<string, string> = { pass: '通过', fail: '未通过', 'n/a': '不适用', missing: '没有结果' };
  return words[verdict] ? `${words[verdict]}（${verdict}）` : verdict;
}

/** The reference kinds of checkStateRefs ("goto", "scope.state"...): YAML keys stay as written, with a word where the key alone says little. */
const REF_ZH: Record<string, string> = { 'initial state': 'initial（起始环节）', 'topic state': 'topic（话题）里的 state' };
const refZh = (what: string) => REF_ZH[what] ?? what;

export const checkZh: readonly Template[] = [
  // check.ts: the lexicon (intents.yaml) and shop files
  template(/^unknown intent (".*")$/, '未知的意图 {1}'),
  template(/^intent (".*") cannot veto itself$/, '意图 {1} 不能否决它自己'),
  template(/^(regex|unless) does not compile: (.*)$/, '{1} 无法编译：{2}', { 2: regexErrorZh }),
  template(/^id (".*") is already used by (\w+\[\d+\])$/, 'ID {1} 已经被{2}用了', { 2: humanPathZh }),
  template(/^stock lists size (".*"), which is not in sizes of (".*")$/, 'stock 里写了尺码 {1}，但 {2} 的 sizes 里没有这个尺码'),

  // checkGraph.ts
  template(/^state (".*") has an outcome, so it is terminal: it cannot have (on|always) transitions$/, '环节 {1} 有 outcome，是结局：不能再有 {2} 转移'),
  template(/^state (".*") has an outcome, so it is terminal: the buyer does not nudge or leave any more \(remove silence\)$/, '环节 {1} 有 outcome，是结局：买家不会再催促或离开（请删掉 silence）'),
  template(
    /^state (".*"): the buyer never leaves when ignored: set silence\.leave here or at the scenario level, or write silence: false if waiting forever is intended$/,
    '环节 {1}：客服一直不回复，买家也永远不会走：请在这里或剧本顶层设置 silence.leave；如果本来就想让买家一直等，写 silence: false',
  ),
  template(/^state (".*"): silence\.leave is set but silence\.leaveAfter is not, so the buyer never leaves when ignored$/, '环节 {1}：设置了 silence.leave 却没有 silence.leaveAfter，客服一直不回复时买家也永远不会走'),
  template(/^state (".*"): silence\.nudge lines are never said without silence\.nudgeAfter$/, '环节 {1}：没有 silence.nudgeAfter，silence.nudge 里的催促台词永远不会说出来'),
  template(/^an always transition back to its own state (".*") would loop for as long as its guard holds$/, '回到环节 {1} 自己的 always 转移会在条件成立期间一直循环'),
  template(/^(rule|red-line rule) (".*") can never fire: state (".*") is never reached$/, '{1} {2} 永远不会生效：环节 {3} 永远到不了', { 1: ruleKind }),
  template(/^(rule|red-line rule) (".*") can never fire: action (\S+) needs (.+)$/, '{1} {2} 永远不会生效：动作 {3} 需要{4}', {
    1: ruleKind,
    4: (need) => ACTION_NEEDS[need] ?? need,
  }),
  template(/^no state has an outcome: every scenario needs at least one ending$/, '没有哪个环节有 outcome：每个剧本至少要有一个结局'),
  template(/^state (".*") has no way out: add an outcome, a transition with goto, or silence\.leave$/, '环节 {1} 走不出去：请加上 outcome、带 goto 的转移，或 silence.leave'),
  template(/^state (".*") is never reached from the initial state (".*")$/, '从起始环节 {2} 永远到不了环节 {1}'),
  template(/^no outcome can be reached from state (".*"): the chat gets stuck in a loop without an ending$/, '从环节 {1} 到不了任何结局：对话会在几个环节之间来回打转，没有结束'),

  // checkRefs.ts
  template(/^(initial state|silence\.leave|goto|at|expect\.goto|scope\.state|scope\.replyTo|topic state) (".*") is not a state$/, '{1} 写的 {2} 不是已有的环节', { 1: refZh }),
  template(/^state (".*") is terminal: the chat is over there, no reply can be tested$/, '环节 {1} 是结局：对话到那里已经结束，没有回复可以测试'),
  template(/^unknown intent (".*"): not in the scenario's intents nor in intents\.yaml$/, '未知的意图 {1}：剧本的 intents 和 intents.yaml 里都没有它'),
  template(/^intent (".*") is already defined in intents\.yaml: pick another id \(scenarios add intents, they do not redefine them\)$/, '意图 {1} 已经在 intents.yaml 里定义过了：请换一个 ID（剧本只能新增意图，不能重新定义）'),
  template(/^rule id (".*") is a global rule id: pick another id \(use rubric\.weights or rubric\.disable to tune the global rule\)$/, '规则 ID {1} 是全局规则的 ID：请换一个（要调整全局规则，请用 rubric.weights 或 rubric.disable）'),
  template(/^rule id (".*") is already used by (rubric\.rules\[\d+\])$/, '规则 ID {1} 已经被{2}用了', { 2: humanPathZh }),
  template(/^(".*") is not a global rule$/, '{1} 不是全局规则'),
  template(/^global rule (".*") is disabled in rubric\.disable, so its weight has no effect$/, '全局规则 {1} 已经在 rubric.disable 里关掉了，给它设权重没有作用'),
  template(/^rule (".*") is disabled in rubric\.disable$/, '规则 {1} 已经在 rubric.disable 里关掉了'),
  template(/^rule (".*") is neither a scenario rule nor a global rule$/, '规则 {1} 既不是本剧本的规则，也不是全局规则'),
  template(/^unknown shop (".*"): there is no shops\/(.+)\.yaml$/, '未知的店铺 {1}：没有 shops/{2}.yaml 这个文件'),
  template(/^shop (".*") has no product (".*")$/, '店铺 {1} 没有商品 {2}'),
  template(/^shop (".*") has no coupon (".*")$/, '店铺 {1} 没有优惠券 {2}'),

  // checkVars.ts
  template(/^unknown variable (".*")$/, '未知的变量 {1}'),
  template(/^(".*") is an int variable \((-?\d+)\.\.(-?\d+)\): compare it with a number or "<= n", not (.+)$/, '{1} 是整数变量（{2}..{3}）：请和数字比较，或写成 "<= n" 这样的比较，不能写 {4}'),
  template(/^(".*") is an int variable \((-?\d+)\.\.(-?\d+)\): give it a whole number, not (.+)$/, '{1} 是整数变量（{2}..{3}）：请给一个整数，不能写 {4}'),
  template(/^(".*") is a bool variable: use true or false, not (.+)$/, '{1} 是布尔变量：请用 true 或 false，不能写 {2}'),
  template(/^(-?[\d.]+) is outside the bounds of (".*") \((-?\d+)\.\.(-?\d+)\)$/, '{1} 超出了 {2} 的范围（{3}..{4}）'),

  // the studio (checks.ts, studioCheck.ts): the id, compiling, the embedded tests
  template(/^id (".*") does not match the studio scenario (".*")$/, 'id {1} 和工作室里的剧本 {2} 不一致'),
  template(/^cannot compile: (.*)$/, '无法编译：{1}', { 1: 'detail' }),
  template(/^intent (".*"), matcher (\d+): (.*)$/, '意图 {1} 的第 {2} 个匹配器：{3}', { 3: 'detail' }),
  template(/^intent (".*"): unless names unknown intent (".*")$/, '意图 {1}：unless 里写了未知的意图 {2}'),
  template(/^keyword (".*") is empty after normalisation$/, '关键词 {1} 规范化之后什么都不剩'),
  template(/^invalid (regex|unless) \/(.*)\/: (.*)$/, '{1} /{2}/ 无效：{3}', { 3: regexErrorZh }),
  template(/^the embedded tests could not run: (.*)$/, '内置测试没能运行：{1}'),
  template(/^expected intent (".*"), matched \[(.*)\]$/, '应该识别到意图 {1}，实际识别到 [{2}]'),
  template(/^intent (".*") should not match$/, '不应该识别到意图 {1}'),
  template(/^expected rule (".*") to pass, got (\S+)$/, '规则 {1} 应该通过，实际是{2}', { 2: verdictZh }),
  template(/^expected rule (".*") to fail, got (\S+)$/, '规则 {1} 应该不通过，实际是{2}', { 2: verdictZh }),
  template(/^expected the buyer to move to (".*"), got (".*")$/, '买家应该转到 {1}，实际转到了 {2}'),

  // scenarioFiles.ts: the lexicon and shop files publishing loads
  template(/^cannot read the file: no such file$/, '无法读取文件：文件不存在'),
  template(/^cannot read the file: this is a folder, not a file$/, '无法读取文件：这是一个文件夹，不是文件'),
  template(/^cannot read the file: (.*)$/, '无法读取文件：{1}'),
  template(/^id (".*") does not match the file name (".*") \(expected id: (.+)\)$/, 'id {1} 和文件名 {2} 不一致（id 应为 {3}）'),
];
