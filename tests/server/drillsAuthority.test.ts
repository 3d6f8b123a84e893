// Authority, enforced by the server for every event: only the drill's trainer controls it; a trainee
// acts only in the seat's own session; a removed trainee's token stops working until let back in.
import { describe, expect, it } from 'vitest';
import type { DrillEventName, DrillPayload, TrainerEventName } from '../../server/protocol/index.ts';
import { trainerEventNames } from '../../server/protocol/index.ts';
import type { DrillClient, DrillServer } from './drillHelpers.ts';
import { login, loginTrainer, PASSWORD, drillFixture, startDrill } from './drillHelpers.ts';
import { msgId } from './helpers.ts';
import { ManualScheduler } from './manualScheduler.ts';
import { LOGIN_TTL_MS, TRAINER_COOKIE } from '../../server/http/trainerAuth.ts';
import { io as connectClient } from 'socket.io-client';

const fixture = drillFixture();

const client = fixture.client;

/** A started drill with two trainees. */
async function running(scheduler?: ManualScheduler) {
  const server = await fixture.server(scheduler ? { scheduler } : {});
  const cookie = await loginTrainer(server, '周老师');
  const trainer = await client(server.url, cookie);
  const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
  const drillId = snap.state.drillId;
  const a = await client(server.url);
  const b = await client(server.url);
  const seatA = await a.ok('drill:join', { code: snap.code, displayName: '小郑' });
  const seatB = await b.ok('drill:join', { code: snap.code, displayName: '小冯' });
  const [sessionA, sessionB] = await startDrill(trainer, drillId, [a, b]);
  return { server, cookie, trainer, snap, drillId, a, b, seatA, seatB, sessionA, sessionB };
}

function trainerPayloads(drillId: string, seatId: string): { [E in TrainerEventName]: DrillPayload<E> } {
  return {
    'drill:open': { scenarioIds: ['mini-haggle'], mode: 'exam' },
    'drill:attach': { drillId },
    'drill:lock': { drillId, locked: true },
    'drill:remove': { drillId, seatId },
    'drill:admit': { drillId, seatId },
    'drill:start': { drillId },
    'drill:cancel': { drillId },
    'drill:pause': { drillId },
    'drill:resume': { drillId },
    'drill:end': { drillId },
    'drill:reveal': { drillId, move: 'ask' },
    'drill:reveal-show': { drillId },
    'drill:watch': { drillId, seatId },
    'drill:unwatch': { drillId },
  };
}

