// The trainer area's text (login, history, lobby, dashboard, reveal, results) in zh-CN and en.
import { useCallback } from 'react';
import { useApp } from '../../store/index.ts';
import type { TrainerFailure } from '../../store/trainerSlice.ts';
import type { Lang } from '../../store/types.ts';
import type { Dict, DictT, Refusal } from '../drill/dict.ts';
import { logUnworded, refusalKey, useDict } from '../drill/dict.ts';

const zhCN = {
  'login.title': '讲师登录',
  'login.name': '账号',
  'login.password': '密码',
  'login.submit': '登录',
  'login.failed': '登录失败：{message}',
  'login.wrong': '账号或密码不对',
  'login.tooMany': '失败次数太多，请过一分钟再试',
  'login.origin': '这个网址不能登录讲师账号，请从服务器的地址打开',
  'nav.history': '演练记录',
  'nav.logout': '退出登录',
  'home.title': '班级演练',
  'home.hello': '{name}，你好',
  'open.title': '开一场演练',
  'open.scenarios': '买家角色（可多选，按勾选顺序依次进行）',
  'open.mode': '模式',
  'open.limit': '时间限制（分钟，可不填）',
  'open.submit': '开场',
  'open.pickOne': '至少选一个买家角色',
  'open.failed': '没能开场：{message}',
  'history.empty': '还没有演练记录。',
  'history.code': '演练码',
  'history.when': '时间',
  'history.status': '状态',
  'history.seats': '人数',
  'history.pass': '通过率',
  'history.open': '打开',
  'status.lobby': '候场中',
  'status.running': '进行中',
  'status.paused': '已暂停',
  'status.ended': '已结束',
  'room.code': '演练码',
  'room.joinUrl': '学员加入链接',
  'room.qr': '扫码加入演练 {code}',
  'room.lock': '关闭入场',
  'room.unlock': '开放入场',
  'room.start': '开始演练',
  'room.pause': '暂停',
  'room.resume': '继续',
  'room.end': '结束演练',
  'room.endConfirm': '确定结束？所有会话都会结束并出分。',
  'room.results': '查看结果',
  'room.trainees': '学员 {n} 人',
  'room.noTrainees': '还没有学员加入。把演练码或二维码给学员吧。',
  'room.clock': '演练用时 {time}',
  'room.left': '剩余 {time}',
  'room.failed': '操作失败：{message}',
  'tile.offline': '离线',
  'tile.online': '在线',
  'tile.remove': '移出 {name}',
  'tile.removeConfirm': '把 {name} 移出本场演练？TA 的对话会停在现在，之后可以再放回来。',
  'tile.admit': '放回 {name}',
  'tile.removed': '已移出',
  'tile.move': '买家节点',
  'tile.score': '实时得分',
  'tile.waiting': '买家已等',
  'tile.turns': '{n} 轮',
  'tile.watch': '查看 {name} 的对话',
  'tile.redLines': '红线：{rules}',
  'tile.sep': '、',
  'tile.lobby': '候场',
  'tile.finished': '已完成',
  'heat.title': '全班规则通过情况',
  'heat.rule': '规则',
  'heat.pass': '通过',
  'heat.fail': '未通过',
  'heat.empty': '还没有评分。',
  'watch.title': '{name} 的对话（只读）',
  'watch.close': '关闭查看',
  'reveal.title': '全班对比',
  'reveal.pick': '选择买家节点',
  'reveal.moveOption': '{label}（{id}）',
  'reveal.inScenario': '{scenario} · {move}',
  'reveal.freeze': '冻结并收集回复',
  'reveal.show': '投屏给全班',
  'reveal.shown': '已展示给 {n} 名学员',
  'reveal.noMoves': '学员开始对话后可以选择节点。',
  'results.title': '演练结果 · {code}',
  'results.passRate': '通过率',
  'results.avg': '平均分',
  'results.spread': '标准差',
  'results.range': '最低 / 最高',
  'results.firstResponse': '平均首次响应',
  'results.avgResponse': '平均响应时间',
  'results.conversion': '成交转化',
  'results.rules': '各规则通过率',
  'results.redLine': '红线',
  'results.leaderboard': '显示排行榜',
  'results.trainees': '学员成绩',
  'results.name': '学员',
  'results.score': '得分',
  'results.passed': '是否通过',
  'results.yes': '通过',
  'results.no': '未通过',
  'results.csv': '下载 CSV',
  'results.json': '下载 JSON',
  'results.back': '返回演练记录',
  'results.details': '展开报告',
  'results.loading': '正在计算结果…',
  'results.interrupted': '服务器在演练进行中重启，演练已中断：以下是中断时的成绩，未完成的对话按中断时的进度评分。',
  'history.interrupted': '（已中断）',
  'accounts.title': '讲师账号',
  'accounts.hint': '只有管理员能添加讲师。新讲师用这里设置的账号和密码登录。',
  'accounts.name': '新讲师账号',
  'accounts.password': '初始密码（至少 8 个字符）',
  'accounts.admin': '也设为管理员（可以添加其他讲师）',
  'accounts.submit': '添加讲师',
  'accounts.added': '已添加讲师“{name}”。',
  'accounts.failed': '未能添加：{message}',
  'accounts.nameLength': '账号要有 1 到 64 个字符',
  'accounts.nameControl': '账号里不能有控制字符',
  'accounts.passwordShort': '密码至少要 8 个字符',
  'accounts.passwordLong': '密码最多 256 个字符',
  'accounts.taken': '已经有叫“{name}”的讲师了',
  'accounts.notAdmin': '只有管理员能添加讲师',
  'accounts.forbidden': '这里不允许添加讲师',
  'failure.loggedOut': '登录已失效，请重新登录',
  'failure.offline': '连不上服务器，请检查网络后再试',
  'room.trainees.one': '学员 {n} 人',
  'tile.turns.one': '{n} 轮',
  'reveal.shown.one': '已展示给 {n} 名学员',
  'tile.scenario': '剧本',
  'tile.scenarioAt': '{at}/{of} · {title}',
  'results.scenario': '剧本：{title}',
  'login.address': '这个网络登录失败的次数太多，{retry}',
  'login.account': '这个账号的密码输错太多次了，{retry}',
  'login.busy': '服务器正忙着核对别人的登录，{retry}',
  'login.retryIn': '请 {n} 秒后再试',
  'login.retryIn.one': '请 {n} 秒后再试',
  'login.retryLater': '请稍等一会儿再试',
  'refusal.not-your-drill': '这场演练不是你开的，或者已经不存在了',
  'refusal.ended': '这场演练已经结束，不能再改动了',
  'refusal.ending': '演练正在结束，结果马上就到',
  'refusal.already-started': '演练已经开始了',
  'refusal.not-running': '演练没有在进行，不能暂停',
  'refusal.not-paused': '演练没有暂停，不用继续',
  'refusal.not-started': '演练开始以后才能做全班对比',
  'refusal.no-reveal': '请先选一个买家节点冻结演练，再投屏给全班',
  'refusal.unknown-scenario': '这场演练里没有这个剧本',
  'refusal.no-such-seat': '这场演练里没有这位学员',
  'refusal.no-session-yet': '这位学员还没有开始对话',
  'refusal.scenario-unavailable': '有买家剧本缺失或加载不了，请换一个再试',
  'refusal.moving': '演练正在转到另一台服务器，请稍等片刻再试',
  'refusal.too-many-events': '操作太频繁了，请放慢一点再试',
  'refusal.timeout': '服务器没有回应，请再试一次',
  'refusal.unavailable': '服务器暂时忙不过来，请稍后再试',
  'refusal.other': '服务器没有接受这个操作，请稍后再试',
  'results.notFound': '找不到这场演练的结果：它可能不是你开的',
} as const;

