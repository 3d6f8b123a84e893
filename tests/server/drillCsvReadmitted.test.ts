// The CSV says a trainee's standing in words: 在场, 已移出, or 移出后又放回 for one the trainer removed
// and let back in (the seat's epoch counts its removals), and a buyer not reached as 未接待到.
import { describe, expect, it } from 'vitest';
import { drillResults, resultsCsv } from '../../server/runtime/drills/results.ts';
import type { Seat } from '../../server/runtime/drills/seats.ts';

const seat = (name: string, removed: boolean, epoch: number) => ({ id: `id-${name}`, name, removed, epoch, shadows: [{ sessionId: `${name}-s`, scenarioId: 'a', scenarioVersion: 1, outcome: null, report: null }] }) as unknown as Seat;

describe('the CSV standing column', () => {
  it('tells a seat let back in from one never removed and one removed', () => {
    const meta = { drillId: 'd', code: '270203', trainer: 't', mode: 'practice' as const, scenarioIds: ['a', 'b'], createdAt: 0, startedAt: 0, endedAt: 1, status: 'ended' as const };
    const results = drillResults(meta, [seat('小王', false, 0), seat('小张', false, 1), seat('小赵', true, 1)]);
    expect(results.seats.map((s) => s.readmitted ?? false)).toEqual([false, true, false]);
    const rows = resultsCsv(results).slice(1).trim().split('\r\n').map((r) => r.split(','));
    const header = rows[0] ?? [];
    const cells = (column: string) => rows.slice(1).map((r) => `${r[header.indexOf('学员')]}:${r[header.indexOf(column)]}`);
    expect(new Set(cells('学员状态'))).toEqual(new Set(['小王:在场', '小张:移出后又放回', '小赵:已移出']));
    expect(cells('这位买家').filter((c) => c.startsWith('小王'))).toEqual(['小王:未完成（被打断）', '小王:未接待到']);
  });
});
