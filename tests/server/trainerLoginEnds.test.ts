// When a trainer's login ends (disabled, logged out, a new password), on SQLite and on PostgreSQL:
// - their open drill socket is cut off (disconnected by the server), so it hears nothing more of
//   the drills it followed: no exam verdicts, no dashboard; at once on the node that made the
//   change, within the recheck time on another node;
// - a login whose password check was under way when the password changed (or the account was
//   disabled) gives no working login with the old password;
// - a disabled account answers a login exactly like a wrong password, right password or not, and
//   every such attempt counts against the login limits.
import { vi } from 'vitest';
import { describe, expect, it } from 'vitest';
import { TrainerAuth, LOGIN_RECHECK_MS } from '../../server/http/trainerAuth.ts';
import { ACCOUNT_BACKOFF, ADDRESS_LIMIT } from '../../server/http/loginLimits.ts';
import { passwordHashGate } from '../../server/http/passwords.ts';
import type { DrillServerEventBodies } from '../../server/protocol/index.ts';
import { DASHBOARD_INTERVAL_MS } from '../../server/runtime/drills/dashboardFeed.ts';
import { TrainerStore } from '../../server/store/trainerStore.ts';
import type { Answer } from './accountHelpers.ts';
import { addTrainer, call, cookieOf, logIn } from './accountHelpers.ts';
import type { Backend } from './backends.ts';
import { BACKENDS, freshStore, openStore } from './backends.ts';
import type { DrillClient, DrillServer } from './drillHelpers.ts';
import { drillFixture, PASSWORD, startDrill } from './drillHelpers.ts';
import { msgId, TEST_SECRET } from './helpers.ts';

const fixture = drillFixture();


const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(test: () => boolean, ms = 2000): Promise<boolean> {
  for (const end = Date.now() + ms; !test() && Date.now() < end; ) await sleep(10);
  return test();
}

/** What a trainer socket hears: drill:verdicts and drill:dashboard as they come, and why it was disconnected. */
function listen(client: DrillClient) {
  const heard: { name: 'drill:verdicts' | 'drill:dashboard'; body: unknown }[] = [];
  let reason: string | undefined;
  client.socket.on('drill:verdicts' as never, ((body: DrillServerEventBodies['drill:verdicts']) => heard.push({ name: 'drill:verdicts', body })) as never);
  client.socket.on('drill:dashboard' as never, ((body: unknown) => heard.push({ name: 'drill:dashboard', body })) as never);
  client.socket.on('disconnect', (why) => (reason = why));
  return { heard, reason: () => reason };
}

/**
 * An exam with one trainee, the trainer watching the trainee's chat from a socket on `watchOn`
 * (logged in there). The trainee has not replied yet: a first reply's verdicts and dashboard go to
 * the watching trainer (tests/server/drillWatchVerdicts.test.ts).
 */
async function watchedExam(server: DrillServer, watchOn: DrillServer = server) {
  const targetId = await addTrainer(server, '林老师');
  const cookie = await cookieOf(watchOn, '林老师');
  const trainer = await fixture.client(watchOn.url, cookie);
  const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'exam' });
  const drillId = snap.state.drillId;
  const a = await fixture.client(watchOn.url);
  const seat = await a.ok('drill:join', { code: snap.code, displayName: '小周' });
  const [sessionId] = await startDrill(trainer, drillId, [a]);
  await trainer.ok('drill:watch', { drillId, seatId: seat.seatId });
  const ears = listen(trainer);
  const reply = async () => {
    const sent = await a.act('reply:send', { sessionId, clientMsgId: msgId(), text: '亲，这已经是活动价了哦，不能再便宜了' });
    if (!sent.ok) throw new Error(sent.error.message);
  };
  return { targetId, cookie, trainer, ears, reply, drillId, seatId: seat.seatId };
}

/**
 * After the login ended: the trainee's next reply (at once; or, `within` given, once the socket
 * should have been cut off on its node) reaches the trainer's socket no more, and the server
 * disconnected it.
 */
