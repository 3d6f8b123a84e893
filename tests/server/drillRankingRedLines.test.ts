// A red line fails the chat it was crossed in, whatever its score: the ranking puts every trainee
// who crossed none above any who crossed one, then orders by drill score. The seat's results carry
// its red lines with their buyer, and the CSV their count and short names.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../server/engine/index.ts';
import type { DrillResults, SeatResult } from '../../server/protocol/index.ts';
import { resultsCsv, withCurrentSummary } from '../../server/runtime/drills/results.ts';

function report(score: number, redLines: string[]): Report {
  const rules = redLines.map((rule) => ({ rule, title: { 'zh-CN': rule === 'no-discount' ? '不越权让价' : '不引导站外联系', en: rule }, category: 'compliance' as const, verdict: 'fail' as const, redLine: true, points: 0, max: 10, feedback: { 'zh-CN': '', en: '' } }));
  return { score, passed: redLines.length === 0, passMark: 60, redLines, rules, categories: [], kpis: { firstResponseMs: 2500, avgResponseMs: 4049, longestResponseMs: 5000, replies: 3, outcome: null } };
}

function seat(name: string, sessions: [score: number, redLines: string[]][]): SeatResult {
  return { seatId: `id-${name}`, name, removed: false, score: null, sessions: sessions.map(([score, redLines], i) => ({ sessionId: `${name}-${i}`, scenarioId: `buyer-${i}`, scenarioVersion: 1, outcome: 'left', report: report(score, redLines) })) };
}

const stored = (seats: SeatResult[]): DrillResults => ({ drillId: 'd', code: '270203', trainer: 't', mode: 'exam', scenarioIds: ['buyer-0', 'buyer-1'], createdAt: 1, startedAt: 2, endedAt: 3, status: 'ended', summary: {} as DrillResults['summary'], seats, leaderboard: [] });

// 小李 scores 49 with two red lines, 小周 31 with none, 小吴 31 with none too.
const seats = [seat('小李', [[58, ['no-discount']], [40, ['no-offplatform-contact']]]), seat('小周', [[62, []]]), seat('小吴', [[62, []]])];

describe('ranking a drill with red lines', () => {
  it('puts trainees with no red line first, then by score, and counts each one’s red lines', () => {
    const results = withCurrentSummary(stored(seats));
    expect(results.leaderboard).toEqual([
      { rank: 1, name: '小吴', score: 31, redLines: 0 },
      { rank: 1, name: '小周', score: 31, redLines: 0 },
      { rank: 3, name: '小李', score: 49, redLines: 2 },
    ]);
    expect(results.seats[0]?.redLines).toEqual([
      { rule: 'no-discount', title: { 'zh-CN': '不越权让价', en: 'no-discount' }, position: 0 },
      { rule: 'no-offplatform-contact', title: { 'zh-CN': '不引导站外联系', en: 'no-offplatform-contact' }, position: 1 },
    ]);
  });

  it('writes a CSV for Excel: BOM, Chinese headers, ranking order, red lines by name, seconds, words', () => {
    const csv = resultsCsv(stored(seats));
    expect(csv.startsWith('\uFEFF名次,学员,')).toBe(true);
    const rows = csv.slice(1).trim().split('\r\n').map((r) => r.split(','));
    const header = rows[0] ?? [];
    const col = (name: string) => header.indexOf(name);
    const li = rows.filter((r) => r[col('学员')] === '小李');
    expect(rows.slice(1).map((r) => r[col('学员')])).toEqual(['小吴', '小吴', '小周', '小周', '小李', '小李']);
    expect(li.map((r) => [r[col('名次')], r[col('红线次数')], r[col('本次红线')], r[col('结局')], r[col('首次响应（秒）')], r[col('平均响应（秒）')]])).toEqual([
      ['3', '2', '不越权让价', '买家离开', '2.5', '4'],
      ['3', '2', '不引导站外联系', '买家离开', '2.5', '4'],
    ]);
    expect(li[0]?.[col('红线（第几位买家）')]).toBe('不越权让价（第 1 位）；不引导站外联系（第 2 位）');
    expect(header.at(-2)).toBe('座位 ID');
    expect(li[0]?.at(-2)).toBe('id-小李');
  });
});
