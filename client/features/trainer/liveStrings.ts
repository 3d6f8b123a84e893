// The live drill room's newer text in zh-CN and en: the verdicts in the watch panel, the warning
// before a reveal is shown during an exam, and cancelling a drill in its lobby. Kept apart from
// strings.ts, which others edit too.
import type { Dict } from '../drill/dict.ts';
import { useDict } from '../drill/dict.ts';

const zhCN = {
  'watch.summary': '已评分回复 {replies} 条 · 未通过 {fails} 项',
  'watch.redLines': '触碰红线 {n} 项',
  'watch.noneYet': '学员回复后，每条回复下会显示它的评分结果。',
  'watch.exam': '考试模式：这些评分只有你看得到，学员要等考试结束后在报告里才看到。',
  'reveal.examTitle': '考试还没结束，确定要投屏吗？',
  'reveal.examBody':
    '投屏后，这场演练里的全部学员（{n} 人）都会马上看到全班对「{move}」的匿名回复和排名，以及每条回复的评分结果和点评。这些内容等于提示，他们可以拿来改后面的回答。',
  'reveal.examConfirm': '仍然投屏',
  'reveal.examCancel': '先不投屏',
  'cancel.button': '取消演练',
  'cancel.confirm': '确定取消这场演练？已入座的学员会马上收到通知，演练码也会作废。',
  'cancel.yes': '确定取消',
  'cancel.keep': '先不取消',
  'cancelled.title': '这场演练已取消',
  'cancelled.byTrainer': '演练在开始前取消了：已入座的学员都收到了通知，演练码 {code} 不能再加入。没有成绩。',
  'cancelled.byExpiry': '这场演练创建后一直没有开始，已自动取消：演练码 {code} 不能再加入。没有成绩。',
  'cancelled.stored': '这场演练在开始前就取消了，没有成绩可看。',
  'cancelled.back': '回到课堂演练',
  'setup.title': '本场设置',
  'tile.buyerScoreTitle': '第 {at}/{of} 位买家的实时得分',
  'tile.drillCaption': '演练得分',
  'tile.soFar': '演练累计 {score} 分（{n} 位买家平均，没接待到的记 0 分）',
};

const en: Record<keyof typeof zhCN, string> = {
  'watch.summary': 'Scored replies: {replies} · missed rules: {fails}',
  'watch.redLines': 'Red lines crossed: {n}',
  'watch.noneYet': 'Once the trainee replies, each reply shows how it was scored underneath.',
  'watch.exam': 'Exam: only you can see these verdicts. The trainee sees them in the report once the exam is over.',
  'reveal.examTitle': 'The exam is still on. Show the reveal to the class?',
  'reveal.examBody':
    "Every trainee in this drill ({n} in all) will see the class's anonymised replies to “{move}”, ranked, with each reply's verdicts and feedback. That works as a hint they can use in the rest of their answers.",
  'reveal.examConfirm': 'Show it anyway',
  'reveal.examCancel': 'Not now',
  'cancel.button': 'Cancel the drill',
  'cancel.confirm': 'Cancel this drill? Seated trainees are told at once, and the code stops working.',
  'cancel.yes': 'Yes, cancel it',
  'cancel.keep': 'Keep it',
  'cancelled.title': 'This drill was cancelled',
  'cancelled.byTrainer': 'It was cancelled before it started: the seated trainees were told, and the code {code} no longer lets anyone in. There are no results.',
  'cancelled.byExpiry': 'It was never started, so it was cancelled automatically: the code {code} no longer lets anyone in. There are no results.',
  'cancelled.stored': 'This drill was cancelled before it started, so it has no results.',
  'cancelled.back': 'Back to class drills',
  'setup.title': 'Drill setup',
  'tile.buyerScoreTitle': 'Live score with buyer {at} of {of}',
  'tile.drillCaption': 'drill score',
  'tile.soFar': 'Drill so far: {score} (mean over all {n} buyers, 0 for each not reached yet)',
};

export type LiveKey = keyof typeof zhCN;
const dict: Dict<LiveKey> = { 'zh-CN': zhCN, en };

export const useLiveT = () => useDict(dict);
