// The text of trainer account management (the admins' list, disable / enable, password reset, and
// "my account") in zh-CN and en, and the words for the server's refusals by reason code
// (server/http/accountRoutes.ts). The add-trainer form keeps its text in strings.ts.
import type { TrainerFailure } from '../../store/trainerSlice.ts';
import type { Lang } from '../../store/types.ts';
import type { Dict, DictT } from '../drill/dict.ts';
import { refusalKey, useDict, wordRefusal } from '../drill/dict.ts';

const zhCN = {
  'list.title': '全部讲师',
  'list.loading': '正在读取讲师名单…',
  'list.admin': '管理员',
  'list.trainer': '讲师',
  'list.disabled': '已停用',
  'list.you': '（你）',
  'list.created': '创建于 {at}',
  'list.lastLogin': '最近登录 {at}',
  'list.never': '还没登录过',
  'list.disable': '停用',
  'list.disableName': '停用 {name}',
  'list.enable': '恢复使用',
  'list.enableName': '恢复 {name}',
  'list.reset': '重设密码',
  'list.resetName': '重设 {name} 的密码',
  'confirm.disable': '停用“{name}”？TA 会马上被登出，在你恢复之前都不能登录。',
  'confirm.disableGo': '确认停用',
  'confirm.enable': '恢复“{name}”？TA 可以再用自己的密码登录。',
  'confirm.enableGo': '确认恢复',
  'done.disabled': '已停用“{name}”，TA 的登录都已结束。',
  'done.enabled': '已恢复“{name}”，TA 可以登录了。',
  'reset.title': '给“{name}”设一个新密码',
  'reset.hint': 'TA 现在的登录会全部结束。请当面或私下把新密码告诉 TA。',
  'reset.password': '新密码（至少 8 个字符）',
  'reset.submit': '设置新密码',
  'reset.done': '已给“{name}”设了新密码，TA 要用新密码重新登录。',
  'own.title': '我的账号',
  'own.hint': '改好后，你在别的浏览器或设备上的登录会结束，这个页面保持登录。',
  'own.current': '当前密码',
  'own.new': '新密码（至少 8 个字符）',
  'own.repeat': '再输一次新密码',
  'own.submit': '修改我的密码',
  'own.done': '密码已修改，其他地方的登录已经结束。',
  'own.mismatch': '两次输入的新密码不一样',
  'failed.list': '读不到讲师名单：{message}',
  'failed.disable': '未能停用：{message}',
  'failed.enable': '未能恢复：{message}',
  'failed.reset': '未能重设密码：{message}',
  'failed.own': '未能修改密码：{message}',
  'why.not-admin': '只有管理员能管理讲师账号',
  'why.self-disable': '不能停用你自己的账号',
  'why.self-reset': '你自己的密码请在“我的账号”里用当前密码修改',
  'why.last-admin': '这是最后一个能用的管理员，停用后就没人能管理账号了',
  'why.no-such-trainer': '找不到这个讲师账号，请刷新页面',
  'why.password-too-short': '密码至少要 8 个字符',
  'why.password-too-long': '密码最多 256 个字符',
  'why.wrong-password': '当前密码不对',
  'why.address': '这个网络输错密码的次数太多了，{retry}',
  'why.account': '这个账号的密码输错太多次了，{retry}',
  'why.busy': '服务器正忙着核对别的密码，{retry}',
  'why.retryIn': '请 {n} 秒后再试',
  'why.retryIn.one': '请 {n} 秒后再试',
  'why.retryLater': '请稍等一会儿再试',
  'why.bad-json': '请求的格式不对，请刷新页面再试',
  'why.forbidden': '这个网址不能管理账号，请从服务器的地址打开',
  'why.loggedOut': '登录已失效，请重新登录',
  'why.offline': '连不上服务器，请检查网络后再试',
  'why.other': '服务器没有接受，请稍后再试',
} as const;

export type AccountKey = keyof typeof zhCN;