type Key = keyof typeof zhCN;

const en: Record<Key, string> = {
  'login.title': 'Trainer login',
  'login.name': 'Name',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.failed': 'Login failed: {message}',
  'login.wrong': 'wrong name or password',
  'login.tooMany': 'too many failed attempts; try again in a minute',
  'login.origin': "trainers cannot log in from this address; open the server's own address",
  'nav.history': 'Drills',
  'nav.logout': 'Log out',
  'home.title': 'Class drills',
  'home.hello': 'Hello, {name}',
  'open.title': 'Open a drill',
  'open.scenarios': 'Buyers (pick one or more; they play in the order ticked)',
  'open.mode': 'Mode',
  'open.limit': 'Time limit (minutes, optional)',
  'open.submit': 'Open',
  'open.pickOne': 'Pick at least one buyer',
  'open.failed': 'Could not open the drill: {message}',
  'history.empty': 'No drills yet.',
  'history.code': 'Code',
  'history.when': 'When',
  'history.status': 'Status',
  'history.seats': 'Trainees',
  'history.pass': 'Pass rate',
  'history.open': 'Open',
  'status.lobby': 'Lobby',
  'status.running': 'Running',
  'status.paused': 'Paused',
  'status.ended': 'Ended',
  'room.code': 'Drill code',
  'room.joinUrl': 'Join link for trainees',
  'room.qr': 'Scan to join drill {code}',
  'room.lock': 'Close the doors',
  'room.unlock': 'Open the doors',
  'room.start': 'Start the drill',
  'room.pause': 'Pause',
  'room.resume': 'Resume',
  'room.end': 'End the drill',
  'room.endConfirm': 'End now? Every chat ends and is scored.',
  'room.results': 'See results',
  'room.trainees': '{n} trainees',
  'room.noTrainees': 'Nobody has joined yet. Share the code or the QR code with the class.',
  'room.clock': 'Drill time {time}',
  'room.left': '{time} left',
  'room.failed': 'That did not work: {message}',
  'tile.offline': 'Offline',
  'tile.online': 'Online',
  'tile.remove': 'Remove {name}',
  'tile.removeConfirm': 'Remove {name} from this drill? Their chat stops where it is; you can let them back in later.',
  'tile.admit': 'Let {name} back in',
  'tile.removed': 'Removed',
  'tile.move': 'Buyer move',
  'tile.score': 'Live score',
  'tile.waiting': 'Buyer waiting',
  'tile.turns': '{n} turns',
  'tile.watch': "Watch {name}'s chat",
  'tile.redLines': 'Red lines: {rules}',
  'tile.sep': ', ',
  'tile.lobby': 'In the lobby',
  'tile.finished': 'Finished',
  'heat.title': 'Rules across the class',
  'heat.rule': 'Rule',
  'heat.pass': 'Pass',
  'heat.fail': 'Fail',
  'heat.empty': 'Nothing scored yet.',
  'watch.title': "{name}'s chat (read-only)",
  'watch.close': 'Stop watching',
  'reveal.title': 'Class reveal',
  'reveal.pick': 'Buyer move',
  'reveal.moveOption': '{label} ({id})',
  'reveal.inScenario': '{scenario} · {move}',
  'reveal.freeze': 'Freeze and gather replies',
  'reveal.show': 'Show to the class',
  'reveal.shown': 'Shown to {n} trainees',
  'reveal.noMoves': 'Moves appear here once trainees are chatting.',
  'results.title': 'Drill results · {code}',
  'results.passRate': 'Pass rate',
  'results.avg': 'Average',
  'results.spread': 'Std. deviation',
  'results.range': 'Lowest / highest',
  'results.firstResponse': 'Avg. first response',
  'results.avgResponse': 'Avg. response time',
  'results.conversion': 'Conversion',
  'results.rules': 'Pass rate per rule',
  'results.redLine': 'Red line',
  'results.leaderboard': 'Show the leaderboard',
  'results.trainees': 'Trainees',
  'results.name': 'Trainee',
  'results.score': 'Score',
  'results.passed': 'Passed',
  'results.yes': 'Passed',
  'results.no': 'Failed',
  'results.csv': 'Download CSV',
  'results.json': 'Download JSON',
  'results.back': 'Back to drills',
  'results.details': 'Show report',
  'results.loading': 'Working out the results…',
  'results.interrupted': 'The server restarted while this drill ran, so it was interrupted: these are the results so far, with unfinished chats scored where they stopped.',
  'history.interrupted': ' (interrupted)',
  'accounts.title': 'Trainer accounts',
  'accounts.hint': 'Only an admin adds trainers. The new trainer logs in with the name and password set here.',
  'accounts.name': 'New trainer\'s name',
  'accounts.password': 'First password (at least 8 characters)',
  'accounts.admin': 'Also an admin (may add other trainers)',
  'accounts.submit': 'Add trainer',
  'accounts.added': 'Trainer “{name}” added.',
  'accounts.failed': 'Could not add: {message}',
  'accounts.nameLength': 'a name has 1 to 64 characters',
  'accounts.nameControl': 'a name cannot contain control characters',
  'accounts.passwordShort': 'a password has at least 8 characters',
  'accounts.passwordLong': 'a password has at most 256 characters',
  'accounts.taken': 'there is already a trainer called “{name}”',
  'accounts.notAdmin': 'only an admin adds trainers',
  'accounts.forbidden': 'adding a trainer is not allowed here',
  'failure.loggedOut': 'you are no longer logged in; log in again',
  'failure.offline': 'cannot reach the server; check the network and try again',
  'room.trainees.one': '{n} trainee',
  'tile.turns.one': '{n} turn',
  'reveal.shown.one': 'Shown to {n} trainee',
  'tile.scenario': 'Scenario',
  'tile.scenarioAt': '{at}/{of} · {title}',
  'results.scenario': 'Scenario: {title}',
  'login.address': 'too many failed logins from this network; {retry}',
  'login.account': 'too many wrong passwords for this name; {retry}',
  'login.busy': 'the server is busy checking other logins; {retry}',
  'login.retryIn': 'try again in {n} seconds',
  'login.retryIn.one': 'try again in {n} second',
  'login.retryLater': 'wait a little and try again',
  'refusal.not-your-drill': 'this drill is not yours, or it no longer exists',
  'refusal.ended': 'this drill has ended and can no longer be changed',
  'refusal.ending': 'the drill is ending; its results are on the way',
  'refusal.already-started': 'the drill has already started',
  'refusal.not-running': 'the drill is not running, so it cannot be paused',
  'refusal.not-paused': 'the drill is not paused',
  'refusal.not-started': 'a class reveal needs a started drill',
  'refusal.no-reveal': 'freeze the drill at a buyer move first, then show it to the class',
  'refusal.unknown-scenario': 'this drill does not play that scenario',
  'refusal.no-such-seat': 'there is no such trainee in this drill',
  'refusal.no-session-yet': 'that trainee has not started a chat yet',
  'refusal.scenario-unavailable': 'a buyer scenario is missing or does not load; pick another',
  'refusal.moving': 'the drill is moving to another server; try again in a moment',
  'refusal.too-many-events': 'too many actions in a short time; slow down and try again',
  'refusal.timeout': 'the server did not answer; try again',
  'refusal.unavailable': 'the server is busy right now; try again shortly',
  'refusal.other': 'the server did not accept that; try again later',
  'results.notFound': 'no results for this drill: it may not be one of yours',
};

