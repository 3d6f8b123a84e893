// A classroom drill on a scenario made in the studio: created and published through the studio API,
// opened as a drill, played by two trainees to an outcome. A version published while the drill runs
// does not change what the class plays: the drill and every session name the version opened.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeatInfo } from '../../server/protocol/index.ts';
import type { DrillClient, DrillServer } from './drillHelpers.ts';
import { drillClient, loginTrainer, startDrillServer } from './drillHelpers.ts';
import { FIXTURE_SCENARIOS, msgId } from './helpers.ts';

const source = readFileSync(join(FIXTURE_SCENARIOS, 'mini-haggle.yaml'), 'utf8').replace('id: mini-haggle', 'id: drill-haggle');

let server: DrillServer;
let cookie: string;
const clients: DrillClient[] = [];

beforeAll(async () => {
  server = await startDrillServer();
  cookie = await loginTrainer(server, '周老师');
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.close();
});

async function studio(path: string, method: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${server.url}/api/studio/scenarios/${path}`, { method, headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function client(withCookie?: string): Promise<DrillClient> {
  const c = await drillClient(server.url, withCookie);
  clients.push(c);
  return c;
}

async function reply(trainee: DrillClient, sessionId: string, text: string): Promise<void> {
  const answer = await trainee.act('reply:send', { sessionId, clientMsgId: msgId(), text });
  if (!answer.ok) throw new Error(answer.error.code);
}

const sessionOf = (t: DrillClient) => t.of('drill:session')[0]?.session.sessionId ?? '';

describe('a drill on a studio scenario', () => {
  it('plays the published version it was opened with, to an outcome, and names that version', async () => {
    const saved = await studio('drill-haggle/draft', 'PUT', { source, base: null });
    const v1 = await studio('drill-haggle/publish', 'POST', { base: saved['revision'] });
    expect(v1['version']).toBe(1);

    const trainer = await client(cookie);
    const snap = await trainer.ok('drill:open', { scenarioIds: ['drill-haggle'], mode: 'practice' });
    expect(snap.state.scenarios).toEqual([expect.objectContaining({ id: 'drill-haggle', version: 1 })]);

    // Version 2 is published after the drill opened: the class still plays version 1.
    await studio('drill-haggle/draft', 'PUT', { source: source.replace('阿测', '阿二'), base: v1['revision'] });
    expect((await studio('drill-haggle/publish', 'POST', {}))['version']).toBe(2);

    const [a, b] = [await client(), await client()];
    const seats: SeatInfo[] = [await a.ok('drill:join', { code: snap.code, displayName: '小甲' }), await b.ok('drill:join', { code: snap.code, displayName: '小乙' })];
    await trainer.ok('drill:start', { drillId: snap.state.drillId });
    for (const t of [a, b]) await t.waitForEvent('buyer:say');

    // A holds the price and asks for a screenshot: a purchase. B gives a discount: a cheap purchase.
    await reply(a, sessionOf(a), '亲，这款已经是活动价了，不能再便宜了哦');
    await a.waitForEvent('buyer:say', 3);
    await reply(a, sessionOf(a), '链接我这边不方便打开，您发个截图给我看看吧');
    await reply(b, sessionOf(b), '可以给您便宜10块');
    for (const t of [a, b]) await t.waitForEvent('session:outcome');

    const results = await trainer.ok('drill:end', { drillId: snap.state.drillId });
    expect(results.scenarioIds).toEqual(['drill-haggle']);
    const played = results.seats.flatMap((s) => s.sessions.map((x) => ({ seat: s.seatId, scenario: x.scenarioId, version: x.scenarioVersion, outcome: x.outcome, rules: x.report?.rules.length ?? 0 })));
    expect(played).toEqual([
      // Version 2 was published while the drill ran: the results say the class played version 1.
      { seat: seats[0]?.seatId, scenario: 'drill-haggle', version: 1, outcome: 'purchased', rules: expect.any(Number) },
      { seat: seats[1]?.seatId, scenario: 'drill-haggle', version: 1, outcome: 'purchased', rules: expect.any(Number) },
    ]);
    expect(results.seats.find((s) => s.seatId === seats[1]?.seatId)?.sessions[0]?.report?.rules.find((r) => r.rule === 'no-discount')?.verdict).toBe('fail');
    // The version each session played is on record beside it.
    const rows = await server.db.selectFrom('sessions').select(['id', 'scenario_id', 'scenario_version']).where('id', 'in', [sessionOf(a), sessionOf(b)]).execute();
    expect(rows.map((r) => [r.scenario_id, r.scenario_version])).toEqual([
      ['drill-haggle', 1],
      ['drill-haggle', 1],
    ]);
    // A new practice session gets the newest version.
    const listed = (await (await fetch(`${server.url}/api/scenarios`)).json()) as { scenarios: { id: string; version: number }[] };
    expect(listed.scenarios).toContainEqual(expect.objectContaining({ id: 'drill-haggle', version: 2 }));
  });
});
