// An engine path ("rubric.rules[2].require", 0-based) as a trainer counts: "第 3 条规则 › require".
// Only the Chinese wording uses it; line:col stays in front of the message as it was.

/** Lists a trainer knows by name: the unit a Chinese count of their items uses. */
const LISTS: Readonly<Record<string, string>> = {
  rules: '条规则',
  tests: '条内置测试',
  on: '个反应',
  always: '个自动转移',
  say: '句台词',
  nudge: '句催促',
  match: '个匹配条件',
  outcomes: '个结局',
  // a forbid rule's topic: the things a reply must touch for the rule to count (else n/a)
  topic: '个话题条件',
};

type Segment = { key: string } | { index: number };

function segments(path: string): Segment[] | undefined {
  const out: Segment[] = [];
  const re = /\.?([\w-]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while ((m = re.exec(path)) !== null) {
    if (m[2] !== undefined) out.push({ index: Number(m[2]) });
    else out.push({ key: m[1] ?? m[3] ?? '' });
    at = re.lastIndex;
  }
  return at === path.length ? out : undefined;
}

/** `path` in counted Chinese; the path as it was when it is not one the engine writes. */
export function humanPathZh(path: string): string {
  const parts = segments(path);
  if (!parts) return path;
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as Segment;
    const next = parts[i + 1];
    if ('index' in part) {
      out.push(`第 ${part.index + 1} 项`);
      continue;
    }
    // "rubric" only groups the rules; "states" is named by the move that follows.
    if (part.key === 'rubric' && next && 'key' in next && next.key === 'rules') continue;
    if (part.key === 'states' && next && 'key' in next) {
      out.push(`环节 ${next.key}`);
      i++;
      continue;
    }
    const unit = LISTS[part.key];
    if (next && 'index' in next) {
      out.push(unit ? `第 ${next.index + 1} ${unit}` : `${part.key} 第 ${next.index + 1} 项`);
      i++;
      continue;
    }
    out.push(part.key);
  }
  return out.join(' › ');
}
