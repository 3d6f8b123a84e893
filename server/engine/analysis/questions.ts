// How many questions a reply asks (digest §5.5: a string of questions feels like an interrogation).
// Each clause counts at most once: it is a question when it ends in "?", ends in the particle 吗,
// ends in 呢/么 used interrogatively, starts with 请问, contains an A-not-A form (合不合适) or a
// strong interrogative (多大, 哪款) used as one.

const DELIMITERS = new Set([',', '.', '!', '?', ';', ':', '。', '\n', '~', '…', ' ', '、']);
// emoticons, vocatives and soft particles that may trail the question particle (可以吗亲~)
const TAIL = /(?:\[[^\]]{1,8}\]|\/:\S{1,4}|\p{Extended_Pictographic}|[亲啊呀哦哈啦呐哇嘛])+$/u;
const QUESTION_WORD = /什么|怎么|怎样|哪|谁|几|多少|为什么|为何|如何|是否|多大|多久|多长|咋/u;
const FOLLOW_UP = /^(?:那|还有)/u;
// Interrogatives that ask even without "?" (平时穿多大码), unless the clause uses them
// indefinitely (有什么问题随时找我, 不管多少都能发).
const STRONG_QUESTION = /多大|多少|多久|多长|为什么|为何|怎么样|如何|哪(?:个|款|种|里|儿|天|位|一)|几(?:号|码|点|天|个|件|双|位)/u;
const INDEFINITE = /^(?:如果|如|若|不管|无论)|都|随时|任何|什么时候/u;
const A_NOT_A = /(\p{Script=Han})[不没]\1/u;
// 呢 after a statement (在的呢, 好的呢, 发货了呢) is a softener; after a person or thing it asks
const ASKING_BEFORE_NE = new Set(['您', '你', '他', '她', '它', '们', '码', '色', '款', '号', '址', '话']);
const STATEMENT_BEFORE_ME = new Set(['那', '这', '多', '要']);

// Han characters that can end a question clause; any other Han ending settles it at once.
const QUESTION_ENDINGS = new Set([...'吗么呢亲啊呀哦哈啦呐哇嘛']);

function isQuestionClause(clause: string): boolean {
  if (clause.startsWith('请问')) return true;
  if ((clause.includes('不') || clause.includes('没')) && A_NOT_A.test(clause)) return true;
  if (STRONG_QUESTION.test(clause) && !INDEFINITE.test(clause)) return true;
  const end = clause[clause.length - 1]!;
  if (end >= '\u4e00' && end <= '\u9fff' && !QUESTION_ENDINGS.has(end)) return false;
  const c = clause.replace(TAIL, '');
  const last = c[c.length - 1];
  const prev = c[c.length - 2];
  if (last === '吗') return true;
  if (last === '么') return prev !== undefined && !STATEMENT_BEFORE_ME.has(prev);
  if (last === '呢') {
    return QUESTION_WORD.test(c) || (prev !== undefined && ASKING_BEFORE_NE.has(prev)) || FOLLOW_UP.test(c);
  }
  return false;
}

/** Counts the questions in folded text (spaces still present, since they often end clauses). */
export function countQuestions(folded: string): number {
  let count = 0;
  let start = 0;
  const n = folded.length;
  for (let i = 0; i <= n; ) {
    if (i < n && !DELIMITERS.has(folded[i]!)) {
      i++;
      continue;
    }
    let j = i;
    let asked = false;
    while (j < n && DELIMITERS.has(folded[j]!)) {
      if (folded[j] === '?') asked = true;
      j++;
    }
    const clause = folded.slice(start, i);
    if (asked || (clause !== '' && isQuestionClause(clause))) count++;
    start = j;
    i = j > i ? j : i + 1;
  }
  return count;
}
