// A real server behind a (pretend) proxy on 127.0.0.1: with TRUST_PROXY=1 the clients the proxy names
// in X-Forwarded-For get a budget each (wrong join codes, trainer logins, session starts), so one
// client's mistakes lock only that client out; without it the header is ignored and every client
// through the proxy is the proxy's one address, as before.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Socket } from 'socket.io-client';
import { io as connectClient } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Application } from '../../server/app.ts';
import { createApplication } from '../../server/app.ts';
import { DRILL_NAMESPACE } from '../../server/protocol/index.ts';
import { readConfig } from '../../server/runtime/config.ts';
import { memoryGuessLimits } from '../../server/runtime/guessLimits.ts';
import { openSqlite } from '../../server/store/database.ts';
import { SessionLog } from '../../server/store/sessionLog.ts';
import { FIXTURE_SCENARIOS, TEST_SECRET, tempDataDir } from './helpers.ts';

const WRONG_CODES = 3;
const PASSWORD = 'correct-horse-battery';
const closing: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
});

async function serverWith(env: NodeJS.ProcessEnv): Promise<{ url: string; app: Application }> {
  const config = readConfig(env);
  const db = await openSqlite({ file: join(tempDataDir(), 'kefu-dojo.sqlite'), synchronous: 'normal' });
  const httpServer = createServer();
  const app = createApplication(httpServer, {
    log: new SessionLog(db),
    db,
    scenariosDir: FIXTURE_SCENARIOS,
    sessionSecret: TEST_SECRET,
    logger: pino({ level: 'silent' }),
    buyerSpeed: 0,
    allowedOrigins: [],
    rateLimit: { events: 1000, windowMs: 10_000 },
    sessionStartLimit: { events: 1, windowMs: 60_000 },
    guessLimits: memoryGuessLimits({ events: WRONG_CODES, windowMs: 60_000 }),
    trustProxy: config.trustProxy,
  });
  closing.push(async () => {
    await app.close();
    await db.destroy();
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`, app };
}

/** A socket from 127.0.0.1 whose (pretend) proxy says it came from `forwardedFor`. */
async function socketFrom(url: string, forwardedFor: string): Promise<Socket> {
  const socket = connectClient(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { 'x-forwarded-for': forwardedFor } });
  closing.push(() => void socket.disconnect());
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

const ask = (socket: Socket, name: string, payload: unknown) => socket.timeout(10_000).emitWithAck(name, payload) as Promise<{ ok: boolean; error?: { code: string } }>;

/** Spends `from`'s whole budget of wrong codes; the next check is refused. */
async function spendWrongCodes(url: string, from: string): Promise<void> {
  const guesser = await socketFrom(`${url}${DRILL_NAMESPACE}`, from);
  for (let i = 0; i < WRONG_CODES; i++) expect(await ask(guesser, 'drill:check', { code: String(900_000 + i) })).toMatchObject({ ok: true });
  expect(await ask(guesser, 'drill:check', { code: '900100' })).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
}

function logIn(url: string, name: string, password: string, from: string): Promise<Response> {
  return fetch(`${url}/api/trainer/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, body: JSON.stringify({ name, password }) });
}

/** Ten wrong logins under ten names (so no one account's back-off is what stops them): the address budget. */
async function spendLogins(url: string, from: string): Promise<void> {
  for (let i = 0; i < 10; i++) expect((await logIn(url, `nobody-${i}`, 'wrong-password-here', from)).status).toBe(401);
  expect((await logIn(url, 'nobody-10', 'wrong-password-here', from)).status).toBe(429);
}

const startPractice = (socket: Socket) => ask(socket, 'session:start', { scenarioId: 'mini-haggle', displayName: '小王', mode: 'practice' });

describe('TRUST_PROXY=1, connections from 127.0.0.1', () => {
  it('gives each forwarded client its own budget of wrong join codes, whatever it put in the header itself', async () => {
    const { url } = await serverWith({ TRUST_PROXY: '1' });
    await spendWrongCodes(url, '6.6.6.6, 203.0.113.1');
    // The same client claiming another address to the left of what the proxy wrote gains nothing.
    const again = await socketFrom(`${url}${DRILL_NAMESPACE}`, '198.51.100.99, 203.0.113.1');
    expect(await ask(again, 'drill:check', { code: '900200' })).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
    const classmate = await socketFrom(`${url}${DRILL_NAMESPACE}`, '203.0.113.2');
    expect(await ask(classmate, 'drill:check', { code: '900300' })).toMatchObject({ ok: true });
  });

  it('gives each forwarded client its own login budget, so a guesser does not lock out other trainers', async () => {
    const { url, app } = await serverWith({ TRUST_PROXY: '1' });
    expect((await app.drills?.auth.add('钱老师', PASSWORD, false))?.ok).toBe(true);
    await spendLogins(url, '203.0.113.1');
    const login = await logIn(url, '钱老师', PASSWORD, '203.0.113.2');
    expect(login.status).toBe(200);
    expect((await logIn(url, '钱老师', PASSWORD, '203.0.113.1')).status).toBe(429);
    // A password change checks the current password under the same per-address budget.
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const change = (from: string) =>
      fetch(`${url}/api/trainer/password`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from, cookie }, body: JSON.stringify({ currentPassword: 'not-the-password', newPassword: 'another-long-password' }) });
    expect((await change('203.0.113.1')).status).toBe(429);
    expect((await change('203.0.113.2')).status).toBe(403);
  });

  it('counts practice session starts per forwarded client', async () => {
    const { url } = await serverWith({ TRUST_PROXY: '1' });
    expect(await startPractice(await socketFrom(url, '203.0.113.1'))).toMatchObject({ ok: true });
    expect(await startPractice(await socketFrom(url, '203.0.113.1'))).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
    expect(await startPractice(await socketFrom(url, '203.0.113.2'))).toMatchObject({ ok: true });
  });
});

describe('without TRUST_PROXY the header is ignored', () => {
  it('keeps one budget for the peer address, whatever X-Forwarded-For says', async () => {
    const { url, app } = await serverWith({});
    await spendWrongCodes(url, '203.0.113.1');
    const other = await socketFrom(`${url}${DRILL_NAMESPACE}`, '203.0.113.2');
    expect(await ask(other, 'drill:check', { code: '900300' })).toMatchObject({ ok: false, error: { code: 'rate-limited' } });

    expect((await app.drills?.auth.add('钱老师', PASSWORD, false))?.ok).toBe(true);
    await spendLogins(url, '203.0.113.1');
    expect((await logIn(url, '钱老师', PASSWORD, '203.0.113.2')).status).toBe(429);

    expect(await startPractice(await socketFrom(url, '203.0.113.1'))).toMatchObject({ ok: true });
    expect(await startPractice(await socketFrom(url, '203.0.113.2'))).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
  });
});
