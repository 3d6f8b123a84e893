// The trainee's drill text (join page, waiting room, banners, the class reveal).
import type { Lang } from '../../store/types.ts';
import type { Dict, DictT, Refusal } from './dict.ts';
import { fill, useDict, wordRefusal } from './dict.ts';

const zhCN = {
  'join.title': '加入班级演练',
  'join.lead': '输入老师给的 6 位演练码和你的昵称，就能进入同一场对话演练。',
  'join.code': '演练码',
  'join.codeHint': '6 位数字',
  'join.go': '下一步',
  'join.name': '你的昵称',
  'join.nameHint': '老师和同学会在看板上看到这个名字',
  'join.submit': '进入演练',
  'join.joining': '正在入座…',
  'join.failed': '没能加入：{message}',
  'join.seatLost': '之前的座位已失效：{message}',
  'join.codeLabel': '演练码 {code}',
  'wait.title': '已入座，等待老师开始',
  'wait.body': '{name}，老师开始后买家会同时向全班发起对话。保持页面打开即可；刷新或换个标签页也会回到你的座位。',
  'wait.locked': '老师已关闭入场',
  'setup.title': '本场演练',
  'setup.mode': '模式',
  'setup.practice': '练习模式',
  'setup.practiceHint': '每条回复下方会即时给出点评。',
  'setup.exam': '考试模式',
  'setup.examHint': '对话中不显示任何点评，对错只在结束后的成绩报告里公布。',
  'setup.limit': '时间限制',
  'setup.noLimit': '不限时',
  'setup.limitMinutes': '{m} 分钟',
  'setup.limitMinSec': '{m} 分 {s} 秒',
  'setup.limitHint': '从老师开始时计时，暂停期间不计；时间到演练自动结束。',
  'setup.scenario': '你将接待的买家',
  'setup.scenariosInOrder': '你将依次接待的 {n} 位买家',
  'removed.title': '你已被移出本场演练',
  'removed.body': '如需回来，请联系老师把你重新放进来，然后再用同一链接加入。',
  'banner.paused': '老师暂停了演练：买家和计时都已冻结，你现在发出的回复会在继续后送达。',
  'banner.ended': '演练已结束，可以查看你的成绩报告。',
  'banner.running': '演练进行中',
  'banner.left': '剩余 {time}',
  'banner.seat': '座位：{name}',
  'reveal.title': '全班回复对比',
  'reveal.lead': '同一个买家问题下全班的回复（匿名），从最好到最差排列。',
  'reveal.rank': '第 {rank} 名',
  'reveal.points': '{points}/{max} 分',
  'reveal.redLine': '触犯红线',
  'reveal.unanswered': '还有 {n} 人未回答这一步',
  'reveal.empty': '这一步还没有人回复。',
  'reveal.move': '买家节点：{move}',
  'reveal.close': '关闭',
  'refusal.no-such-code': '没有找到这个演练码对应的演练，请核对老师给的 6 位数字',
  'refusal.too-many-wrong-codes': '这个网络输错演练码的次数太多了，请过几分钟再试',
  'refusal.locked': '老师已经关闭入场，现在不能加入',
  'refusal.full': '这场演练的座位已经坐满了',
  'refusal.too-many-joins': '这个页面加入的次数太多了，请刷新页面后再试',
  'refusal.removed': '老师已把你移出这场演练',
  'refusal.bad-seat-token': '保存的座位已经找不到了，请重新加入',
  'refusal.no-seat': '你在这个连接上还没有座位，请重新加入演练',
  'refusal.not-your-session': '这个对话不是你座位上的对话',
  'refusal.paused': '老师暂停了演练，继续后再发送',
  'refusal.moving': '演练正在转到另一台服务器，请稍等片刻再试',
  'refusal.too-many-events': '操作太频繁了，请放慢一点再试',
  'refusal.ended': '这场演练已经结束了',
  'refusal.offline': '连不上服务器，请检查网络后再试',
  'refusal.timeout': '服务器没有回应，请再试一次',
  'refusal.unavailable': '服务器暂时忙不过来，请稍后再试',
  'refusal.other': '服务器没有接受这个请求，请稍后再试',
} as const;

type Key = keyof typeof zhCN;
export type DrillKey = Key;