const dict: Dict<Key> = { 'zh-CN': zhCN, en };

export const useTrainerT = () => useDict(dict);

/** Texts that say a count: each has a `.one` form beside it for the languages that tell one from many. */
export type CountKey = 'room.trainees' | 'tile.turns' | 'reveal.shown' | 'login.retryIn';

/** The form of a count's text for `n` in `lang`: `key.one` where the language's plural rules say "one", else `key`. */
export function countKey(lang: Lang, key: CountKey, n: number): Key {
  return new Intl.PluralRules(lang).select(n) === 'one' ? `${key}.one` : key;
}

/** A count's text in the page's language, singular or plural as the number asks ("1 turn", "2 turns"). */
export function useTrainerCount(): (key: CountKey, n: number) => string {
  const d = useTrainerT();
  const lang = useApp((s) => s.lang);
  return useCallback((key, n) => d(countKey(lang, key, n), { n }), [d, lang]);
}

/** Text for what the server (or the network) answered, by its code; its English message only for a code not known here. */
const LOGIN_FAILURES: Partial<Record<string, Key>> = { unauthorized: 'login.wrong', 'rate-limited': 'login.tooMany', forbidden: 'login.origin', offline: 'failure.offline' };
/** A 429 on login says which limit it hit (server/http/trainerRoutes.ts): the text names it and the wait. */
const LOGIN_LIMITS: Partial<Record<string, Key>> = { address: 'login.address', account: 'login.account', busy: 'login.busy' };
const ADD_FAILURES: Partial<Record<string, Key>> = {
  'name-length': 'accounts.nameLength',
  'name-control-chars': 'accounts.nameControl',
  'password-too-short': 'accounts.passwordShort',
  'password-too-long': 'accounts.passwordLong',
  'name-taken': 'accounts.taken',
  // The not-admin refusal names itself; any other 403 (the origin check) is a generic "not from here".
  'not-admin': 'accounts.notAdmin',
  forbidden: 'accounts.forbidden',
  unauthorized: 'failure.loggedOut',
  offline: 'failure.offline',
};

