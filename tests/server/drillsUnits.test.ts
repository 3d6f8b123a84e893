// The small parts of drills on their own: password hashes, seat names, seat tokens, CSV cells, join codes.
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../server/http/passwords.ts';
import { newJoinCode } from '../../server/runtime/drills/joinCode.ts';
import { resultsCsv } from '../../server/runtime/drills/results.ts';
import { SeatTokens } from '../../server/runtime/drills/seatTokens.ts';
import { distinctName } from '../../server/runtime/drills/seats.ts';
import type { DrillResults } from '../../server/protocol/index.ts';
import { TEST_SECRET } from './helpers.ts';

describe('password hashes', () => {
  it('are salted scrypt and verify only the right password', async () => {
    const [one, two] = [await hashPassword('密码-password'), await hashPassword('密码-password')];
    expect(one).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(one).not.toBe(two);
    expect(await verifyPassword('密码-password', one)).toBe(true);
    expect(await verifyPassword('密码-passwort', one)).toBe(false);
    expect(await verifyPassword('密码-password', 'garbage')).toBe(false);
  });
});

describe('seats', () => {
  it('tell duplicate names apart', () => {
    expect(distinctName('小王', new Set())).toBe('小王');
    expect(distinctName('小王', new Set(['小王']))).toBe('小王 (2)');
    expect(distinctName('小王', new Set(['小王', '小王 (2)']))).toBe('小王 (3)');
  });

  it('open with genuine tokens only', () => {
    const tokens = new SeatTokens(TEST_SECRET);
    const token = tokens.sign('drill-1', 'seat-1');
    expect(tokens.verify(token)).toEqual({ drillId: 'drill-1', seatId: 'seat-1' });
    expect(tokens.verify(`${token.slice(0, -1)}A`)).toBeUndefined();
    expect(new SeatTokens(`${TEST_SECRET}-other`).verify(token)).toBeUndefined();
  });
});

describe('join codes', () => {
  it('are 6 digits, never one in use', () => {
    const used = new Set<string>();
    for (let i = 0; i < 200; i++) used.add(newJoinCode((c) => used.has(c)));
    expect(used.size).toBe(200);
    for (const code of used) expect(code).toMatch(/^\d{6}$/);
  });
});

describe('the CSV export', () => {
  it('quotes commas and quotes and defuses formulas', () => {
    const results = {
      scenarioIds: ['mini-haggle'],
      seats: [{ seatId: 's1', name: '=HYPERLINK("x"),小王', removed: false, score: null, sessions: [] }],
    } as unknown as DrillResults;
    const csv = resultsCsv(results);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    // A trainee who never reached the buyer still has its row: not started, 0.
    expect(csv.split('\r\n')[1]).toBe(`1,"'=HYPERLINK(""x""),小王",在场,0,0,,1/1,mini-haggle,,未接待到,,0,未通过,,,,,s1,`);
  });
});
