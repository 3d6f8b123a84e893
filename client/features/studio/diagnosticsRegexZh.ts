// Chinese wording of what is said about a pattern a trainer writes: the JavaScript engine's reason
// when it does not compile (V8's words, the same in Node and Chromium) and publish's backtracking
// check (server/store/regexSafety.ts, whose verdict the live check shows after `regex: `).
import { template } from './diagnosticTemplate.ts';
import type { Template } from './diagnosticTemplate.ts';

const reasonsZh: readonly Template[] = [
  template(/^Unterminated group$/, '括号没有闭合'),
  template(/^Unterminated character class$/, '方括号 [...] 没有闭合'),
  template(/^Nothing to repeat$/, '量词（* + ? {n}）前面没有可以重复的内容'),
  template(/^Unmatched '\)'$/, "多了一个没有配对的 ')'"),
  template(/^Lone quantifier brackets$/, '有单独的 { } 或 ]（要匹配它本身，请在前面加反斜杠 \\）'),
  template(/^Incomplete quantifier$/, '量词 {…} 没有写完'),
  template(/^numbers out of order in \{\} quantifier$/, '量词 {m,n} 里前面的数比后面的大'),
  template(/^Range out of order in character class$/, '方括号里的范围顺序反了（例如 [b-a]）'),
  template(/^Invalid escape$/, '无效的转义（反斜杠后面跟的字符不对）'),
  template(/^Invalid Unicode escape$/, '无效的 Unicode 转义'),
  template(/^Invalid property name$/, '无效的 Unicode 属性名（\\p{…}）'),
  template(/^Invalid group$/, '无效的分组写法 (?…)'),
  template(/^Invalid capture group name$/, '无效的捕获组名称'),
  template(/^Duplicate capture group name$/, '捕获组名称重复了'),
  template(/^Invalid named capture referenced$/, '引用了不存在的命名捕获组'),
  template(/^\\ at end of pattern$/, '正则以单独的反斜杠 \\ 结尾'),
];

/** `Invalid regular expression: /src/flags: reason`, the reason worded when it is known. */
export const regexErrorZh: readonly Template[] = [template(/^Invalid regular expression: \/(.*)\/([a-z]*): (.+)$/, '正则表达式 /{1}/{2} 有误：{3}', { 3: reasonsZh })];

/** scslre's and the ambiguity check's findings, as regexSafety.ts describe() words them. */
const unsafeWhyZh: readonly Template[] = [
  template(/^nested repetition (`.+`) \(a run of (".*")\); rewrite it without a repeat inside a repeat$/, '嵌套的重复 {1}（遇到一长串 {2} 时）；请改写，不要在重复里面再套重复'),
  template(/^(`.+`) and (`.+`) can both match a run of (".*"); rewrite it so that no two repeats can take the same characters$/, '{1} 和 {2} 都能匹配一长串 {3}；请改写，让任何两个重复部分都不会抢同样的字符'),
  template(/^(`.+`) \(a run of (".*")\)$/, '{1}（遇到一长串 {2} 时）'),
  template(
    /^the alternatives (`.+`) and (`.+`) of (`.+`) in the repeated (`.+`) can match the same text; make the alternatives exclusive \(e\.g\. `\(a\|a\)\*` -> `a\*`\)$/,
    '在重复的 {4} 里，{3} 的两个分支 {1} 和 {2} 能匹配同样的文字；请让各个分支互不重叠（例如把 `(a|a)*` 改成 `a*`）',
  ),
  template(
    /^a repeated part can split the same text in more than one way \(like `\(a\|aa\)\*`, where "aaa" is a\+a\+a, a\+aa or aa\+a\); rewrite it so that any text can be matched only one way \(`a\*`\)$/,
    '有一个重复部分能把同一段文字拆成不止一种方式（比如 `(a|aa)*`："aaa" 可以是 a+a+a、a+aa 或 aa+a）；请改写，让任何文字都只有一种匹配方式（`a*`）',
  ),
];

export const regexSafetyZh: readonly Template[] = [
  template(/^this pattern is too big to check that it runs fast on every reply; split it into several smaller matchers$/, '这个正则太大了，没法确认它对每条回复都跑得快；请把它拆成几个小一些的匹配器'),
  template(/^this pattern can take (exponential|polynomial \(super-linear\)) time on some replies: (.+)$/, '这个正则遇到某些回复时，耗时会{1}：{2}', {
    1: (growth) => (growth === 'exponential' ? '成指数增长' : '超线性增长（多项式级）'),
    2: unsafeWhyZh,
  }),
];
