// drill:check: what a join code leads to, asked before the trainee types a name. Open, cancelled,
// ended or unknown, from memory or (after a restart) from the store, and nothing else about the
// drill; a code no drill ever had counts against the address's budget of wrong codes, shared with
// drill:join, so checking is no cheaper way to guess. The join keeps its own answers (the same words).
import { describe, expect, it } from 'vitest';
import { JOIN_FAILURE_LIMIT } from '../../server/runtime/drills/joinGuard.ts';
import type { DrillServer } from './drillHelpers.ts';
import { drillFixture, loginTrainer, startDrill } from './drillHelpers.ts';

const fixture = drillFixture();

async function opened(server: DrillServer, trainerName: string) {
  const trainer = await fixture.client(server.url, await loginTrainer(server, trainerName));
  const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
  return { trainer, code: snap.code, drillId: snap.state.drillId };
}

/** A six-digit code no drill of this server has. */
function unusedCode(server: DrillServer, ...taken: string[]): string {
  for (let n = 100_000; ; n++) if (!taken.includes(String(n)) && server.drills.manager.hereByCode(String(n)) === undefined) return String(n);
}

describe('drill:check', () => {
  it('says open for a lobby and a running drill, with the status alone', async () => {
    const server = await fixture.server();
    const { trainer, code, drillId } = await opened(server, '钱老师');
    const trainee = await fixture.client(server.url);
    expect(await trainee.send('drill:check', { code })).toEqual({ ok: true, data: { status: 'open' } });
    await trainee.ok('drill:join', { code, displayName: '小甲' });
    await startDrill(trainer, drillId, [trainee]);
    const other = await fixture.client(server.url);
    expect(await other.send('drill:check', { code })).toEqual({ ok: true, data: { status: 'open' } });
  });

  it('says cancelled and ended, in memory and from the store after a restart, and the join says the same', async () => {
    let server = await fixture.server();
    const cancelled = await opened(server, '孙老师');
    await cancelled.trainer.ok('drill:cancel', { drillId: cancelled.drillId });
    const ended = await opened(server, '李老师');
    const seat = await fixture.client(server.url);
    await seat.ok('drill:join', { code: ended.code, displayName: '小乙' });
    await startDrill(ended.trainer, ended.drillId, [seat]);
    await ended.trainer.ok('drill:end', { drillId: ended.drillId });
    const trainee = await fixture.client(server.url);
    expect(await trainee.send('drill:check', { code: cancelled.code })).toEqual({ ok: true, data: { status: 'cancelled' } });
    expect(await trainee.send('drill:check', { code: ended.code })).toEqual({ ok: true, data: { status: 'ended' } });

    const { dataDir } = server;
    await fixture.stop(server);
    server = await fixture.server({ dataDir });
    const later = await fixture.client(server.url);
    expect(await later.send('drill:check', { code: cancelled.code })).toEqual({ ok: true, data: { status: 'cancelled' } });
    expect(await later.send('drill:check', { code: ended.code })).toEqual({ ok: true, data: { status: 'ended' } });
    expect(await later.send('drill:check', { code: unusedCode(server, cancelled.code, ended.code) })).toEqual({ ok: true, data: { status: 'unknown' } });
    // The join answers as the check did: ended, not "no such code".
    expect(await later.send('drill:join', { code: ended.code, displayName: '小丙' })).toMatchObject({ ok: false, error: { code: 'drill-not-running', reason: 'ended' } });
    expect(await later.send('drill:join', { code: cancelled.code, displayName: '小丙' })).toMatchObject({ ok: false, error: { reason: 'cancelled' } });
  });

  it('waits for a cancel being written: failed, the drill is still open', async () => {
    const server = await fixture.server();
    const { trainer, code, drillId } = await opened(server, '郑老师');
    const store = (server.drills.manager as unknown as { deps: { store: { cancel: (id: string, at: number) => Promise<boolean> } } }).deps.store;
    let fail: (err: Error) => void = () => undefined;
    store.cancel = () => new Promise<boolean>((_resolve, reject) => (fail = reject));
    const cancelling = trainer.send('drill:cancel', { drillId });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const trainee = await fixture.client(server.url);
    const checking = trainee.send('drill:check', { code });
    await new Promise((resolve) => setTimeout(resolve, 50));
    fail(new Error('the database went away'));
    expect(await cancelling).toMatchObject({ ok: false });
    expect(await checking).toEqual({ ok: true, data: { status: 'open' } });
  });

  it('counts unknown codes against the budget a join uses, and right codes not at all', async () => {
    const server = await fixture.server();
    const { code } = await opened(server, '王老师');
    const guesser = await fixture.client(server.url);
    // A class checking its one right code, many times over, is never held back.
    for (let i = 0; i < JOIN_FAILURE_LIMIT.events + 5; i++) expect(await guesser.send('drill:check', { code })).toEqual({ ok: true, data: { status: 'open' } });
    for (let i = 0; i < JOIN_FAILURE_LIMIT.events; i++) expect(await guesser.send('drill:check', { code: String(200_000 + i) })).toEqual({ ok: true, data: { status: 'unknown' } });
    const tooMany = { ok: false, error: { code: 'rate-limited', reason: 'too-many-wrong-codes' } };
    expect(await guesser.send('drill:check', { code })).toMatchObject(tooMany);
    // Per address, whatever the connection, and for a join too.
    const again = await fixture.client(server.url);
    expect(await again.send('drill:check', { code: '299999' })).toMatchObject(tooMany);
    expect(await again.send('drill:join', { code, displayName: '小丁' })).toMatchObject(tooMany);
  });

  it('takes a six-digit code and nothing else', async () => {
    const server = await fixture.server();
    const trainee = await fixture.client(server.url);
    for (const payload of [{ code: '12345' }, { code: '1234567' }, { code: 'abcdef' }, { code: 123456 }, { code: '123456', displayName: '小戊' }, {}]) {
      expect(await trainee.raw('drill:check', payload), JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
  });
});
