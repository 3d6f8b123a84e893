// POST /api/studio/regex-check: the studio editor's live backtracking check. It answers each pattern
// with the message publish would give (or null), in order; trainers only, same origin; bounded per
// request (200 patterns, 2,000 characters each); anything else is a 400 that says what to send.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginTrainer, startDrillServer } from './drillHelpers.ts';
import type { DrillServer } from './drillHelpers.ts';
import { checkScenarioRegexSafety, regexSafetyProblem } from '../../server/store/regexSafety.ts';
import { REGEX_CHECK_BUDGET } from '../../server/http/studioRoutes.ts';
import { parseScenarioSource } from '../../server/engine/index.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_SCENARIOS } from './helpers.ts';

let server: DrillServer;
let cookie: string;

beforeAll(async () => {
  server = await startDrillServer();
  cookie = await loginTrainer(server, 'regex-check-trainer');
});
afterAll(() => server.close());

const ROUTE = '/api/studio/regex-check';

function post(body: string, headers: Record<string, string> = {}, as: string | null = cookie): Promise<Response> {
  return fetch(`${server.url}${ROUTE}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...(as ? { cookie: as } : {}), ...headers } });
}

const check = (patterns: unknown[], as: string | null = cookie) => post(JSON.stringify({ patterns }), {}, as);

async function errorOf(res: Response): Promise<{ status: number; message: string }> {
  const body = (await res.json()) as { error?: { message?: string } };
  return { status: res.status, message: body.error?.message ?? '' };
}

describe('POST /api/studio/regex-check', () => {
  it('answers each pattern in order: null when safe, the publish message when not', async () => {
    const res = await check([
      { source: '(\\d+)+q', flags: 'gu' },
      { source: '\\d+q', flags: 'gu' },
      { source: '(a|aa)*b', flags: 'u' },
      { source: '便宜|优惠', flags: 'u' },
      { source: '(unclosed', flags: 'gu' },
    ]);
    expect(res.status).toBe(200);
    const { problems } = (await res.json()) as { problems: (string | null)[] };
    expect(problems).toHaveLength(5);
    expect(problems[0]).toMatch(/^this pattern can take exponential time on some replies: nested repetition `\(\\d\+\)\+`/);
    expect(problems[0]).toBe(regexSafetyProblem('(\\d+)+q', 'gu'));
    expect(problems[1]).toBeNull();
    expect(problems[2]).toMatch(/^this pattern can take exponential time on some replies/);
    expect(problems[3]).toBeNull();
    // A pattern that does not compile is the compile check's to report (the browser runs that one).
    expect(problems[4]).toBeNull();
  });

  it('gives exactly what publish reports for the same matcher, after its `regex: ` / `unless: `', async () => {
    const template = readFileSync(join(FIXTURE_SCENARIOS, 'mini-haggle.yaml'), 'utf8');
    const source = template.replace('silence:', "intents:\n  order-number:\n    match:\n      - regex: '(\\d+)+q'\n        unless: '(x+x+)+y'\nsilence:");
    const parsed = parseScenarioSource(source, 'x.yaml');
    if (!parsed.ok) throw new Error('the fixture does not parse');
    const published = checkScenarioRegexSafety(parsed.value, parsed.map, 'x.yaml').map((d) => d.message);
    expect(published).toHaveLength(2);
    const res = await check([{ source: '(\\d+)+q', flags: 'gu' }, { source: '(x+x+)+y', flags: 'u' }]);
    const { problems } = (await res.json()) as { problems: string[] };
    expect([`regex: ${problems[0]}`, `unless: ${problems[1]}`]).toEqual(published);
  });

  it('answers an empty list with an empty list', async () => {
    const res = await check([]);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ problems: [] });
  });

  it('answers trainers only, and pages of this origin only', async () => {
    expect((await check([{ source: 'a', flags: 'gu' }], null)).status).toBe(401);
    expect((await post(JSON.stringify({ patterns: [] }), { cookie: 'kefu_trainer=forged' }, null)).status).toBe(401);
    expect((await post(JSON.stringify({ patterns: [] }), { origin: 'https://evil.example' })).status).toBe(403);
    // The same requests with the login, from this origin, are answered.
    expect((await check([{ source: 'a', flags: 'gu' }])).status).toBe(200);
    expect((await post(JSON.stringify({ patterns: [] }), { origin: server.url })).status).toBe(200);
  });

  it('takes POST only', async () => {
    const res = await fetch(`${server.url}${ROUTE}`, { headers: { cookie } });
    expect(res.status).toBe(405);
  });

  it('refuses bad JSON, another content type and malformed patterns with what to send', async () => {
    for (const res of [
      await post('{"patterns": ['),
      await post(JSON.stringify({ patterns: [] }), { 'content-type': 'text/plain' }),
      await post('[]'),
      await check([{ source: 'a' }]),
      await check([{ source: 'a', flags: 'g' }]),
      await check([{ source: 'a', flags: 'v' }]),
      await check([{ source: 7, flags: 'u' }]),
      await check([null]),
      await post(JSON.stringify({ patterns: 'a' })),
    ]) {
      const { status, message } = await errorOf(res);
      expect(status).toBe(400);
      expect(message).toContain('"patterns"');
      expect(message).toContain('"gu" or "u"');
    }
  });

  it('refuses more than 200 patterns or a pattern over 2,000 characters, and takes both limits exactly', async () => {
    const many = Array.from({ length: 201 }, (_, i) => ({ source: `a${i}`, flags: 'u' }));
    const tooMany = await errorOf(await check(many));
    expect(tooMany.status).toBe(400);
    expect(tooMany.message).toContain('at most 200 patterns');

    const tooLong = await errorOf(await check([{ source: 'a', flags: 'u' }, { source: 'b'.repeat(2001), flags: 'gu' }]));
    expect(tooLong.status).toBe(400);
    expect(tooLong.message).toContain('patterns[1] is longer than 2000 characters');

    // 2,000 characters counted as characters: CJK (3 UTF-8 bytes), even sent as \uXXXX escapes, fits.
    const cjk = '价'.repeat(2000);
    const escaped = JSON.stringify({ patterns: many.slice(0, 200).map((p, i) => ({ ...p, source: i === 0 ? cjk : p.source })) }).replace(/价/g, '\\u4ef7');
    const atLimit = await post(escaped);
    expect(atLimit.status).toBe(200);
    const { problems } = (await atLimit.json()) as { problems: unknown[] };
    expect(problems).toHaveLength(200);
    expect(problems.every((p) => p === null)).toBe(true);
  });

  it('judges new long patterns one at a time: the server answers others in between', async () => {
    // Each of these takes 0.15-0.25 s to judge (32 repeats in a row, the most the check compares: super-linear).
    const slow = Array.from({ length: 5 }, (_, k) => ({ source: Array.from({ length: 32 }, (_, i) => `[a-z${k}${i}]*`).join(''), flags: 'gu' }));
    let checked = 0;
    const checking = check(slow).then(async (res) => {
      checked = Date.now();
      return (await res.json()) as { problems: (string | null)[] };
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const health = await fetch(`${server.url}/healthz`);
    const healthy = Date.now();
    expect(health.status).toBe(200);
    const { problems } = await checking;
    expect(problems).toHaveLength(5);
    expect(problems.every((p) => p?.includes('polynomial (super-linear)'))).toBe(true);
    expect(healthy).toBeLessThan(checked);
  });

  it('gives each trainer a budget of judging time: past it, 429 with Retry-After; other trainers go on', async () => {
    const budget = REGEX_CHECK_BUDGET.ms;
    REGEX_CHECK_BUDGET.ms = 30;
    try {
      const other = await loginTrainer(server, 'regex-check-other');
      // each takes 0.15-0.25 s to judge: the first uses the budget up, the second is refused
      const slow = Array.from({ length: 2 }, (_, k) => ({ source: Array.from({ length: 32 }, (_, i) => `[b-y${k}${i}]*`).join(''), flags: 'gu' }));
      const res = await check(slow, other);
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await res.json()) as { error: { reason: string } }).error.reason).toBe('regex-check-budget');
      expect((await check([{ source: '\\d+', flags: 'gu' }], other)).status).toBe(429);
      expect((await check([{ source: '\\d+', flags: 'gu' }], await loginTrainer(server, 'regex-check-third'))).status).toBe(200);
    } finally {
      REGEX_CHECK_BUDGET.ms = budget;
    }
  });
});
