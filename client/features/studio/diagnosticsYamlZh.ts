// Chinese wording of the `yaml` library's syntax errors, the text after "YAML syntax error: "
// (server/engine/scenario/parse.ts passes the library's first line on). These are the ones a
// trainer typing a scenario runs into (node_modules/yaml/dist/compose and parse); an error the
// table does not know stays in English after the Chinese "YAML 语法错误：".
import { template } from './diagnosticTemplate.ts';
import type { Template } from './diagnosticTemplate.ts';

/** The library's names for flow collections and tokens. */
function tokenZh(name: string): string {
  const known: Record<string, string> = {
    'flow map': '花括号 {…} 映射',
    'flow sequence': '方括号 […] 列表',
    'Flow map': '花括号 {…} 映射',
    'Flow sequence': '方括号 […] 列表',
    scalar: '一段文字',
    'double-quoted-scalar': '一个双引号字符串',
    'single-quoted-scalar': '一个单引号字符串',
    'map-value-ind': '冒号 :',
    'flow-seq-end': '右方括号 ]',
    'flow-map-end': '右花括号 }',
    'block-seq-ind': '列表符号 -',
    'seq-item-ind': '列表符号 -',
  };
  return known[name] ?? name;
}

export const yamlSyntaxZh: readonly Template[] = [
  template(/^Implicit keys need to be on a single line$/, '键必须写在一行里（检查这一行是否少了冒号，或者引号没有配对）'),
  template(/^Implicit map keys need to be followed by map values$/, '键后面要跟冒号和值（“键: 值”）'),
  template(/^Nested mappings are not allowed in compact mappings$/, '这里不能再嵌套“键: 值”（多半是一行里写了两个冒号，或者缩进多了）'),
  template(/^A block sequence may not be used as an implicit map key$/, '“- ”开头的列表不能当作键（检查这一行的缩进）'),
  template(/^All mapping items must start at the same column$/, '同一层的键必须从同一列开始（检查缩进）'),
  template(/^Sequence item without - indicator$/, '列表项前面缺少“- ”'),
  template(/^Missing closing "quote$/, '字符串少了结尾的双引号 "'),
  template(/^Missing closing 'quote$/, "字符串少了结尾的单引号 '"),
  template(/^Tabs are not allowed as indentation$/, '不能用 Tab 缩进，请改用空格'),
  template(/^Unexpected (\S+) at node end$/, '值的后面多出了{1}', { 1: tokenZh }),
  template(/^Unexpected (\S+) token in YAML (?:stream|document): (.+)$/, '这里不该出现{1}（{2}）', { 1: tokenZh }),
  template(/^Unexpected block-seq-ind on same line with key$/, '列表符号“- ”不能和键写在同一行'),
  template(/^Unexpected , in (flow map|flow sequence)$/, '{1}里多了一个逗号 ,', { 1: tokenZh }),
  template(/^(Flow map|Flow sequence) must end with a (\S+)$/, '{1}缺少结尾的 {2}', { 1: tokenZh }),
  template(/^(Flow map|Flow sequence) in block collection must be sufficiently indented and end with a (\S+)$/, '{1}要比所在的键缩进得更深，并以 {2} 结尾（多半是少了逗号或结尾的括号）', { 1: tokenZh }),
  template(/^Block collections are not allowed within flow collections$/, '方括号或花括号里不能再用换行缩进的写法（多半是少了逗号）'),
  template(/^Plain value cannot start with reserved character (.+)$/, '不加引号的值不能以保留字符 {1} 开头（请给这个值加上引号）'),
  template(/^Invalid escape sequence (.+)$/, '双引号字符串里有无效的转义 {1}（要写反斜杠本身，请用 \\\\ 或改用单引号）'),
  template(/^Comments must be separated from other tokens by white space characters$/, '注释符号 # 前面要有空格'),
  template(/^Unresolved tag: (.+)$/, '无法识别的标签（!…）：{1}'),
  template(/^A node can have at most one anchor$/, '一个值最多只能有一个锚点（&…）'),
  template(/^A node can have at most one tag$/, '一个值最多只能有一个标签（!…）'),
  template(/^Anchor cannot be an empty string$/, '锚点 & 后面不能是空的'),
  template(/^Alias cannot be an empty string$/, '引用 * 后面不能是空的'),
  template(/^Anchor ending in : is ambiguous$/, '锚点不能以冒号结尾（会和“键: 值”混淆）'),
  template(/^An alias node must not specify any properties$/, '引用（*…）前面不能再加锚点或标签'),
  template(/^The : indicator must be at most 1024 chars after the start of an implicit block mapping key$/, '键太长了：冒号离键的开头不能超过 1024 个字符'),
  template(/^Block scalar header includes extra characters: (.+)$/, '多行文本的开头（| 或 >）后面多了字符：{1}'),
  template(/^Unknown directive (.+)$/, '未知的指令 {1}'),
  template(/^Unsupported YAML version (.+)$/, '不支持的 YAML 版本 {1}'),
  template(/^%TAG directive should contain exactly two parts$/, '%TAG 指令必须正好有两部分'),
  template(/^Verbatim tags must end with a >$/, '原样标签必须以 > 结尾'),
];
