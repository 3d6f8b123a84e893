// Chinese wording of the studio API's own English messages (server/http/studioRoutes.ts and the
// export it runs, server/store/studioExport.ts). The page words most refusals from their code
// (deleteDraft.ts failedText); these cover a message that is shown as it came, such as the
// question before an export replaces a library file.
import { template } from './diagnosticTemplate.ts';
import type { Template } from './diagnosticTemplate.ts';

export const studioZh: readonly Template[] = [
  // studioRoutes.ts
  template(/^origin not allowed$/, '这个网址不能访问剧本工作室'),
  template(/^log in as a trainer first$/, '请先用讲师账号登录'),
  template(/^method not allowed here$/, '这个地址不接受这种请求'),
  template(/^nothing at (\S+)$/, '{1} 这里什么也没有'),
  template(/^a scenario id is kebab-case: letters, digits and dashes$/, '剧本 ID 只能用小写字母、数字和短横线'),
  template(/^only an admin exports to the library \(scenarios\/\)$/, '只有管理员可以导出到角色库（scenarios/）'),
  template(/^no scenario (".*")$/, '没有剧本 {1}'),
  template(/^(".*") has no published version (\d+)$/, '{1} 没有第 {2} 版'),
  template(/^nothing to export for (".*")$/, '{1} 没有可以导出的内容'),
  template(/^(.+) saved (".*") after you opened it$/, '{1} 在你打开之后保存了 {2}'),
  template(/^the draft of (".*") was deleted after you opened it$/, '{1} 的草稿在你打开之后被删除了'),
  template(/^the library already has a scenario (".*"); copy it with a new id$/, '角色库里已经有剧本 {1} 了；请复制一份，换一个新 ID'),
  template(
    /^send \{"source": string, "base": revision or null\} or \{"source": string, "overwrite": true\} as JSON, at most (\d+) KB$/,
    '请求格式不对：要用 JSON 发送 {"source": 文本, "base": 版本号或 null} 或 {"source": 文本, "overwrite": true}，最多 {1} KB',
  ),
  template(/^send \{"base": revision\} as JSON: the draft you are deleting$/, '请求格式不对：要用 JSON 发送 {"base": 版本号}，即要删除的那份草稿'),
  template(/^(".*") has no draft$/, '{1} 没有草稿'),
  template(/^no draft of (".*") to publish; save it first$/, '{1} 还没有可以发布的草稿，请先保存'),
  template(/^the scenario does not pass its checks and tests$/, '剧本没有通过检查和内置测试'),
  template(/^version (\d+) of (".*") was just published by someone else; publish again$/, '{2} 的第 {1} 版刚被别人发布了，请再发布一次'),
  template(/^version is a published version number$/, 'version 要填一个已发布的版本号'),
  template(/^(".*") has no published version; publish it first$/, '{1} 还没有发布过，请先发布'),
  template(/^this version does not pass today's checks against the library$/, '这一版没有通过按当前角色库做的检查'),
  template(
    /^send \{"patterns": \[\{"source": string, "flags": "gu" or "u"\}, \.\.\.\]\} as JSON, at most (\d+) patterns of at most (\d+) characters each$/,
    '请求格式不对：要用 JSON 发送 {"patterns": [{"source": 文本, "flags": "gu" 或 "u"}, ...]}，最多 {1} 个正则，每个最多 {2} 个字符',
  ),
  template(/^at most (\d+) patterns per request \(got (\d+)\); send the rest in another$/, '一次最多检查 {1} 个正则（这次发了 {2} 个）；剩下的请分开发'),
  template(/^patterns\[(\d+)\] is longer than (\d+) characters$/, 'patterns[{1}] 超过了 {2} 个字符'),
  template(/^checking patterns used its time for now; try again in (\d+) s \(publish still checks everything\)$/, '正则检查的时间暂时用完了，请 {1} 秒后再试（发布时仍会全部检查）'),

  // studioExport.ts
  template(/^the library already has (\S+) \(id (".*")\) and it is not an export of this studio scenario; confirm to replace it$/, '角色库里已经有 {1}（id {2}），而且它不是从这个工作室剧本导出的；确认后才会覆盖它'),
  template(/^the library already has (\S+) and it is not an export of this studio scenario; confirm to replace it$/, '角色库里已经有 {1}，而且它不是从这个工作室剧本导出的；确认后才会覆盖它'),
  template(/^cannot read (\S+): (.+)$/, '无法读取 {1}：{2}'),
  template(/^cannot write (\S+): (.+)$/, '无法写入 {1}：{2}'),
];