async function expectCutOff(exam: Awaited<ReturnType<typeof watchedExam>>, within?: number): Promise<void> {
  if (within !== undefined) expect(await until(() => exam.ears.reason() !== undefined, within)).toBe(true);
  const before = exam.ears.heard.length;
  await exam.reply();
  // Time for the reply's verdicts and the next dashboard (sent every DASHBOARD_INTERVAL_MS) to arrive, had they been sent.
  await sleep(2 * DASHBOARD_INTERVAL_MS + 300);
  expect(exam.ears.heard.slice(before).map((e) => e.name)).toEqual([]);
  expect(exam.ears.reason()).toBe('io server disconnect');
  expect(exam.trainer.socket.connected).toBe(false);
}

describe.each<Backend>(BACKENDS)('a trainer socket whose login ends (%s)', (backend) => {
  const server = async () => fixture.server({ store: await freshStore(backend) });

  it('is disconnected at once when an admin disables the trainer: no more exam verdicts or dashboard', async () => {
    const s = await server();
    await addTrainer(s, '管理员', true);
    const admin = await cookieOf(s, '管理员');
    const exam = await watchedExam(s);
    expect((await call(s.url, `/api/trainers/${exam.targetId}`, { method: 'PATCH', body: { disabled: true }, cookie: admin })).status).toBe(200);
    await expectCutOff(exam);
  });

  it('is disconnected at once when the trainer logs out; their other login still hears the reply', async () => {
    const s = await server();
    const exam = await watchedExam(s);
    const other = await fixture.client(s.url, await cookieOf(s, '林老师'));
    await other.ok('drill:attach', { drillId: exam.drillId });
    await other.ok('drill:watch', { drillId: exam.drillId, seatId: exam.seatId });
    const otherEars = listen(other);
    expect((await call(s.url, '/api/trainer/logout', { method: 'POST', cookie: exam.cookie })).status).toBe(200);
    await expectCutOff(exam);
    expect(await until(() => ['drill:verdicts', 'drill:dashboard'].every((name) => otherEars.heard.some((e) => e.name === name)))).toBe(true);
    expect(other.socket.connected).toBe(true);
  });

  it("is disconnected at once when an admin resets the trainer's password", async () => {
    const s = await server();
    await addTrainer(s, '管理员', true);
    const admin = await cookieOf(s, '管理员');
    const exam = await watchedExam(s);
    expect((await call(s.url, `/api/trainers/${exam.targetId}/password`, { body: { password: 'reset-by-admin' }, cookie: admin })).status).toBe(200);
    await expectCutOff(exam);
  });

  it('is disconnected on another node within the recheck time when the trainer is disabled there', async () => {
    const store = await freshStore(backend);
    const a = await fixture.server({ store });
    const b = await fixture.server({ store });
    await addTrainer(a, '管理员', true);
    const admin = await cookieOf(a, '管理员');
    const exam = await watchedExam(a, b);
    expect((await call(a.url, `/api/trainers/${exam.targetId}`, { method: 'PATCH', body: { disabled: true }, cookie: admin })).status).toBe(200);
    await expectCutOff(exam, LOGIN_RECHECK_MS + 3000);
  }, 30_000);
});

describe.each<Backend>(BACKENDS)('a login under way while the password changes (%s)', (backend) => {
  /** A TrainerAuth whose store runs `between` after the password was checked, just before the login row is made. */
  async function racing() {
    const db = await openStore(await freshStore(backend));
    const store = new TrainerStore(db);
    let between: (() => Promise<unknown>) | undefined;
    const hooked = Object.create(store) as TrainerStore;
    hooked.createLogin = (async (...args: Parameters<TrainerStore['createLogin']>) => {
      await between?.();
      return (store.createLogin as (...a: unknown[]) => Promise<unknown>)(...args);
    }) as TrainerStore['createLogin'];
    const auth = new TrainerAuth(hooked, TEST_SECRET, () => Date.now(), false);
    const added = await auth.add('郑老师', PASSWORD, false);
    if (!added.ok) throw new Error(added.message);
    const logins = async () => (await db.selectFrom('trainer_logins').select('id').where('trainer_id', '=', added.trainer.id).execute()).length;
    return { db, auth, id: added.trainer.id, logins, setBetween: (run: () => Promise<unknown>) => (between = run) };
  }

  it('gives no working login with the old password when an admin resets it meanwhile', async () => {
    const r = await racing();
    try {
      r.setBetween(() => r.auth.setPassword(r.id, 'reset-meanwhile'));
      const result = await r.auth.login('郑老师', PASSWORD);
      expect(result.ok).toBe(false);
      expect(await r.logins()).toBe(0);
      if (result.ok) expect(await r.auth.fromCookieHeader(result.cookie.split(';')[0])).toBeUndefined();
      // The new password logs in as usual.
      r.setBetween(() => Promise.resolve());
      expect((await r.auth.login('郑老师', 'reset-meanwhile')).ok).toBe(true);
    } finally {
      await r.db.destroy();
    }
  });

  it('gives no login when the trainer is disabled meanwhile', async () => {
    const r = await racing();
    try {
      r.setBetween(() => r.auth.setDisabled(r.id, true));
      const result = await r.auth.login('郑老师', PASSWORD);
      expect(result.ok).toBe(false);
      expect(await r.logins()).toBe(0);
    } finally {
      await r.db.destroy();
    }
  });

  it('still logs in when nothing changed meanwhile, and records the login', async () => {
    const r = await racing();
    try {
      const result = await r.auth.login('郑老师', PASSWORD);
      expect(result.ok).toBe(true);
      expect(await r.logins()).toBe(1);
      if (result.ok) expect((await r.auth.fromCookieHeader(result.cookie.split(';')[0]))?.trainer.name).toBe('郑老师');
    } finally {
      await r.db.destroy();
    }
  });
});

