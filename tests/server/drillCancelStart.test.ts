// A trainer's start that comes while their own cancel is still being written: it waits for the
// write's answer, as a trainee's join does. Stored: the start is refused as cancelled. Failed (the
// drill is a lobby again): the start goes ahead and the class plays.
import { describe, expect, it } from 'vitest';
import type { DrillServer } from './drillHelpers.ts';
import { drillFixture, loginTrainer } from './drillHelpers.ts';

const fixture = drillFixture();

/** The store's answer to a cancel, held until the test says how it went (a database that hangs, then answers). */
function holdCancelWrite(server: DrillServer): { succeed: () => void; fail: (err: Error) => void } {
  const store = (server.drills.manager as unknown as { deps: { store: { cancel: (id: string, at: number) => Promise<boolean> } } }).deps.store;
  const write = store.cancel.bind(store);
  const held = { succeed: () => undefined, fail: (_err: Error) => undefined } as { succeed: () => void; fail: (err: Error) => void };
  store.cancel = (id, at) =>
    new Promise<boolean>((resolve, reject) => {
      held.succeed = () => void write(id, at).then(resolve, reject);
      held.fail = reject;
    });
  return held;
}

async function lobbyWithSeat(server: DrillServer, trainerName: string) {
  const cookie = await loginTrainer(server, trainerName);
  const trainer = await fixture.client(server.url, cookie);
  const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
  const seat = await fixture.client(server.url);
  await seat.ok('drill:join', { code: snap.code, displayName: '小甲' });
  return { trainer, seat, drillId: snap.state.drillId };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 50));

/**
 * A lobby whose cancel write is held, with a start sent behind the cancel: both answers, the held
 * write, and whether the start was answered before the write settled (it must not be).
 */
async function startBehindHeldCancel(server: Awaited<ReturnType<typeof fixture.server>>, teacher: string) {
  const lobby = await lobbyWithSeat(server, teacher);
  const write = holdCancelWrite(server);
  const cancelling = lobby.trainer.send('drill:cancel', { drillId: lobby.drillId });
  await tick();
  let answered = false;
  const starting = lobby.trainer.send('drill:start', { drillId: lobby.drillId }).finally(() => (answered = true));
  await tick();
  return { ...lobby, write, cancelling, starting, startAnsweredEarly: answered };
}

describe('a start while the cancel is written', () => {
  it('goes ahead once the cancel write fails: the drill was still a lobby', async () => {
    const server = await fixture.server();
    const { seat, drillId, write, cancelling, starting, startAnsweredEarly } = await startBehindHeldCancel(server, '周老师');
    // Not answered from the half-done cancel: it waits for the write.
    expect(startAnsweredEarly).toBe(false);
    write.fail(new Error('the database went away'));
    expect(await cancelling).toMatchObject({ ok: false });
    expect(await starting).toMatchObject({ ok: true, data: { status: 'running' } });
    expect(server.drills.manager.get(drillId)?.status).toBe('running');
    await seat.waitForEvent('drill:session');
    expect(seat.of('drill:state').some((s) => s.status === 'cancelled')).toBe(false);
  });

  it('is refused as cancelled once the cancel is stored', async () => {
    const server = await fixture.server();
    const { drillId, write, cancelling, starting, startAnsweredEarly } = await startBehindHeldCancel(server, '吴老师');
    expect(startAnsweredEarly).toBe(false);
    write.succeed();
    expect(await cancelling).toMatchObject({ ok: true, data: { status: 'cancelled' } });
    expect(await starting).toMatchObject({ ok: false, error: { code: 'drill-not-running', reason: 'cancelled' } });
    expect(server.drills.manager.get(drillId)?.status).toBe('cancelled');
  });
});
