// Trainer account management against a real server, on SQLite and on PostgreSQL: the admins' list,
// disabling (the login refused like a wrong password, an existing cookie and drill socket cut off,
// here and on another node), enabling again, the refusals that keep an admin in (self, last admin),
// an admin's password reset, and a trainer changing their own password under the login limits.
import { describe, expect, it } from 'vitest';
import { ACCOUNT_BACKOFF, ADDRESS_LIMIT } from '../../server/http/loginLimits.ts';
import { LOGIN_RECHECK_MS } from '../../server/http/trainerAuth.ts';
import type { Answer } from './accountHelpers.ts';
import { addTrainer, call, cookieOf, logIn, refusalOf } from './accountHelpers.ts';
import type { Backend } from './backends.ts';
import { BACKENDS, freshStore } from './backends.ts';
import type { DrillClient, DrillServer } from './drillHelpers.ts';
import { drillFixture, PASSWORD } from './drillHelpers.ts';

const fixture = drillFixture();


const patch = (server: DrillServer, cookie: string, id: string, body: unknown) => call(server.url, `/api/trainers/${id}`, { method: 'PATCH', body, cookie });
const reset = (server: DrillServer, cookie: string, id: string, password: string) => call(server.url, `/api/trainers/${id}/password`, { body: { password }, cookie });
const changeOwn = (server: DrillServer, cookie: string, currentPassword: string, newPassword: string) => call(server.url, '/api/trainer/password', { body: { currentPassword, newPassword }, cookie });
const me = (server: DrillServer, cookie: string) => call(server.url, '/api/trainer/me', { cookie });

/**
 * A trainer's drill socket with a drill open: `works()` tries a trainer-only event; `cutOff(ms)`
 * says whether the server disconnected it (within `ms`), as it does once the login has ended.
 */
async function trainerSocket(server: DrillServer, cookie: string): Promise<{ client: DrillClient; works: () => Promise<boolean>; cutOff: (ms?: number) => Promise<boolean> }> {
  const client = await fixture.client(server.url, cookie);
  const { drillId } = (await client.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' })).state;
  const closed = new Promise<string>((resolve) => client.socket.once('disconnect', resolve));
  return {
    client,
    works: async () => client.socket.connected && (await client.send('drill:lock', { drillId, locked: false })).ok,
    cutOff: async (ms = 2000) => (await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, ms, 'still connected'))])) === 'io server disconnect',
  };
}

function expectRefused(answer: Answer, status: number, code: string, reason?: string): void {
  expect({ status: answer.status, ...refusalOf(answer) }).toEqual({ status, code, ...(reason ? { reason } : {}) });
}

