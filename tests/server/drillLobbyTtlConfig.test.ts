// DRILL_LOBBY_TTL_HOURS through the real entry point (server/index.ts): read with the other settings
// (runtime/config.ts), a bad value stops the server before it listens, and the value set reaches the
// drills: a lobby left unstarted is cancelled that long after it opened.
import { afterEach, describe, expect, it } from 'vitest';
import type { DrillClient } from './drillHelpers.ts';
import { drillClient, login } from './drillHelpers.ts';
import { tempDataDir } from './helpers.ts';
import type { ServerProcess } from './serverProcess.ts';
import { startServerProcess } from './serverProcess.ts';

let child: ServerProcess | undefined;
const clients: DrillClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  child?.kill();
  await child?.exited;
  child = undefined;
});

describe('DRILL_LOBBY_TTL_HOURS at start-up', () => {
  it('stops the server on a value that is not a number of hours, naming the variable', async () => {
    await expect(startServerProcess(tempDataDir(), { DRILL_LOBBY_TTL_HOURS: 'soon' })).rejects.toThrow('config: DRILL_LOBBY_TTL_HOURS must be a number of hours above 0 and at most 720 (got "soon")');
  });

  it('cancels a lobby left unstarted for as long as it says', async () => {
    // 0.0005 h = 1.8 s: the drill's own timer, on the wall clock, cancels it (the default is 12 h).
    child = await startServerProcess(tempDataDir(), { DRILL_LOBBY_TTL_HOURS: '0.0005', TRAINER_BOOTSTRAP: '许老师:correct-horse-battery' });
    const cookie = await login(child.url, '许老师', 'correct-horse-battery');
    const trainer = await drillClient(child.url, cookie);
    const seat = await drillClient(child.url);
    clients.push(trainer, seat);
    const opened = Date.now();
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    await seat.ok('drill:join', { code: snap.code, displayName: '小甲' });
    await seat.waitFor(() => seat.of('drill:state').some((s) => s.status === 'cancelled'));
    expect(seat.of('drill:state').find((s) => s.status === 'cancelled')?.cancelledBy).toBe('expiry');
    expect(Date.now() - opened).toBeGreaterThanOrEqual(1_500);
  });
});