const en: Record<Key, string> = {
  'join.title': 'Join a class drill',
  'join.lead': 'Enter the 6-digit code your trainer gave you and a display name to join the same role-play as the class.',
  'join.code': 'Drill code',
  'join.codeHint': '6 digits',
  'join.go': 'Next',
  'join.name': 'Your display name',
  'join.nameHint': 'Your trainer and classmates see this name on the board',
  'join.submit': 'Take a seat',
  'join.joining': 'Taking your seat…',
  'join.failed': 'Could not join: {message}',
  'join.seatLost': 'Your earlier seat no longer works: {message}',
  'join.codeLabel': 'Drill code {code}',
  'wait.title': 'Seated: waiting for the trainer to start',
  'wait.body': '{name}, when the trainer starts, the buyer opens a chat with the whole class at once. Keep this page open; a reload or another tab brings you back to your seat.',
  'wait.locked': 'The trainer has closed the doors',
  'setup.title': 'About this drill',
  'setup.mode': 'Mode',
  'setup.practice': 'Practice',
  'setup.practiceHint': 'Feedback appears under each of your replies straight away.',
  'setup.exam': 'Exam',
  'setup.examHint': 'No feedback during the chat: how you did is only in the report at the end.',
  'setup.limit': 'Time limit',
  'setup.noLimit': 'None',
  'setup.limitMinutes': '{m} min',
  'setup.limitMinSec': '{m} min {s} s',
  'setup.limitHint': 'The clock starts when the trainer starts and stops while paused; the drill ends when time is up.',
  'setup.scenario': 'The buyer you will serve',
  'setup.scenariosInOrder': 'The {n} buyers you will serve, one after another',
  'removed.title': 'You were removed from this drill',
  'removed.body': 'To come back, ask the trainer to let you in again, then join with the same link.',
  'banner.paused': 'The trainer paused the drill: buyers and timers are frozen. Replies you send now go out after the pause.',
  'banner.ended': 'The drill has ended. Your report is ready.',
  'banner.running': 'Drill in progress',
  'banner.left': '{time} left',
  'banner.seat': 'Seat: {name}',
  'reveal.title': 'The class compared',
  'reveal.lead': "Everyone's reply to the same buyer move, anonymised, from best to worst.",
  'reveal.rank': 'No. {rank}',
  'reveal.points': '{points}/{max} pts',
  'reveal.redLine': 'Red line',
  'reveal.unanswered': '{n} have not answered this move yet',
  'reveal.empty': 'Nobody has answered this move yet.',
  'reveal.move': 'Buyer move: {move}',
  'reveal.close': 'Close',
  'refusal.no-such-code': 'no open drill has this code; check the 6 digits your trainer gave you',
  'refusal.too-many-wrong-codes': 'too many wrong codes from this network; wait a few minutes and try again',
  'refusal.locked': 'the trainer has closed the doors, so nobody new can join right now',
  'refusal.full': 'every seat in this drill is taken',
  'refusal.too-many-joins': 'this page has joined too many times; reload it and try again',
  'refusal.removed': 'the trainer removed you from this drill',
  'refusal.bad-seat-token': 'your saved seat no longer exists; join again',
  'refusal.no-seat': 'you have no seat on this connection; join the drill again',
  'refusal.not-your-session': "that chat is not your seat's",
  'refusal.paused': 'the trainer has paused the drill; send it again once it resumes',
  'refusal.moving': 'the drill is moving to another server; try again in a moment',
  'refusal.too-many-events': 'too many actions in a short time; slow down and try again',
  'refusal.ended': 'this drill has ended',
  'refusal.offline': 'cannot reach the server; check the network and try again',
  'refusal.timeout': 'the server did not answer; try again',
  'refusal.unavailable': 'the server is busy right now; try again shortly',
  'refusal.other': 'the server did not accept that; try again later',
};

const dict: Dict<Key> = { 'zh-CN': zhCN, en };

export const useDrillT = () => useDict(dict);

/**
 * A trainee's refusals (join, rejoin, a seat's chat events), worded by the server's `reason`, else
 * by its code (the shared codes: offline, timeout, a busy server, rate limiting).
 */
const REFUSALS: Partial<Record<string, Key>> = {
  'no-such-code': 'refusal.no-such-code',
  'too-many-wrong-codes': 'refusal.too-many-wrong-codes',
  locked: 'refusal.locked',
  'drill-locked': 'refusal.locked',
  full: 'refusal.full',
  'drill-full': 'refusal.full',
  'too-many-joins': 'refusal.too-many-joins',
  removed: 'refusal.removed',
  'bad-seat-token': 'refusal.bad-seat-token',
  // A rejoin's token that opens nothing: the same as a bad seat token.
  unauthorized: 'refusal.bad-seat-token',
  'no-seat': 'refusal.no-seat',
  'not-your-session': 'refusal.not-your-session',
  paused: 'refusal.paused',
  moving: 'refusal.moving',
  'too-many-events': 'refusal.too-many-events',
  'rate-limited': 'refusal.too-many-events',
  ended: 'refusal.ended',
  offline: 'refusal.offline',
  timeout: 'refusal.timeout',
  unavailable: 'refusal.unavailable',
};

/** Why the server refused the trainee, in the page's language; never its English message (that goes to the console). */
export function refusalText(d: DictT<Key>, refusal: Refusal): string {
  return wordRefusal(d, REFUSALS, refusal, 'refusal.other');
}

/** The same words outside a component (e.g. a chat's failed send in a drill seat), in `lang`. */
export function drillRefusalText(lang: Lang, refusal: Refusal): string {
  return refusalText((key, params) => fill(dict[lang][key], params), refusal);
}
