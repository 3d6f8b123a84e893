// A node killed with SIGKILL in the middle of a drill (the real entry point in a child process):
// its drill lease stops being renewed, and once it expires the next node takes the drill over from
// the store. Until then a trainee asking for the seat is told to try again (not that the seat is
// gone); afterwards the trainee and the trainer come back and the drill finishes, with every
// acknowledged reply there once.
import { afterEach, describe, expect, it } from 'vitest';
import type { DrillAck, SeatInfo } from '../../server/protocol/index.ts';
import type { DrillClient } from './drillHelpers.ts';
import { drillClient, login } from './drillHelpers.ts';
import { msgId, tempDataDir } from './helpers.ts';
import type { ServerProcess } from './serverProcess.ts';
import { startServerProcess } from './serverProcess.ts';

const TRAINER = '孙老师';
const PASSWORD = 'correct-horse-battery';
const ENV = { TRAINER_BOOTSTRAP: `${TRAINER}:${PASSWORD}`, BUYER_SPEED: '0', LEASE_TTL_MS: '2000' };

const procs: ServerProcess[] = [];
const clients: DrillClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
  for (const p of procs.splice(0)) p.kill();
});

async function node(dataDir: string): Promise<ServerProcess> {
  const proc = await startServerProcess(dataDir, ENV);
  procs.push(proc);
  return proc;
}

async function client(url: string, cookie?: string): Promise<DrillClient> {
  const c = await drillClient(url, cookie);
  clients.push(c);
  return c;
}

/** Ask until the drill is back (a bounded number of times): the answers on the way say "try again". */
async function untilBack<T>(ask: () => Promise<DrillAck<T>>): Promise<T> {
  const refusals = new Set<string>();
  // Once a second, as a client's retry would: the socket's rate limit stays far away.
  for (let i = 0; i < 45; i++) {
    const answer = await ask();
    if (answer.ok) return answer.data;
    refusals.add(answer.error.code);
    expect(answer.error.code).toBe('unavailable');
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`the drill did not come back: ${[...refusals].join(', ')}`);
}

describe('a node killed in the middle of a drill', () => {
  it('hands the drill to the next node: trainee and trainer come back, nothing acknowledged lost or doubled', async () => {
    const dataDir = tempDataDir();
    const first = await node(dataDir);
    const trainer = await client(first.url, await login(first.url, TRAINER, PASSWORD));
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'exam', timeLimitSeconds: 900 });
    const drillId = snap.state.drillId;
    const trainee = await client(first.url);
    const seat = await trainee.ok('drill:join', { code: snap.code, displayName: '小周' });
    await trainer.ok('drill:start', { drillId });
    await trainee.waitForEvent('buyer:say');
    const sessionId = trainee.of('drill:session')[0]?.session.sessionId ?? '';
    const acked = [msgId(), msgId()];
    expect(await trainee.act('reply:send', { sessionId, clientMsgId: acked[0], text: '亲，您好，欢迎光临！' })).toMatchObject({ ok: true });
    expect(await trainee.act('reply:send', { sessionId, clientMsgId: acked[1], text: '这款靴子是防水的哦' })).toMatchObject({ ok: true });
    const seen = Math.max(...trainee.events.flatMap((e) => ('seq' in e.payload ? [e.payload.seq] : [])));
    first.kill();

    const second = await node(dataDir);
    const back = await client(second.url);
    const rejoined: SeatInfo = await untilBack(() => back.send('drill:rejoin', { seatToken: seat.seatToken, lastSeq: seen }));
    expect(rejoined.session?.sessionId).toBe(sessionId);
    expect(rejoined.session?.lastSeq).toBeGreaterThanOrEqual(seen);
    // A reply whose ack was lost in the crash is sent again: answered from the log, stored once.
    expect(await back.act('reply:send', { sessionId, clientMsgId: acked[1], text: '这款靴子是防水的哦' })).toMatchObject({ ok: true });
    expect(await back.act('reply:send', { sessionId, clientMsgId: msgId(), text: '这已经是活动价了，质量很好的' })).toMatchObject({ ok: true });

    const cookie = await login(second.url, TRAINER, PASSWORD);
    const board = await client(second.url, cookie);
    const attached = await board.ok('drill:attach', { drillId });
    expect(attached.state.status).toBe('running');
    expect(attached.tiles.map((t) => [t.name, t.sessionId])).toEqual([['小周', sessionId]]);
    const results = await board.ok('drill:end', { drillId });
    expect(results.interrupted).toBeUndefined();
    expect(results.seats[0]?.sessions.map((s) => s.sessionId)).toEqual([sessionId]);
    // Two replies before the kill, one after: three, none twice.
    expect(results.seats[0]?.sessions[0]?.report?.kpis.replies).toBe(3);
  }, 60_000);
});
