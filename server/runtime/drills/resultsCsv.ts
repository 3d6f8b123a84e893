// The results as a CSV a trainer opens in Excel: Chinese headers, trainees by name in the ranking's
// order (ranking.ts, as on the results page), red lines by their short names with the buyer they
// were crossed with, seconds instead of ms, and words instead of codes. UTF-8 with a BOM: without
// it Excel reads the Chinese as mojibake. The ids stay, in the last columns, for whoever joins data.
import type { OutcomeKind } from '../../engine/index.ts';
import type { BuyerStatus, DrillResults, SeatResult } from '../../protocol/index.ts';
import { withCurrentSummary } from './results.ts';

const COLUMNS = ['名次', '学员', '学员状态', '演练得分', '红线次数', '红线（第几位买家）', '第几位买家', '买家剧本', '剧本版本', '这位买家', '结局', '得分', '是否通过', '本次红线', '首次响应（秒）', '平均响应（秒）', '回复次数', '座位 ID', '对话 ID'];

const BUYER_STATUS: Record<BuyerStatus, string> = { done: '已完成', unfinished: '未完成（被打断）', notStarted: '未接待到' };

const OUTCOME: Record<OutcomeKind, string> = {
  purchased: '买家下单',
  left: '买家离开',
  resolved: '问题已解决',
  escalated: '转交主管',
  'reported-shop': '买家投诉店铺',
  scammed: '店铺被骗',
};

/**
 * One row per trainee x buyer, played or not, trainees in ranking order (removed ones last, no
 * rank). A removed seat keeps the score frozen at its removal and leaves `是否通过` empty: like the
 * summary, the CSV does not grade it.
 */
export function resultsCsv(stored: DrillResults): string {
  const results = withCurrentSummary(stored);
  const rows = [COLUMNS];
  const rankOf = new Map(results.leaderboard.map((r) => [r.name, r.rank]));
  const place = new Map(results.leaderboard.map((r, i) => [r.name, i]));
  const order = (s: SeatResult) => place.get(s.name) ?? Number.POSITIVE_INFINITY;
  const seats = [...results.seats].sort((a, b) => order(a) - order(b));
  for (const seat of seats) {
    const redLines = seat.redLines ?? [];
    const crossed = redLines.map((r) => `${title(r.title, r.rule)}（第 ${r.position + 1} 位）`).join('；');
    for (const buyer of seat.buyers ?? []) {
      const s = buyer.sessionId === null ? undefined : seat.sessions[buyer.position];
      const r = s?.report;
      const here = redLines.filter((l) => l.position === buyer.position).map((l) => title(l.title, l.rule));
      rows.push([
        String(rankOf.get(seat.name) ?? ''),
        seat.name,
        seat.removed ? '已移出' : seat.readmitted ? '移出后又放回' : '在场',
        seat.score === null ? '' : String(seat.score),
        String(redLines.length),
        crossed,
        `${buyer.position + 1}/${results.scenarioIds.length}`,
        buyer.scenarioId,
        s ? String(s.scenarioVersion) : '',
        BUYER_STATUS[buyer.status],
        s?.outcome ? OUTCOME[s.outcome] : '',
        String(buyer.score),
        // A removed seat is not graded with the class: its score is the one frozen at the removal.
        // A buyer not reached counts as not passed, as in the class pass rate.
        seat.removed ? '' : r?.passed ? '通过' : '未通过',
        here.join('；'),
        seconds(r?.kpis.firstResponseMs),
        seconds(r?.kpis.avgResponseMs),
        r ? String(r.kpis.replies) : '',
        seat.seatId,
        s?.sessionId ?? '',
      ]);
    }
  }
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

const title = (text: { 'zh-CN': string } | undefined, rule: string) => text?.['zh-CN'] || rule;

const seconds = (ms: number | null | undefined) => (ms == null ? '' : String(Math.round(ms / 100) / 10));

function csvField(value: string): string {
  // A leading = + - @ would make a spreadsheet run the cell as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
