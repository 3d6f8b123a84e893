// A logout on one node ends the trainer's login on every node: the cookie over HTTP at once, and a
// drill socket already open on another node within LOGIN_RECHECK_MS (that node checks the logins
// its sockets hold against the shared store, and disconnects the socket). Two app instances on one
// database, as two nodes.
import { describe, expect, it } from 'vitest';
import { LOGIN_RECHECK_MS } from '../../server/http/trainerAuth.ts';
import type { Backend } from './backends.ts';
import { freshStore } from './backends.ts';
import { drillFixture, loginTrainer } from './drillHelpers.ts';

const fixture = drillFixture();

describe.each<Backend>(['postgres', 'sqlite'])('a logout on another node (%s)', (backend) => {
  it('stops the trainer\'s socket here within the recheck time, and its cookie over HTTP', async () => {
    const store = await freshStore(backend);
    const a = await fixture.server({ store });
    const b = await fixture.server({ store });
    const cookie = await loginTrainer(a, '戊老师');
    const trainer = await fixture.client(b.url, cookie);
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    const drillId = snap.state.drillId;
    expect(await trainer.send('drill:lock', { drillId, locked: false })).toMatchObject({ ok: true });
    expect((await fetch(`${b.url}/api/trainer/me`, { headers: { cookie } })).status).toBe(200);

    const cut = new Promise<string>((resolve) => trainer.socket.once('disconnect', resolve));
    const out = await fetch(`${a.url}/api/trainer/logout`, { method: 'POST', headers: { cookie } });
    expect(out.status).toBe(200);
    const loggedOutAt = Date.now();
    // The socket on the other node: disconnected once that node has checked (every LOGIN_RECHECK_MS).
    // (Nothing else touches node B meanwhile: an HTTP request there with the cookie would tell it at once.)
    const deadline = LOGIN_RECHECK_MS + 8000;
    const why = await Promise.race([cut, new Promise((resolve) => setTimeout(resolve, deadline, 'still connected'))]);
    const tookMs = Date.now() - loggedOutAt;
    expect(why).toBe('io server disconnect');
    // HTTP on the other node reads the login row: refused.
    expect((await fetch(`${b.url}/api/trainer/me`, { headers: { cookie } })).status).toBe(401);
    // Measured against the slack of a slow machine, not a tight bound: the check runs every LOGIN_RECHECK_MS.
    expect(tookMs).toBeLessThan(LOGIN_RECHECK_MS + 8000);
    // And it stays refused: nothing brings the login back.
    const fresh = await fixture.client(b.url, cookie);
    expect(await fresh.send('drill:attach', { drillId })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  }, 40_000);
});