/** Why logging in failed, in the page's language; a limit says how long to wait when the server said so. */
export function loginFailureText(d: DictT<Key>, failure: TrainerFailure, lang: Lang): string {
  const limit = failure.code === 'rate-limited' && failure.reason && Object.hasOwn(LOGIN_LIMITS, failure.reason) ? LOGIN_LIMITS[failure.reason] : undefined;
  if (limit) {
    const seconds = failure.retryAfterSeconds;
    const retry = seconds !== undefined ? d(countKey(lang, 'login.retryIn', seconds), { n: seconds }) : d('login.retryLater');
    return d('login.failed', { message: d(limit, { retry }) });
  }
  const key = refusalKey(LOGIN_FAILURES, { code: failure.code });
  return d('login.failed', { message: key ? d(key) : failure.message });
}

/** Why adding trainer `name` was refused, in the page's language: by the server's reason, else its code. */
export function addFailureText(d: DictT<Key>, failure: TrainerFailure, name: string): string {
  const key = refusalKey(ADD_FAILURES, failure);
  return d('accounts.failed', { message: key ? d(key, { name }) : failure.message });
}

/**
 * A trainer's drill events (open, attach, the controls, the reveal, remove and admit), worded by the
 * server's `reason` (server/protocol/drillEvents.ts), else by its code.
 */
