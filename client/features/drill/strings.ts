// The trainee's drill text (join page, waiting room, banners, the class reveal).
import type { Dict } from './dict.ts';
import { useDict } from './dict.ts';

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
  'removed.title': '你已被移出本场演练',
  'removed.body': '如需回来，请联系老师把你重新放进来，然后再用同一链接加入。',
  'banner.paused': '老师暂停了演练：买家和计时都已冻结，你现在发出的回复会在继续后送达。',
  'banner.ended': '演练已结束，可以查看你的成绩报告。',
  'banner.running': '演练进行中',
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
} as const;

type Key = keyof typeof zhCN;

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
  'removed.title': 'You were removed from this drill',
  'removed.body': 'To come back, ask the trainer to let you in again, then join with the same link.',
  'banner.paused': 'The trainer paused the drill: buyers and timers are frozen. Replies you send now go out after the pause.',
  'banner.ended': 'The drill has ended. Your report is ready.',
  'banner.running': 'Drill in progress',
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
};

const dict: Dict<Key> = { 'zh-CN': zhCN, en };

export const useDrillT = () => useDict(dict);