describe.each<Backend>(BACKENDS)('trainer accounts (%s)', (backend) => {
  const server = async () => fixture.server({ store: await freshStore(backend) });

  it('lists every trainer for an admin, with who is an admin, disabled, created and last logged in', async () => {
    const s = await server();
    const adminId = await addTrainer(s, '管理员', true);
    const plainId = await addTrainer(s, '甲老师');
    const admin = await cookieOf(s, '管理员');
    const listed = await call(s.url, '/api/trainers', { cookie: admin });
    expect(listed.status).toBe(200);
    const trainers = listed.body['trainers'] as Record<string, unknown>[];
    expect(trainers).toHaveLength(2);
    expect(trainers.find((t) => t['id'] === adminId)).toEqual({ id: adminId, name: '管理员', admin: true, disabled: false, createdAt: expect.any(Number), lastLoginAt: expect.any(Number) });
    // Never logged in yet; and never a password hash.
    expect(trainers.find((t) => t['id'] === plainId)).toEqual({ id: plainId, name: '甲老师', admin: false, disabled: false, createdAt: expect.any(Number), lastLoginAt: null });
  });

  it('keeps the admin routes from other trainers (403 not-admin) and from no login (401)', async () => {
    const s = await server();
    const adminId = await addTrainer(s, '管理员', true);
    await addTrainer(s, '乙老师');
    const plain = await cookieOf(s, '乙老师');
    expectRefused(await call(s.url, '/api/trainers', { cookie: plain }), 403, 'forbidden', 'not-admin');
    expectRefused(await patch(s, plain, adminId, { disabled: true }), 403, 'forbidden', 'not-admin');
    expectRefused(await reset(s, plain, adminId, 'taken-over-pass'), 403, 'forbidden', 'not-admin');
    expectRefused(await call(s.url, '/api/trainers'), 401, 'unauthorized');
    expectRefused(await patch(s, '', adminId, { disabled: true }), 401, 'unauthorized');
    // Nothing changed: the admin still logs in with the old password.
    expect((await logIn(s.url, '管理员', PASSWORD)).status).toBe(200);
  });

  it('disables a trainer: the login is refused like a wrong password, their cookie and socket stop at once; enabling lets them log in again', async () => {
    const s = await server();
    await addTrainer(s, '管理员', true);
    const targetId = await addTrainer(s, '丙老师');
    const admin = await cookieOf(s, '管理员');
    const target = await cookieOf(s, '丙老师');
    const socket = await trainerSocket(s, target);
    expect(await socket.works()).toBe(true);

    expect((await patch(s, admin, targetId, { disabled: true })).status).toBe(200);
    // The socket first: an HTTP request with the cookie would tell this node too.
    expect(await socket.cutOff()).toBe(true);
    expect(await socket.works()).toBe(false);
    // The right password and a wrong one alike: nothing tells a guesser the account is disabled.
    expectRefused(await logIn(s.url, '丙老师', PASSWORD), 401, 'unauthorized');
    expectRefused(await logIn(s.url, '丙老师', 'not-the-password'), 401, 'unauthorized');
    expectRefused(await me(s, target), 401, 'unauthorized');
    expect((await call(s.url, '/api/trainers', { cookie: admin })).body['trainers']).toContainEqual(expect.objectContaining({ id: targetId, disabled: true }));

    expect((await patch(s, admin, targetId, { disabled: false })).status).toBe(200);
    const again = await logIn(s.url, '丙老师', PASSWORD);
    expect(again.status).toBe(200);
    expect((await me(s, again.cookie)).status).toBe(200);
    // The logins that were ended stay ended.
    expect((await me(s, target)).status).toBe(401);
  });

  it('refuses to disable oneself or the last enabled admin, a bad body, and an unknown trainer', async () => {
    const s = await server();
    const adminId = await addTrainer(s, '管理员', true);
    const admin = await cookieOf(s, '管理员');
    expectRefused(await patch(s, admin, adminId, { disabled: true }), 409, 'conflict', 'self');
    expectRefused(await call(s.url, `/api/trainers/${adminId}`, { method: 'PATCH', raw: '{"disabled": tru', cookie: admin }), 400, 'bad-request', 'bad-json');
    expectRefused(await patch(s, admin, adminId, { disabled: 'yes' }), 400, 'bad-request', 'bad-json');
    expectRefused(await patch(s, admin, 'no-such-id', { disabled: true }), 404, 'not-found', 'no-such-trainer');
    // Only the store can be asked to disable the one admin left (a request always comes from an enabled admin).
    expect(await s.drills.auth.setDisabled(adminId, true)).toBe('last-admin');
    expect((await me(s, admin)).status).toBe(200);
  });

  it('never leaves no enabled admin when two admins disable each other at once', async () => {
    const s = await server();
    for (let round = 0; round < 5; round++) {
      const a = await addTrainer(s, `管理员甲${round}`, true);
      const b = await addTrainer(s, `管理员乙${round}`, true);
      const [cookieA, cookieB] = [await cookieOf(s, `管理员甲${round}`), await cookieOf(s, `管理员乙${round}`)];
      // One admin of each earlier pair is still enabled: disabled first, so this pair are the last two.
      const listed = (await call(s.url, '/api/trainers', { cookie: cookieA })).body['trainers'] as { id: string; admin: boolean; disabled: boolean }[];
      for (const t of listed.filter((t) => t.admin && !t.disabled && t.id !== a && t.id !== b)) expect((await patch(s, cookieA, t.id, { disabled: true })).status).toBe(200);

      const answers = await Promise.all([patch(s, cookieA, b, { disabled: true }), patch(s, cookieB, a, { disabled: true })]);
      expect(answers.filter((x) => x.status === 200)).toHaveLength(1);
      // The other was refused: as the last admin, or because its own login had just ended.
      for (const refused of answers.filter((x) => x.status !== 200)) expect([`409 last-admin`, '401 undefined']).toContain(`${refused.status} ${refusalOf(refused).reason}`);
      const after = (await call(s.url, '/api/trainers', { cookie: answers[0].status === 200 ? cookieA : cookieB })).body['trainers'] as { admin: boolean; disabled: boolean }[];
      expect(after.filter((t) => t.admin && !t.disabled)).toHaveLength(1);
    }
  }, 60_000);

  it("resets another trainer's password: their logins end, the new password works, the old does not", async () => {
    const s = await server();
    const adminId = await addTrainer(s, '管理员', true);
    const targetId = await addTrainer(s, '丁老师');
    const admin = await cookieOf(s, '管理员');
    const target = await cookieOf(s, '丁老师');
    const socket = await trainerSocket(s, target);

    expectRefused(await reset(s, admin, targetId, 'short'), 400, 'bad-request', 'password-too-short');
    expectRefused(await reset(s, admin, adminId, 'my-own-new-pass'), 409, 'conflict', 'self');
    expectRefused(await reset(s, admin, 'no-such-id', 'a-fine-password'), 404, 'not-found', 'no-such-trainer');
    expectRefused(await call(s.url, `/api/trainers/${targetId}/password`, { raw: 'not json', cookie: admin }), 400, 'bad-request', 'bad-json');
    expect((await me(s, target)).status).toBe(200);

    expect(await socket.works()).toBe(true);
    expect((await reset(s, admin, targetId, 'reset-by-admin')).status).toBe(200);
    expect(await socket.cutOff()).toBe(true);
    expect((await me(s, target)).status).toBe(401);
    expectRefused(await logIn(s.url, '丁老师', PASSWORD), 401, 'unauthorized');
    expect((await logIn(s.url, '丁老师', 'reset-by-admin')).status).toBe(200);
    expect((await me(s, admin)).status).toBe(200);
  });

  it('changes one\'s own password with the current one: the other logins end, this one stays', async () => {
    const s = await server();
    await addTrainer(s, '戊老师');
    const here = await cookieOf(s, '戊老师');
    const elsewhere = await cookieOf(s, '戊老师');
    const socket = await trainerSocket(s, elsewhere);

    expectRefused(await changeOwn(s, here, PASSWORD, 'short'), 400, 'bad-request', 'password-too-short');
    expectRefused(await call(s.url, '/api/trainer/password', { body: { newPassword: 'a-fine-password' }, cookie: here }), 400, 'bad-request', 'bad-json');
    expectRefused(await changeOwn(s, here, 'not-the-password', 'a-fine-password'), 403, 'forbidden', 'wrong-password');
    expectRefused(await changeOwn(s, '', PASSWORD, 'a-fine-password'), 401, 'unauthorized');
    expect((await me(s, elsewhere)).status).toBe(200);
    expect(await socket.works()).toBe(true);

    expect((await changeOwn(s, here, PASSWORD, 'my-new-password')).status).toBe(200);
    expect(await socket.cutOff()).toBe(true);
    expect((await me(s, here)).status).toBe(200);
    expect((await me(s, elsewhere)).status).toBe(401);
    expectRefused(await logIn(s.url, '戊老师', PASSWORD), 401, 'unauthorized');
    expect((await logIn(s.url, '戊老师', 'my-new-password')).status).toBe(200);
  });

  it('counts a wrong current password like a wrong login, so it cannot be used to guess', async () => {
    const s = await server();
    await addTrainer(s, '己老师');
    const cookie = await cookieOf(s, '己老师');
    // More wrong guesses than the free ones: the account's back-off starts, as after wrong logins.
    const guesses = ACCOUNT_BACKOFF.free + 3;
    for (let i = 0; i < guesses; i++) expectRefused(await changeOwn(s, cookie, `guess-${i}-password`, 'a-fine-password'), 403, 'forbidden', 'wrong-password');
    // A login from another address (not trusted for this account) now waits, even with the right password...
    expectRefused(await logIn(s.url, '己老师', PASSWORD, '127.0.6.1'), 429, 'rate-limited', 'account');
    // ...and so do more guesses from another address through this route.
    const elsewhere = await call(s.url, '/api/trainer/password', { body: { currentPassword: 'guess-again-password', newPassword: 'a-fine-password' }, cookie, from: '127.0.6.2' });
    expectRefused(elsewhere, 429, 'rate-limited', 'account');
    // From its own address the trainer is not kept out by the account's back-off, but the address
    // budget counts these guesses like wrong logins.
    for (let i = guesses; i < ADDRESS_LIMIT.attempts; i++) expectRefused(await changeOwn(s, cookie, `guess-${i}-password`, 'a-fine-password'), 403, 'forbidden', 'wrong-password');
    expectRefused(await changeOwn(s, cookie, 'one-guess-too-many', 'a-fine-password'), 429, 'rate-limited', 'address');
    expectRefused(await logIn(s.url, '己老师', PASSWORD), 429, 'rate-limited', 'address');
  }, 30_000);
});

describe.each<Backend>(BACKENDS)('disabling on another node (%s)', (backend) => {
  it("ends the trainer's cookie there at once and their socket there within the recheck time", async () => {
    const store = await freshStore(backend);
    const a = await fixture.server({ store });
    const b = await fixture.server({ store });
    await addTrainer(a, '管理员', true);
    const targetId = await addTrainer(a, '庚老师');
    const admin = await cookieOf(a, '管理员');
    const target = await cookieOf(b, '庚老师');
    const socket = await trainerSocket(b, target);
    expect(await socket.works()).toBe(true);

    expect((await patch(a, admin, targetId, { disabled: true })).status).toBe(200);
    // Node B hears of it only through the store: its socket check runs every LOGIN_RECHECK_MS, and
    // then disconnects the socket.
    expect(await socket.cutOff(LOGIN_RECHECK_MS + 8000)).toBe(true);
    expect((await me(b, target)).status).toBe(401);
    expectRefused(await logIn(b.url, '庚老师', PASSWORD), 401, 'unauthorized');
  }, 40_000);
});