describe('trainer events', () => {
  it('are refused to a trainee socket and to another trainer, every one of them', async () => {
    const { server, drillId, a, seatB } = await running();
    const payloads = trainerPayloads(drillId, seatB.seatId);
    for (const name of trainerEventNames) {
      const answer = await a.send(name as DrillEventName, payloads[name] as never);
      expect(answer, name).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    const other = await client(server.url, await loginTrainer(server, '吴老师'));
    for (const name of trainerEventNames.filter((n) => n !== 'drill:open')) {
      const answer = await other.send(name as DrillEventName, payloads[name] as never);
      expect(answer, name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    // Nothing happened: the drill still runs, nobody was removed.
    expect(server.drills.manager.get(drillId)?.status).toBe('running');
    expect(server.drills.manager.get(drillId)?.seats.get(seatB.seatId)?.removed).toBe(false);
  });

  it('stop working for a socket whose trainer logged out', async () => {
    const { server, cookie, trainer, drillId } = await running();
    const cut = new Promise<string>((resolve) => trainer.socket.once('disconnect', resolve));
    const out = await fetch(`${server.url}/api/trainer/logout`, { method: 'POST', headers: { cookie } });
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    // The server disconnects the socket (it leaves the drill's rooms); a new one with the cookie is refused per event.
    expect(await cut).toBe('io server disconnect');
    expect((await fetch(`${server.url}/api/trainer/me`, { headers: { cookie } })).status).toBe(401);
    const fresh = await client(server.url, cookie);
    expect(await fresh.send('drill:attach', { drillId })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});

describe('trainer credentials', () => {
  /** Every trainer event, each answered on its own with `code` and none of them acted upon. */
  async function refusedPerEvent(server: DrillServer, c: DrillClient, drillId: string, seatId: string, code: string): Promise<void> {
    const payloads = trainerPayloads(drillId, seatId);
    for (const name of trainerEventNames) {
      expect(await c.send(name as DrillEventName, payloads[name] as never), name).toMatchObject({ ok: false, error: { code } });
    }
    expect(server.drills.manager.get(drillId)?.status).toBe('running');
    expect(server.drills.manager.get(drillId)?.seats.get(seatId)?.removed).toBe(false);
  }

  it('are refused per event when the cookie is forged, tampered with or signed for a trainee', async () => {
    const { server, cookie, drillId, seatB } = await running();
    const value = cookie.slice(cookie.indexOf('=') + 1);
    // Tampered: the MAC's last two characters changed. Always changed: a MAC that already ends in
    // "AA" (about 1 login in 1,024) would make a blind "AA" the genuine cookie.
    const tampered = value.slice(0, -2) + (value.endsWith('AA') ? 'BB' : 'AA');
    const forgeries = [`${TRAINER_COOKIE}=${tampered}`, `${TRAINER_COOKIE}=${seatB.seatToken}`, `${TRAINER_COOKIE}=' OR 1=1 --`, `${TRAINER_COOKIE}=`];
    for (const forged of forgeries) await refusedPerEvent(server, await client(server.url, forged), drillId, seatB.seatId, 'unauthorized');
  });

  it('expire: a login past its time is refused per event on its socket, at a new handshake and over HTTP', async () => {
    const clock = new ManualScheduler();
    const { server, cookie, trainer, drillId, seatB } = await running(clock);
    expect((await fetch(`${server.url}/api/trainer/me`, { headers: { cookie } })).status).toBe(200);
    await clock.advance(server.settles, LOGIN_TTL_MS);
    await refusedPerEvent(server, trainer, drillId, seatB.seatId, 'unauthorized');
    await refusedPerEvent(server, await client(server.url, cookie), drillId, seatB.seatId, 'unauthorized');
    expect((await fetch(`${server.url}/api/trainer/me`, { headers: { cookie } })).status).toBe(401);
    expect((await fetch(`${server.url}/api/drills`, { headers: { cookie } })).status).toBe(401);
  });
});

describe('trainee events', () => {
  it('act only in the seat\'s own session, and never carry another trainee\'s chat', async () => {
    const { server, a, b, sessionA, sessionB } = await running();
    expect(await b.act('reply:send', { sessionId: sessionA, clientMsgId: msgId(), text: '不能便宜哦' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const stranger = await client(server.url);
    expect(await stranger.act('reply:send', { sessionId: sessionA, clientMsgId: msgId(), text: '不能便宜哦' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await a.act('reply:send', { sessionId: sessionA, clientMsgId: msgId(), text: '不能便宜哦' })).toMatchObject({ ok: true });
    await a.waitForEvent('trainee:say');
    await b.send('drill:rejoin', { seatToken: 'x', lastSeq: 0 });
    const heardByB = b.events.flatMap((e) => ('sessionId' in e.payload ? [e.payload.sessionId] : []));
    expect(heardByB).not.toContain(sessionA);
    expect(heardByB).toContain(sessionB);
    expect(stranger.events).toEqual([]);
  });

  it('stop for a removed trainee, reconnection included, until the trainer lets them back in', async () => {
    const { server, trainer, drillId, b, seatB, sessionB } = await running();
    const removed = await trainer.ok('drill:remove', { drillId, seatId: seatB.seatId });
    expect(removed.status).toBe('removed');
    await b.waitForEvent('drill:removed');
    expect(await b.act('reply:send', { sessionId: sessionB, clientMsgId: msgId(), text: '不能便宜哦' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await b.send('drill:rejoin', { seatToken: seatB.seatToken, lastSeq: 0 })).toMatchObject({ ok: false, error: { code: 'removed' } });
    const again = await client(server.url);
    expect(await again.send('drill:rejoin', { seatToken: seatB.seatToken, lastSeq: 0 })).toMatchObject({ ok: false, error: { code: 'removed' } });
    // Drill-wide news no longer reaches the removed seat.
    const before = b.events.length;
    await trainer.ok('drill:pause', { drillId });
    await trainer.ok('drill:resume', { drillId });
    await b.send('drill:rejoin', { seatToken: 'x', lastSeq: 0 });
    expect(b.events.length).toBe(before);

    await trainer.ok('drill:admit', { drillId, seatId: seatB.seatId });
    const back = await again.ok('drill:rejoin', { seatToken: seatB.seatToken, lastSeq: 0 });
    expect(back.session?.sessionId).toBe(sessionB);
    expect(await again.act('reply:send', { sessionId: sessionB, clientMsgId: msgId(), text: '不能便宜哦' })).toMatchObject({ ok: true });
    // The old socket held the seat before the removal: it must rejoin too.
    expect(await b.act('reply:send', { sessionId: sessionB, clientMsgId: msgId(), text: '在吗' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('cannot join a locked drill; a late joiner starts at once when it opens again', async () => {
    const { server, trainer, snap, drillId } = await running();
    await trainer.ok('drill:lock', { drillId, locked: true });
    const late = await client(server.url);
    expect(await late.send('drill:join', { code: snap.code, displayName: '小陈' })).toMatchObject({ ok: false, error: { code: 'drill-locked' } });
    await trainer.ok('drill:lock', { drillId, locked: false });
    const seat = await late.ok('drill:join', { code: snap.code, displayName: '小陈' });
    expect(seat.session).not.toBeNull();
    await late.waitForEvent('buyer:say');
    expect(await late.send('drill:join', { code: '000000', displayName: '小陈' })).toMatchObject({ ok: false });
  });
});

describe('connection state recovery', () => {
  it('is off, so a removed trainee\'s reconnecting socket gets nothing back', async () => {
    const { server, trainer, drillId, seatB, sessionB } = await running();
    expect(server.app.io._opts.connectionStateRecovery).toBeUndefined();
    // A socket that reconnects by itself, as the browser's does.
    const socket = connectClient(`${server.url}/drill`, { transports: ['websocket'], forceNew: true, reconnectionDelay: 10 });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const act = (name: string, payload: unknown) => socket.timeout(10_000).emitWithAck(name, payload) as Promise<unknown>;
    expect(await act('drill:rejoin', { seatToken: seatB.seatToken, lastSeq: 0 })).toMatchObject({ ok: true });
    await trainer.ok('drill:remove', { drillId, seatId: seatB.seatId });
    const reconnected = new Promise((resolve) => socket.io.once('reconnect', resolve));
    socket.io.engine.close();
    await reconnected;
    expect(socket.recovered).toBeFalsy();
    expect(await act('reply:send', { sessionId: sessionB, clientMsgId: msgId(), text: '我又回来了' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await act('drill:rejoin', { seatToken: seatB.seatToken, lastSeq: 0 })).toMatchObject({ ok: false, error: { code: 'removed' } });
    socket.disconnect();
  });
});

describe('watching a trainee', () => {
  it('gives the drill\'s trainer that seat\'s chat from the start, then live', async () => {
    const { trainer, drillId, a, seatA, sessionA } = await running();
    await a.ok('drill:rejoin', { seatToken: seatA.seatToken, lastSeq: 1 });
    const watch = await trainer.ok('drill:watch', { drillId, seatId: seatA.seatId });
    expect(watch).toMatchObject({ seatId: seatA.seatId, sessionId: sessionA });
    await trainer.waitFor((events) => events.some((e) => e.name === 'buyer:say' && e.payload.sessionId === sessionA));
    await a.act('reply:send', { sessionId: sessionA, clientMsgId: msgId(), text: '亲，不能再便宜了哦' });
    await trainer.waitFor((events) => events.some((e) => e.name === 'trainee:say' && e.payload.sessionId === sessionA));
    const seqs = trainer.events.flatMap((e) => ('seq' in e.payload && e.payload.sessionId === sessionA ? [e.payload.seq] : []));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });
});

describe('trainer HTTP', () => {
  it('logs in with the right password only, and lets only an admin add trainers', async () => {
    const server = await fixture.server();
    const adminCookie = await loginTrainer(server, 'admin', true);
    const plainCookie = await loginTrainer(server, '普通老师');
    const bad = await fetch(`${server.url}/api/trainer/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'admin', password: 'wrong-password' }) });
    expect(bad.status).toBe(401);
    const good = await fetch(`${server.url}/api/trainer/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'admin', password: PASSWORD }) });
    expect(good.headers.get('set-cookie')).toMatch(/^kd_trainer=.+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/);
    const add = (cookie: string) => fetch(`${server?.url}/api/trainers`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ name: '新老师', password: 'new-password-1' }) });
    expect((await add(plainCookie)).status).toBe(403);
    expect((await add(adminCookie)).status).toBe(201);
    expect(await login(server.url, '新老师', 'new-password-1')).toMatch(/^kd_trainer=/);
    const me = (await (await fetch(`${server.url}/api/trainer/me`, { headers: { cookie: plainCookie } })).json()) as { trainer: { name: string; admin: boolean } };
    expect(me.trainer).toMatchObject({ name: '普通老师', admin: false });
  });

  it('slows password guessing per address without locking out trainers who log in right', async () => {
    const server = await fixture.server();
    await loginTrainer(server, '常老师');
    const attempt = (password: string) => fetch(`${server.url}/api/trainer/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: '常老师', password }) });
    // A whole office logging in from one address: successes never count.
    for (let i = 0; i < 15; i++) expect((await attempt(PASSWORD)).status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await attempt('wrong-password')).status).toBe(401);
    // Past ten failures in the window even the right password waits.
    const refused = await attempt(PASSWORD);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate-limited');
  });

  it('shows a drill\'s results and exports to its trainer only', async () => {
    const { server, drillId } = await running();
    expect((await fetch(`${server.url}/api/drills/${drillId}/export.csv`)).status).toBe(401);
    const other = await loginTrainer(server, '别的老师');
    for (const part of ['', '/export.csv', '/export.json', '/qr.svg']) {
      expect((await fetch(`${server.url}/api/drills/${drillId}${part}`, { headers: { cookie: other } })).status, part).toBe(404);
    }
    const history = (await (await fetch(`${server.url}/api/drills`, { headers: { cookie: other } })).json()) as { drills: unknown[] };
    expect(history.drills).toEqual([]);
  });
});
