// Injection attempts in display names, trainer names, search and query fields and scenario ids are
// data, never code: every query goes through Kysely's bound parameters, so a name written to break
// out of a SQL string is stored and returned exactly as typed, and the tables are all still there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillServer } from './drillHelpers.ts';
import { drillClient, login, loginTrainer, PASSWORD, startDrillServer } from './drillHelpers.ts';
import { msgId, trainee } from './helpers.ts';

/** Each at most 40 characters (the display-name limit) with no edge spaces (names are trimmed). */
const SQL_NAMES = [
  "'); DROP TABLE sessions;--",
  "Robert'); DROP TABLE session_events;--",
  '" OR ""="',
  "' OR '1'='1' --",
  "1; DELETE FROM trainers WHERE 1=1",
  "%' UNION SELECT * FROM trainers--",
  "\\'; SELECT pg_sleep(10);--",
  '$1 ? :name @p0',
  '小王\'"`;--/*',
];

let server: DrillServer;
beforeAll(async () => {
  server = await startDrillServer();
});
afterAll(async () => {
  await server.close();
});

async function tablesIntact(): Promise<void> {
  for (const table of ['sessions', 'session_events', 'scenario_bundles', 'trainers', 'trainer_logins', 'drills', 'drill_seats', 'drill_sessions'] as const) {
    await expect(server.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(), table).resolves.toBeDefined();
  }
}

describe('display names', () => {
  it('are stored and returned verbatim by the socket, the HTTP view and the database', async () => {
    const t = await trainee(server.url);
    for (const name of SQL_NAMES) {
      const info = await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: name, mode: 'practice' });
      expect(info.displayName).toBe(name);
      await t.ok('reply:send', { sessionId: info.sessionId, clientMsgId: msgId(), text: name });
      const view = (await (await fetch(`${server.url}/api/sessions/${info.sessionId}`, { headers: { authorization: `Bearer ${info.token}` } })).json()) as { session: { displayName: string }; transcript: { text: string }[] };
      expect(view.session.displayName).toBe(name);
      expect(view.transcript.map((m) => m.text)).toContain(name);
      const row = await server.db.selectFrom('sessions').select('display_name').where('id', '=', info.sessionId).executeTakeFirstOrThrow();
      expect(row.display_name).toBe(name);
    }
    t.close();
    await tablesIntact();
    expect(await server.db.selectFrom('sessions').select('id').execute()).toHaveLength(SQL_NAMES.length);
  });

  it('join a drill verbatim, and trainer names log in verbatim while injected names do not', async () => {
    const cookie = await loginTrainer(server, SQL_NAMES[0] as string);
    const trainer = await drillClient(server.url, cookie);
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    const seats = [];
    for (const name of SQL_NAMES.slice(0, 4)) {
      const c = await drillClient(server.url);
      seats.push((await c.ok('drill:join', { code: snap.code, displayName: name })).displayName);
      c.close();
    }
    expect(seats).toEqual(SQL_NAMES.slice(0, 4));
    expect(await login(server.url, SQL_NAMES[0] as string, PASSWORD)).toMatch(/^kd_trainer=/);
    for (const name of ["' OR '1'='1", "' OR 1=1 --", `${SQL_NAMES[0] as string}' --`]) {
      const res = await fetch(`${server.url}/api/trainer/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password: "' OR '1'='1" }) });
      expect(res.status, name).toBe(401);
    }
    trainer.close();
    await tablesIntact();
  });
});

describe('control characters in names', () => {
  it('are refused with a clear error on the socket and over HTTP, never a server error', async () => {
    const cookie = await loginTrainer(server, '管理老师', true);
    const trainer = await drillClient(server.url, cookie);
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    const c = await drillClient(server.url);
    for (const displayName of ['小\u0000王', 'tab\there', 'bell\u0007', 'del\u007f']) {
      expect(await c.send('drill:join', { code: snap.code, displayName }), JSON.stringify(displayName)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    c.close();
    trainer.close();
    const login = await fetch(`${server.url}/api/trainer/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: '管理\u0000老师', password: PASSWORD }) });
    expect(login.status).toBe(401);
    const add = await fetch(`${server.url}/api/trainers`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ name: '新\u0000老师', password: 'new-password-1' }) });
    expect(add.status).toBe(400);
    expect(((await add.json()) as { error: { message: string } }).error.message).toMatch(/control characters/);
  });
});

describe('ids and query fields', () => {
  it('are refused or not found, never interpreted', async () => {
    const t = await trainee(server.url);
    for (const scenarioId of ["x'; DROP TABLE sessions;--", 'mini-haggle\' OR \'1\'=\'1', '../scenarios/mini-haggle', 'mini-haggle%00', 'MINI-HAGGLE']) {
      expect(await t.sendRaw('session:start', { scenarioId, displayName: 'x', mode: 'practice' }), scenarioId).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    t.close();
    const status = async (path: string) => (await fetch(`${server.url}${path}`)).status;
    expect(await status(`/api/scenarios/${encodeURIComponent("x' OR '1'='1")}/context`)).toBe(404);
    expect(await status(`/api/scenarios/mini-haggle/context?version=${encodeURIComponent('1 OR 1=1')}`)).toBe(400);
    expect(await status(`/api/scenarios/mini-haggle/context?version=${encodeURIComponent("1'; DROP TABLE scenario_bundles;--")}`)).toBe(400);
    expect(await status(`/api/sessions/${encodeURIComponent("1' OR '1'='1")}`)).toBe(404);
    expect(await status(`/api/drills/${encodeURIComponent("1' OR '1'='1")}`)).toBe(401);
    const cookie = await loginTrainer(server, '查询老师');
    for (const id of ['1-OR-1', "x'--", '%27%20OR%201=1']) {
      expect((await fetch(`${server.url}/api/drills/${id}`, { headers: { cookie } })).status, id).toBe(404);
    }
    const list = (await (await fetch(`${server.url}/api/drills?trainer=${encodeURIComponent("' OR 1=1 --")}`, { headers: { cookie } })).json()) as { drills: unknown[] };
    expect(list.drills).toEqual([]);
    await tablesIntact();
  });
});