const DRILL_REFUSALS: Partial<Record<string, Key>> = {
  'not-logged-in': 'failure.loggedOut',
  unauthorized: 'failure.loggedOut',
  'not-your-drill': 'refusal.not-your-drill',
  ended: 'refusal.ended',
  ending: 'refusal.ending',
  'already-started': 'refusal.already-started',
  'not-running': 'refusal.not-running',
  'not-paused': 'refusal.not-paused',
  'not-started': 'refusal.not-started',
  'no-reveal': 'refusal.no-reveal',
  'unknown-scenario': 'refusal.unknown-scenario',
  'no-such-seat': 'refusal.no-such-seat',
  'no-session-yet': 'refusal.no-session-yet',
  'scenario-unavailable': 'refusal.scenario-unavailable',
  moving: 'refusal.moving',
  'too-many-events': 'refusal.too-many-events',
  'rate-limited': 'refusal.too-many-events',
  offline: 'failure.offline',
  timeout: 'refusal.timeout',
  unavailable: 'refusal.unavailable',
};

/** Why the server refused a trainer's drill event, in the page's language; never its English message (that goes to the console). */
export function drillFailureText(d: DictT<Key>, refusal: Refusal): string {
  const key = refusalKey(DRILL_REFUSALS, refusal);
  if (!key) logUnworded(refusal);
  return d(key ?? 'refusal.other');
}

/** Why a drill's results did not load (GET /api/drills/:id), in the page's language. */
export function resultsFailureText(d: DictT<Key>, failure: TrainerFailure): string {
  if (failure.code === 'not-found') return d('results.notFound');
  return drillFailureText(d, failure);
}
