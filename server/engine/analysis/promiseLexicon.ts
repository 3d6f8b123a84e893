// Absolute promises about things the shop cannot control (digest §5.1, §10.1, rule 8).
// Policy-backed guarantees (正品保证, 假一赔十, 7天无理由, 质量问题包退, 运费险) are fine and
// whitelisted; "肯定没问题" on its own reads as a casual "sure", so only the strong markers
// (保证/绝对/百分百) make 没问题 a promise.

const BREAK = '[,.!?;:。\\n~]';
/** Markers of certainty; 一定要/一定得 (you must...) is advice, not a promise. */
export const MARKER = '绝对|保证|肯定|一定(?![要得记注])|百分之?一?百|100%|打包票|保准|准保|铁定|必定';
// The gap between marker and target may not negate (一定不合适), hedge (一定尽力让您满意) or turn
// the claim into one about stock (肯定有适合您的尺码).
const GAP_STOP = '不|没|有|尽|努力|争取|帮';
const STRONG = '绝对|保证|百分之?一?百|100%|打包票|保准|铁定';
// 保证…没问题 further along the clause may vouch for what the shop does itself (保证今天发出没问题).
const SERVICE_STOP = '发|处理|解决|安排|备注|退|换|补';
const WHEN = '(?:明天|后天|今天|今晚|当天|次日|隔天|\\d+天(?:内|之内)?|周[一二三四五六日末]|这周|月底|节前|年前)';
const ARRIVE = '(?:送到|送达|到货|收到|到)';

/** What the shop cannot promise: fit, comfort, looks, colour, durability, arrival, satisfaction. */
export const TARGET = [
  '合脚', '合身', '合适', '适合', '舒服', '舒适', '正好', '刚好', '不大不小', '码数准', '尺码准', '好看', '显瘦',
  '不(?:会)?(?:磨脚|挤脚|夹脚|顶脚|累脚|臭脚|掉色|褪色|起球|变形|开胶|脱胶|起皱|缩水|掉毛|断|坏|裂|漏|大|小|挤|紧|松|磨|夹|顶|勒|硌)',
  '没有?色差', '无色差', '(?:和|跟|与)(?:图片?|实物)?(?:一样|一模一样|一致)', '一模一样',
  '没有?任何问题', '不会(?:有|出)(?:任何|什么)?问题', '一点问题都没有', '永远', '永久', '一辈子', '终身', '穿不坏', '用不坏',
  '耐穿', '零故障', '满意(?!的(?:答复|处理|结果|解决|方案|交代|服务))', '喜欢',
  // starts with 不, so the gap's negation stop does not cut it off: 一定不会让您失望, 保证您不后悔
  '不(?:会)?(?:让|叫|令)?(?:您|你)?(?:失望|后悔)',
  `${WHEN}(?:就|能|会|可以)*${ARRIVE}`, `(?:准时|按时|如期)${ARRIVE}`, '到货', '送达', '(?:能|会)(?:按时)?(?:到|收到)',
].join('|');

export const PROMISE_SOURCES: readonly string[] = [
  // marker, then within the clause a target; the gap may not hold a negator (一定不合适 is no promise)
  `(?<marker>${MARKER})(?:(?!${BREAK}|${GAP_STOP})[^]){0,8}?(?:${TARGET})`,
  // 包 only binds what follows it directly: 包您满意, 包合脚 (包邮 and 包退 are policy)
  '(?<marker>包)(?:您|你)?(?:满意|合脚|合适|喜欢|舒服|不掉色|没问题|明天到|到)',
  // the time or the thing first: 明天肯定到, 合脚是肯定的. When the thing comes first the match has no
  // marker group, so negation is judged before the thing: the 不 of 不掉色是肯定的 is the promise itself.
  `${WHEN}[^,.!?;:。\\n~]{0,4}?(?<marker>${MARKER})(?:能|会|可以)?${ARRIVE}`,
  `(?:合脚|合适|合身|舒服|没有?色差|不掉色|不会坏)(?:是|这点|这个)?(?:${MARKER})(?:的|没问题)`,
  `(?<marker>${STRONG})没问题`,
  // a strong marker vouches for 没问题 later in the clause: 保证穿44没问题 (肯定没问题 alone is a casual "sure")
  `(?<marker>${STRONG})(?:(?!${BREAK}|${GAP_STOP}|${SERVICE_STOP})[^]){1,8}?没(?:有)?(?:任何)?问题`,
  // 合脚包在我身上: the thing vouched for comes first (这事包在我身上 is a service promise, left alone)
  `(?:${TARGET})[^,.!?;:。\\n~]{0,4}?(?:包在我身上|包我身上)`,
];

/** A marker right next to one of these is vouching for a policy, not predicting the future. */
export const POLICY = /正品|质量|品质|假一赔|退换|无理由|包退|包换|运费险|售后|保修|发票/u;