const en: Record<AccountKey, string> = {
  'list.title': 'All trainers',
  'list.loading': 'Loading the trainers…',
  'list.admin': 'Admin',
  'list.trainer': 'Trainer',
  'list.disabled': 'Disabled',
  'list.you': ' (you)',
  'list.created': 'Created {at}',
  'list.lastLogin': 'Last login {at}',
  'list.never': 'Never logged in',
  'list.disable': 'Disable',
  'list.disableName': 'Disable {name}',
  'list.enable': 'Enable',
  'list.enableName': 'Enable {name}',
  'list.reset': 'Reset password',
  'list.resetName': "Reset {name}'s password",
  'confirm.disable': 'Disable “{name}”? They are logged out at once and cannot log in until you enable the account again.',
  'confirm.disableGo': 'Yes, disable',
  'confirm.enable': 'Enable “{name}”? They can log in with their own password again.',
  'confirm.enableGo': 'Yes, enable',
  'done.disabled': '“{name}” is disabled and logged out everywhere.',
  'done.enabled': '“{name}” is enabled and may log in.',
  'reset.title': 'A new password for “{name}”',
  'reset.hint': 'Their current logins all end. Tell them the new password in person or privately.',
  'reset.password': 'New password (at least 8 characters)',
  'reset.submit': 'Set the new password',
  'reset.done': '“{name}” has a new password and must log in with it.',
  'own.title': 'My account',
  'own.hint': 'Once changed, your logins in other browsers or devices end; this page stays logged in.',
  'own.current': 'Current password',
  'own.new': 'New password (at least 8 characters)',
  'own.repeat': 'New password again',
  'own.submit': 'Change my password',
  'own.done': 'Password changed. Your logins elsewhere have ended.',
  'own.mismatch': 'the two new passwords are not the same',
  'failed.list': 'Could not load the trainers: {message}',
  'failed.disable': 'Could not disable: {message}',
  'failed.enable': 'Could not enable: {message}',
  'failed.reset': 'Could not reset the password: {message}',
  'failed.own': 'Could not change the password: {message}',
  'why.not-admin': 'only an admin manages trainer accounts',
  'why.self-disable': 'you cannot disable your own account',
  'why.self-reset': 'change your own password under “My account”, with your current one',
  'why.last-admin': 'this is the last admin who can log in; nobody could manage accounts without them',
  'why.no-such-trainer': 'that trainer account is not there any more; reload the page',
  'why.password-too-short': 'a password has at least 8 characters',
  'why.password-too-long': 'a password has at most 256 characters',
  'why.wrong-password': 'the current password is not right',
  'why.address': 'too many wrong passwords from this network; {retry}',
  'why.account': 'too many wrong passwords for this account; {retry}',
  'why.busy': 'the server is busy checking other passwords; {retry}',
  'why.retryIn': 'try again in {n} seconds',
  'why.retryIn.one': 'try again in {n} second',
  'why.retryLater': 'wait a little and try again',
  'why.bad-json': 'the request was not understood; reload the page and try again',
  'why.forbidden': "accounts cannot be managed from this address; open the server's own address",
  'why.loggedOut': 'you are no longer logged in; log in again',
  'why.offline': 'cannot reach the server; check the network and try again',
  'why.other': 'the server did not accept that; try again later',
};

const dict: Dict<AccountKey> = { 'zh-CN': zhCN, en };

export const useAccountT = () => useDict(dict);

export type AccountAction = 'list' | 'disable' | 'enable' | 'reset' | 'own';

/**
 * What came of an action, kept as data and worded when shown, so a switch of language rewords it:
 * done (a text naming the trainer), or refused (by the server's code and reason).
 */
export type Outcome = { ok: true; key: 'done.disabled' | 'done.enabled' | 'reset.done' | 'own.done'; name?: string } | { ok: false; action: AccountAction; failure: TrainerFailure };

export function outcomeText(d: DictT<AccountKey>, outcome: Outcome, lang: Lang): string {
  return outcome.ok ? d(outcome.key, { name: outcome.name ?? '' }) : accountFailureText(d, outcome.action, outcome.failure, lang);
}

/** Words by the server's `reason`, else its code; `self` means something else per action. */
const COMMON: Partial<Record<string, AccountKey>> = {
  'not-admin': 'why.not-admin',
  'last-admin': 'why.last-admin',
  'no-such-trainer': 'why.no-such-trainer',
  'password-too-short': 'why.password-too-short',
  'password-too-long': 'why.password-too-long',
  'wrong-password': 'why.wrong-password',
  // the page's own check: the new password typed twice differently (nothing was sent)
  mismatch: 'own.mismatch',
  'bad-json': 'why.bad-json',
  // A 403 with none of the reasons above is the origin check.
  forbidden: 'why.forbidden',
  unauthorized: 'why.loggedOut',
  offline: 'why.offline',
};
const BY_ACTION: Record<AccountAction, Partial<Record<string, AccountKey>>> = {
  list: COMMON,
  disable: { ...COMMON, self: 'why.self-disable' },
  enable: COMMON,
  reset: { ...COMMON, self: 'why.self-reset' },
  own: COMMON,
};
const LIMITS: Partial<Record<string, AccountKey>> = { address: 'why.address', account: 'why.account', busy: 'why.busy' };

/** Why an account request failed, in the page's language: "could not <action>: <why>". */
export function accountFailureText(d: DictT<AccountKey>, action: AccountAction, failure: TrainerFailure, lang: Lang): string {
  return d(`failed.${action}`, { message: reasonText(d, action, failure, lang) });
}

function reasonText(d: DictT<AccountKey>, action: AccountAction, failure: TrainerFailure, lang: Lang): string {
  const limit = failure.code === 'rate-limited' ? refusalKey(LIMITS, { code: '', reason: failure.reason }) : undefined;
  if (limit) {
    const seconds = failure.retryAfterSeconds;
    const one = seconds !== undefined && new Intl.PluralRules(lang).select(seconds) === 'one';
    const retry = seconds === undefined ? d('why.retryLater') : d(one ? 'why.retryIn.one' : 'why.retryIn', { n: seconds });
    return d(limit, { retry });
  }
  return wordRefusal(d, BY_ACTION[action], failure, 'why.other');
}
