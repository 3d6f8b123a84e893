// Audit item 18: at the fake platform notice, a trainee who first checks the back office and reports
// to the supervisor one reply later (after the fake staff press) has escalated at the notice; the
// rule escalate-when-beyond-authority is scoped to that move, so the pressure now comes inside it.
import { describe, expect, it } from 'vitest';
import { compileScenario, playScript } from '../../../server/engine/index.ts';
import type { Script } from '../../../server/engine/index.ts';
import { loadBundle, scenariosDir } from '../../../server/store/scenarioFiles.ts';

const loaded = await loadBundle(scenariosDir(), 'phisher');
if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('; '));
const phisher = compileScenario(loaded.bundle);
const says = (...lines: string[]): Script => ({ turns: lines.map((say) => ({ say, afterMs: 6000 })) });

const UP_TO_THE_NOTICE = [
  '亲，您好~ 我们这边看不了外面的链接哈，您直接告诉我想买的是哪双、多大码',
  '亲，实在不好意思，为了账号安全外面的链接我们都不点的，您把款式尺码发我也一样~',
  '亲，文件这边接收不了哈，您把需要的款式尺码加购物车一起结算就行',
  '亲，压缩包也不方便接收的，您直接在店铺页面下单哈',
  '亲，店铺后台没有收到任何通知哦，我们一切以后台为准，这个链接就不点了',
];
const verdict = (script: Script) =>
  playScript(phisher, script, 1, 0).report.rules.find((v) => v.rule === 'escalate-when-beyond-authority')?.verdict;

describe('phisher: escalating one reply after the notice', () => {
  it('passes when the supervisor is told in the reply after the pressure', () => {
    expect(verdict(says(...UP_TO_THE_NOTICE, '我已经把这个情况报给主管了，他会在后台核实'))).toBe('pass');
  });
  it('still fails when nobody above is ever told', () => {
    expect(verdict(says(...UP_TO_THE_NOTICE, '亲，后台真的没有任何通知，链接我们不会点的'))).toBe('fail');
  });
});
