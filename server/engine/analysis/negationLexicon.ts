// Word lists behind negation scope. Kept apart from the algorithm so linguists can extend them.

/** Negating words; a longer form wins, which only matters for measuring the distance to a keyword. */
export const NEGATORS: readonly string[] = [
  '不可以', '不允许', '不方便', '不能', '不会', '不要', '不用', '不得', '不准', '不可', '不',
  '没有', '没法', '没', '别', '勿', '未', '无法', '无须', '无需', '禁止', '严禁', '拒绝',
];

/**
 * Words that contain a negating character but do not negate what follows: courtesies (不好意思,
 * 不客气, 没关系), adverbs and conjunctions (不过, 不断, 特别), compounds (别人, 未来) and double
 * negations (不得不). 不好 alone still negates; 不好意思 does not, because the longer idiom is
 * tested at the negator's position. A-not-A questions (能不能, 有没有) are recognised by shape.
 */
export const NOT_NEGATIONS: readonly string[] = [
  // 不
  '不好意思', '不客气', '不用客气', '不用谢', '不谢', '不错', '不过', '不但', '不仅', '不少', '不久',
  '不管', '不论', '不然', '要不然', '要不', '不如', '不同', '差不多', '马不停蹄', '不停', '不断',
  '了不起', '对不起', '不得不', '不能不', '不会不', '不见不散', '不止', '不禁', '不免', '不妨',
  '不愧', '不时', '忍不住', '禁不住', '恨不得', '怪不得', '巴不得', '不由得', '说不定', '大不了',
  '不要紧', '不得了', '不敢当', '不一会', '不小心', '不满', '不会吧',
  // 没
  '没问题', '没关系', '没事', '没错', '没准', '没得说', '没想到', '埋没', '淹没', '出没',
  // 别
  '特别', '别人', '别的', '别处', '别家', '分别', '区别', '类别', '级别', '差别', '告别', '识别',
  '别致', '性别', '个别', '鉴别', '辨别', '别墅', '别针', '别名', '离别', '派别', '送别', '道别',
  '别样', '有别', '判别', '久别',
  // 未 勿 无
  '未来', '勿忘我',
];

/**
 * Words that may stand between a topic and the negator of its comment without ending the topic:
 * 微信的话我们这边是不能加的, 小礼物这边确实没有. Checked per character, so keep it to function words.
 */
export const TOPIC_FILLER: ReadonlySet<string> = new Set([...'这那些边里是都也确实真的话个种块方面一律暂时目前现在已经还就其我们咱']);

/**
 * Negators that deny a topic placed before them (赠品是没有的, 包邮不行的). `verb` says whether a
 * giving verb must follow (赠品不送的): a bare 不 before anything else is too common to read as a denial.
 */
export const POST_NEGATORS: readonly { form: string; verb: boolean }[] = [
  ...['没办法', '不可以', '不方便', '不支持', '不提供', '没有', '没得', '木有', '不能', '不行', '不可', '没法', '无法'].map((form) => ({ form, verb: false })),
  { form: '不', verb: true },
];

/** Verbs of giving or doing that may follow a post-posed negator, or come right before 不了 (送不了). */
export const GIVE_VERBS: readonly string[] = ['提供', '安排', '申请', '参加', '享受', '给', '送', '加', '做', '包', '发', '免', '减', '让'];

/** Sentence-final particles that may close a denial (赠品是没有的哦, 包邮不行的亲). */
export const FINAL_PARTICLES: ReadonlySet<string> = new Set([...'的了哦呢啦哈呀哟喔噢嘛亲啊滴捏喽咯哇']);