describe.each<Backend>(BACKENDS)('logging in to a disabled account (%s)', (backend) => {
  const server = async () => fixture.server({ store: await freshStore(backend) });
  const answerOf = (a: Answer) => ({ status: a.status, body: a.body, cookie: a.cookie });

  it('answers the right password exactly like a wrong one, after the same password check', async () => {
    const s = await server();
    const id = await addTrainer(s, '钱老师');
    expect(await s.drills.auth.setDisabled(id, true)).toBe('done');
    const bounded = vi.spyOn(passwordHashGate, 'run');
    try {
      const right = await logIn(s.url, '钱老师', PASSWORD, '127.0.9.1');
      const checksForRight = bounded.mock.calls.filter(([, isBounded]) => isBounded).length;
      bounded.mockClear();
      const wrong = await logIn(s.url, '钱老师', 'not-the-password', '127.0.9.2');
      const checksForWrong = bounded.mock.calls.filter(([, isBounded]) => isBounded).length;
      expect(answerOf(right)).toEqual(answerOf(wrong));
      expect(answerOf(right)).toEqual(answerOf(await logIn(s.url, '无此人', PASSWORD, '127.0.9.3')));
      expect(right.status).toBe(401);
      // One bounded password check each: the refusal takes as long either way.
      expect([checksForRight, checksForWrong]).toEqual([1, 1]);
    } finally {
      bounded.mockRestore();
    }
  });

  it("counts every attempt, right password or not, against the account's back-off", async () => {
    const s = await server();
    const id = await addTrainer(s, '孙老师');
    expect(await s.drills.auth.setDisabled(id, true)).toBe('done');
    // From addresses of their own, so only the account's count can refuse.
    // The free failures, then one more that starts the back-off.
    for (let i = 0; i <= ACCOUNT_BACKOFF.free; i++) {
      expect((await logIn(s.url, '孙老师', i % 2 === 0 ? PASSWORD : `guess-${i}-password`, `127.0.10.${i + 1}`)).status).toBe(401);
    }
    const next = await logIn(s.url, '孙老师', PASSWORD, '127.0.10.100');
    expect(next.status).toBe(429);
    expect(next.body['error']).toMatchObject({ code: 'rate-limited', reason: 'account' });
  });

  it("counts every attempt, right password or not, against the address's budget", async () => {
    const s = await server();
    const names = ['周一老师', '周二老师'];
    for (const name of names) expect(await s.drills.auth.setDisabled(await addTrainer(s, name), true)).toBe('done');
    await addTrainer(s, '周三老师');
    const from = '127.0.11.1';
    // The right password each time: under the account back-off's free failures per account.
    for (let i = 0; i < ADDRESS_LIMIT.attempts; i++) expect((await logIn(s.url, names[i % 2] as string, PASSWORD, from)).status).toBe(401);
    const next = await logIn(s.url, '周三老师', PASSWORD, from);
    expect(next.status).toBe(429);
    expect(next.body['error']).toMatchObject({ code: 'rate-limited', reason: 'address' });
  });
});
