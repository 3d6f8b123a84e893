// A classroom drill end to end over real sockets: a trainer logged in over HTTP opens it, trainees
// join with the code, the sessions start together, the dashboard follows, a reveal, the end, results.
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import type { SeatInfo, Tile } from '../../server/protocol/index.ts';
import type { DrillClient } from './drillHelpers.ts';
import { loginTrainer, drillFixture } from './drillHelpers.ts';
import { msgId } from './helpers.ts';

const fixture = drillFixture();

const client = fixture.client;

/** The tiles as the trainer's dashboard knows them now: the latest version of each. */
function board(trainer: DrillClient, initial: Tile[] = []): Map<string, Tile> {
  const tiles = new Map(initial.map((t) => [t.seatId, t]));
  for (const update of trainer.of('drill:dashboard')) for (const tile of update.tiles) tiles.set(tile.seatId, tile);
  return tiles;
}

async function reply(trainee: DrillClient, seat: SeatInfo, sessionId: string, text: string): Promise<void> {
  const answer = await trainee.act('reply:send', { sessionId, clientMsgId: msgId(), text });
  if (!answer.ok) throw new Error(`${seat.displayName}: ${answer.error.code}`);
}

describe('a classroom drill', () => {
  it('runs from the lobby through start, live dashboard, reveal and end to exported results', async () => {
    const server = await fixture.server();
    const cookie = await loginTrainer(server, '王老师');
    const trainer = await client(server.url, cookie);
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    const drillId = snap.state.drillId;
    expect(snap.code).toMatch(/^\d{6}$/);
    expect(snap.joinUrl).toBe(`${server.url}/join/${snap.code}`);
    expect(snap.qrSvg.startsWith('<svg')).toBe(true);
    expect(decodeSvg(snap.qrSvg)).toBe(snap.joinUrl);

    // Lobby: three trainees, two with the same name.
    const [a, b, c] = [await client(server.url), await client(server.url), await client(server.url)];
    const seatA = await a.ok('drill:join', { code: snap.code, displayName: '小王' });
    const seatB = await b.ok('drill:join', { code: snap.code, displayName: '小王' });
    const seatC = await c.ok('drill:join', { code: snap.code, displayName: '小李' });
    expect([seatA.displayName, seatB.displayName, seatC.displayName]).toEqual(['小王', '小王 (2)', '小李']);
    expect(seatA.session).toBeNull();
    await trainer.waitFor(() => board(trainer).size === 3);
    expect([...board(trainer).values()].every((t) => t.status === 'lobby' && t.connected)).toBe(true);

    // Start: every seat gets its session and the buyer's opening line.
    await trainer.ok('drill:start', { drillId });
    for (const t of [a, b, c]) await t.waitForEvent('buyer:say');
    const sessionOf = (t: DrillClient) => t.of('drill:session')[0]?.session.sessionId ?? '';
    const [sa, sb, sc] = [sessionOf(a), sessionOf(b), sessionOf(c)];
    expect(new Set([sa, sb, sc]).size).toBe(3);
    expect(a.of('drill:session')[0]?.session.token).toBe(seatA.seatToken);

    await reply(a, seatA, sa, '亲，这款已经是活动价了，不能再便宜了哦');
    await reply(b, seatB, sb, '可以给您便宜10块');
    await reply(c, seatC, sc, '加我QQ 12345678 私聊');
    // The red line reaches the trainer's tile; the heat map counts it.
    await trainer.waitFor(() => (board(trainer).get(seatC.seatId)?.redLines.length ?? 0) > 0);
    const tileC = board(trainer).get(seatC.seatId);
    expect(tileC).toMatchObject({ status: 'playing', sessionId: sc, scenarioId: 'mini-haggle', redLines: ['no-offplatform-contact'] });
    await trainer.waitFor(() => trainer.of('drill:dashboard').some((d) => d.heat?.some((h) => h.rule === 'no-offplatform-contact' && h.fail === 1)));
    expect(board(trainer).get(seatA.seatId)?.move).toBe('link');

    // Each trainee heard only their own session.
    for (const [t, own] of [[a, sa], [b, sb], [c, sc]] as const) {
      const ids = new Set(t.events.flatMap((e) => ('sessionId' in e.payload && e.name !== 'drill:session' ? [e.payload.sessionId] : [])));
      expect([...ids]).toEqual([own]);
    }

    // Reveal: the class's replies to the opening move, anonymised, best first, red line last.
    const reveal = await trainer.ok('drill:reveal', { drillId, move: 'ask' });
    expect(reveal.entries.map((e) => e.rank)).toEqual([1, 2, 3]);
    expect(reveal.entries[0]?.text).toBe('亲，这款已经是活动价了，不能再便宜了哦');
    expect(reveal.entries.at(-1)).toMatchObject({ redLine: true, text: '加我QQ 12345678 私聊' });
    const json = JSON.stringify(reveal);
    for (const secret of [seatA.seatId, seatB.seatId, seatC.seatId, sa, sb, sc, '小王', '小李']) expect(json).not.toContain(secret);
    await trainer.waitFor(() => trainer.of('drill:state').some((s) => s.status === 'paused' && s.frozenAt === 'ask'));
    expect(await b.act('reply:send', { sessionId: sb, clientMsgId: msgId(), text: '还在吗' })).toMatchObject({ ok: false, error: { code: 'paused' } });
    expect(await trainer.ok('drill:reveal-show', { drillId })).toEqual({ trainees: 3 });
    await c.waitForEvent('drill:reveal');
    expect(c.of('drill:reveal')[0]).toEqual(reveal);
    await trainer.ok('drill:resume', { drillId });

    // A plays to a purchase; the drill's end closes the other two.
    await a.waitForEvent('buyer:say', 3);
    await reply(a, seatA, sa, '链接我这边不方便打开，您发个截图给我看看吧');
    await a.waitForEvent('session:outcome');
    const results = await trainer.ok('drill:end', { drillId });
    for (const t of [a, b, c]) await t.waitForEvent('session:report');
    expect(results.summary.sessions).toBe(3);
    expect(results.summary.conversion).toBeCloseTo(2 / 3);
    expect(results.summary.rules.find((r) => r.rule === 'no-offplatform-contact')).toMatchObject({ fail: 1, pass: 2 });
    expect(results.leaderboard.map((l) => l.rank)).toEqual([1, 2, 3]);
    expect(results.seats.find((s) => s.seatId === seatC.seatId)?.sessions[0]?.report?.redLines).toEqual(['no-offplatform-contact']);
    expect(results.summary.firstResponseMsAvg).not.toBeNull();

    // Exports and history, for the drill's trainer only.
    const csv = await fetch(`${server.url}/api/drills/${drillId}/export.csv`, { headers: { cookie } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('名次,学员,学员状态,演练得分,红线次数,红线（第几位买家）,第几位买家,买家剧本,剧本版本,这位买家,结局,得分,是否通过,本次红线,首次响应（秒）,平均响应（秒）,回复次数,座位 ID,对话 ID');
    expect(lines).toHaveLength(4);
    // The red line by its short name, with its buyer; the trainee with it ranks last.
    expect(lines.find((l) => l.includes('小李'))).toContain('不引导站外联系（第 1 位）');
    expect(lines.at(-1)?.split(',')[1]).toBe('小李');
    const exported = (await (await fetch(`${server.url}/api/drills/${drillId}/export.json`, { headers: { cookie } })).json()) as typeof results;
    expect(exported.summary).toEqual(results.summary);
    const history = (await (await fetch(`${server.url}/api/drills`, { headers: { cookie } })).json()) as { drills: { drillId: string; status: string; seats: number }[] };
    expect(history.drills[0]).toMatchObject({ drillId, status: 'ended', seats: 3 });
  });

  it('plays a sequence of scenarios: the next session starts when one ends', async () => {
    const server = await fixture.server();
    const trainer = await client(server.url, await loginTrainer(server, '李老师'));
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle', 'mini-haggle'], mode: 'exam' });
    const t = await client(server.url);
    await t.ok('drill:join', { code: snap.code, displayName: '小周' });
    await trainer.ok('drill:start', { drillId: snap.state.drillId });
    await t.waitForEvent('drill:session');
    const first = t.of('drill:session')[0]?.session.sessionId ?? '';
    expect(await t.act('session:end', { sessionId: first, clientMsgId: msgId() })).toMatchObject({ ok: true });
    await t.waitForEvent('drill:session', 2);
    expect(t.of('drill:session')[1]).toMatchObject({ position: 1 });
    expect(t.events.some((e) => e.name === 'verdict:add')).toBe(false);
    const results = await trainer.ok('drill:end', { drillId: snap.state.drillId });
    expect(results.seats[0]?.sessions).toHaveLength(2);
  });

  it('lets a trainee reload or switch device with the seat token and lose nothing', async () => {
    const server = await fixture.server();
    const trainer = await client(server.url, await loginTrainer(server, '赵老师'));
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    const first = await client(server.url);
    const seat = await first.ok('drill:join', { code: snap.code, displayName: '小孙' });
    await trainer.ok('drill:start', { drillId: snap.state.drillId });
    await first.waitForEvent('buyer:say');
    const sessionId = first.of('drill:session')[0]?.session.sessionId ?? '';
    await reply(first, seat, sessionId, '亲，不能再便宜了哦');
    await first.waitForEvent('buyer:say', 3);
    const seen = first.events.filter((e) => 'seq' in e.payload);
    first.close();

    // A reload: a new socket, the same token, the last sequence number it had.
    const reloaded = await client(server.url);
    const back = await reloaded.ok('drill:rejoin', { seatToken: seat.seatToken, lastSeq: 2 });
    expect(back).toMatchObject({ seatId: seat.seatId, displayName: '小孙', session: { sessionId, lastSeq: seen.length } });
    await reloaded.waitFor((events) => events.length >= seen.length - 2);
    expect(reloaded.events).toEqual(seen.slice(2));
    await reply(reloaded, seat, sessionId, '您发个截图给我看看');
    await reloaded.waitForEvent('session:outcome');

    // Another device from nothing: the whole history, the same as the first socket saw it.
    const phone = await client(server.url);
    const again = await phone.ok('drill:rejoin', { seatToken: seat.seatToken, lastSeq: 0 });
    await phone.waitFor((events) => events.length >= (again.session?.lastSeq ?? 0));
    expect(phone.events.slice(0, seen.length)).toEqual(seen);
    expect(phone.events.slice(2)).toEqual(reloaded.events);
    expect(server.drills.manager.get(snap.state.drillId)?.seats.size).toBe(1);
  });
});

/** Rasterize the QR code's SVG (its stroke path: M/m moves, h runs) and read it with an independent decoder. */
function decodeSvg(svg: string): string | undefined {
  const side = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1] ?? 0);
  const path = /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1] ?? '';
  const scale = 4;
  const px = side * scale;
  const pixels = new Uint8ClampedArray(px * px * 4).fill(255);
  let x = 0;
  let y = 0;
  for (const [, cmd, a, b] of path.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (cmd === 'M') [x, y] = [Number(a), Number(b)];
    else if (cmd === 'm') [x, y] = [x + Number(a), y + Number(b)];
    else {
      const row = Math.floor(y);
      for (let col = x; col < x + Number(a); col++) {
        for (let dy = 0; dy < scale; dy++) {
          const i = ((row * scale + dy) * px + col * scale) * 4;
          pixels.fill(0, i, i + scale * 4);
          for (let k = 0; k < scale; k++) pixels[i + k * 4 + 3] = 255;
        }
      }
      x += Number(a);
    }
  }
  return jsQR(pixels, px, px)?.data;
}
