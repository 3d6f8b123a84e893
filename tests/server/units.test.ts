// The small parts on their own: payload validation, tokens, the rate limiter, config, event order.
import { describe, expect, it } from 'vitest';
import { MAX_PAYLOAD_BYTES, MAX_REPLY_CHARS, utf8Length, validatePayload } from '../../server/protocol/index.ts';
import { ConfigError, readConfig } from '../../server/runtime/config.ts';
import type { EventRecord } from '../../server/runtime/serverEvents.ts';
import { byDelivery, insertInOrder, isVisible } from '../../server/runtime/serverEvents.ts';
import { SlidingWindowLimiter } from '../../server/runtime/socketGuard.ts';
import { timeOrderedId } from '../../server/runtime/timeOrderedId.ts';
import { SessionTokens } from '../../server/runtime/tokens.ts';

describe('validatePayload', () => {
  const base = { sessionId: 's1', clientMsgId: 'c1' };
  it('counts reply length in characters, not UTF-16 units', () => {
    expect(validatePayload('reply:send', { ...base, text: '😀'.repeat(MAX_REPLY_CHARS) }).ok).toBe(true);
    const over = validatePayload('reply:send', { ...base, text: 'a'.repeat(MAX_REPLY_CHARS + 1) });
    expect(!over.ok && over.error.code).toBe('too-long');
  });
  it('measures payloads in UTF-8 bytes', () => {
    expect(utf8Length('a好😀')).toBe(1 + 3 + 4);
    const big = validatePayload('reply:send', { ...base, text: '好'.repeat(Math.ceil(MAX_PAYLOAD_BYTES / 3) + 1) });
    expect(!big.ok && big.error.code).toBe('too-large');
  });
  it('trims display names and names the bad field', () => {
    const good = validatePayload('session:start', { scenarioId: 'a-b', displayName: '  小王 ', mode: 'exam' });
    expect(good.ok && good.data.displayName).toBe('小王');
    const bad = validatePayload('session:resume', { sessionId: 's', token: 't', lastSeq: -1 });
    expect(!bad.ok && bad.error.message).toContain('lastSeq');
  });
});

describe('SessionTokens', () => {
  const tokens = new SessionTokens('a-secret-of-sixteen+');
  it('verifies its own tokens and nobody else’s', () => {
    const token = tokens.sign('abc-123');
    expect(tokens.verify(token)).toBe('abc-123');
    expect(tokens.verify(token.replace('abc-123', 'abc-124'))).toBeUndefined();
    expect(new SessionTokens('another-secret-of-16').verify(token)).toBeUndefined();
    expect(tokens.verify('garbage')).toBeUndefined();
    expect(tokens.verify('')).toBeUndefined();
  });
});

describe('SlidingWindowLimiter', () => {
  it('allows N events per window, then again once the window slides', () => {
    const limiter = new SlidingWindowLimiter({ events: 3, windowMs: 1000 });
    expect([0, 10, 20, 30].map((t) => limiter.allow(t))).toEqual([true, true, true, false]);
    expect(limiter.allow(999)).toBe(false);
    expect(limiter.allow(1000)).toBe(true);
  });
});

describe('readConfig', () => {
  it('has the documented defaults', () => {
    expect(readConfig({})).toMatchObject({ port: 3000, dataDir: 'data', scenariosDir: 'scenarios', allowedOrigins: [], buyerSpeed: 1, logLevel: 'info', rateLimit: { events: 20, windowMs: 10_000 }, sessionStartLimit: { events: 600, windowMs: 600_000 }, drillMaxSeats: 200 });
    expect(readConfig({ SESSION_START_LIMIT: '5000' }).sessionStartLimit).toEqual({ events: 5000, windowMs: 600_000 });
  });
  it('reads lists and refuses nonsense with the variable’s name', () => {
    expect(readConfig({ ALLOWED_ORIGINS: 'http://a.example, http://b.example' }).allowedOrigins).toEqual(['http://a.example', 'http://b.example']);
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => readConfig({ BUYER_SPEED: '-1' })).toThrow(/BUYER_SPEED/);
    expect(() => readConfig({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET/);
    expect(() => readConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => readConfig({ SESSION_START_LIMIT: '0' })).toThrow(/SESSION_START_LIMIT/);
    expect(() => readConfig({ DRILL_MAX_SEATS: 'many' })).toThrow(/DRILL_MAX_SEATS/);
  });
});

describe('server event order', () => {
  const record = (k: number, dueAt: number, name: EventRecord['name'] = 'buyer:say') => ({ k, dueAt, name, body: {} }) as unknown as EventRecord;
  it('delivers by due time, then by the order the engine produced them', () => {
    const list: EventRecord[] = [];
    for (const r of [record(1, 100), record(2, 300), record(3, 200), record(4, 200), record(5, 100)]) insertInOrder(list, r);
    expect(list.map((r) => r.k)).toEqual([1, 5, 3, 4, 2]);
    expect([...list].sort(byDelivery)).toEqual(list);
  });
  it('hides exam verdicts and whatever falls due after the end', () => {
    expect(isVisible(record(1, 10, 'verdict:add'), 'exam', null)).toBe(false);
    expect(isVisible(record(1, 10, 'verdict:add'), 'practice', null)).toBe(true);
    expect(isVisible(record(1, 10), 'practice', 9)).toBe(false);
    expect(isVisible(record(1, 9), 'practice', 9)).toBe(true);
  });
});

describe('timeOrderedId', () => {
  const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  it('is a UUID version 7 whose first 48 bits are the time in milliseconds', () => {
    const at = Date.UTC(2026, 10, 24, 16, 30, 5, 123);
    const id = timeOrderedId(at);
    expect(id).toMatch(V7);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });
  it('sorts as text in creation order across milliseconds, and never repeats', () => {
    const start = Date.UTC(2026, 0, 1);
    const ids = Array.from({ length: 5000 }, (_, i) => timeOrderedId(start + Math.floor(i / 10)));
    const byMs = ids.filter((_, i) => i % 10 === 0);
    expect([...byMs].sort()).toEqual(byMs);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 50)) expect(id).toMatch(V7);
  });
  it('keeps the random bits random: ids of one millisecond differ after the time', () => {
    const tails = new Set(Array.from({ length: 200 }, () => timeOrderedId(1).slice(14)));
    expect(tails.size).toBe(200);
  });
});
