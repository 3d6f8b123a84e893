// The edge of the server as an attacker meets it: pages from other origins on every transport and
// on the API, the security headers of every answer, session tokens that are missing, forged or for
// another session, and payloads and floods over the limits on both namespaces.
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PAYLOAD_BYTES, TRANSPORT_MAX_BYTES } from '../../server/protocol/index.ts';
import { SessionTokens } from '../../server/runtime/tokens.ts';
import { drillClient, loginTrainer, startDrillServer } from './drillHelpers.ts';
import type { TestServer } from './helpers.ts';
import { msgId, startServer, tempDataDir, Trainee, trainee } from './helpers.ts';

const EVIL = 'http://evil.example';
let server: TestServer;
let t: Trainee;
let sessionId: string;
let token: string;

beforeAll(async () => {
  const staticDir = tempDataDir();
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><div id="root"></div>');
  server = await startServer({ staticDir });
  t = await trainee(server.url);
  ({ sessionId, token } = await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: '安全员', mode: 'practice' }));
});
afterAll(async () => {
  t.close();
  await server.close();
});

const polling = (query = '') => `${server.url}/socket.io/?EIO=4&transport=polling${query}`;

/** A raw WebSocket upgrade; true when the server switched protocols. */
function upgrade(path: string, origin?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(`${server.url}${path}`, {
      headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==', ...(origin ? { origin } : {}) },
    });
    req.on('upgrade', (_res, socket) => {
      socket.destroy();
      resolve(true);
    });
    req.on('response', () => resolve(false));
    req.on('error', () => resolve(false));
    req.on('close', () => resolve(false));
    req.end();
  });
}

async function handshakeSid(): Promise<string> {
  const body = await (await fetch(polling())).text();
  return (JSON.parse(body.slice(1)) as { sid: string }).sid;
}

describe('a page from another origin', () => {
  it('is refused at the polling handshake and on polling requests of an existing session id', async () => {
    expect((await fetch(polling(), { headers: { origin: EVIL } })).status).toBe(403);
    expect((await fetch(polling(), { headers: { origin: server.url } })).status).toBe(200);
    const sid = await handshakeSid();
    expect((await fetch(polling(`&sid=${sid}`), { headers: { origin: EVIL } })).status).toBe(403);
    const post = await fetch(polling(`&sid=${sid}`), { method: 'POST', headers: { origin: EVIL, 'content-type': 'text/plain' }, body: '40' });
    expect(post.status).toBe(403);
  });

  it('is refused at the WebSocket handshake and at an upgrade of an existing session id', async () => {
    expect(await upgrade('/socket.io/?EIO=4&transport=websocket', EVIL)).toBe(false);
    expect(await upgrade('/socket.io/?EIO=4&transport=websocket', server.url)).toBe(true);
    const sid = await handshakeSid();
    expect(await upgrade(`/socket.io/?EIO=4&transport=websocket&sid=${sid}`, EVIL)).toBe(false);
    for (const transports of [['websocket'], ['polling']]) {
      const evil = new Trainee(server.url, { origin: EVIL });
      evil.socket.io.opts.transports = transports;
      await expect(evil.connected(), transports.join()).rejects.toThrow();
      evil.close();
    }
  });

  it('is refused on the API, session views included, and gets no CORS grant', async () => {
    for (const path of ['/api/scenarios', '/api/scenarios/mini-haggle/context', `/api/sessions/${sessionId}`]) {
      const res = await fetch(`${server.url}${path}`, { headers: { origin: EVIL, authorization: `Bearer ${token}` } });
      expect(res.status, path).toBe(403);
      expect(res.headers.get('access-control-allow-origin'), path).toBeNull();
    }
  });

  it('is refused on the drill namespace and the trainer API', async () => {
    const drills = await startDrillServer();
    const cookie = await loginTrainer(drills, '安老师');
    expect((await fetch(`${drills.url}/api/trainer/me`, { headers: { cookie, origin: EVIL } })).status).toBe(403);
    const login = await fetch(`${drills.url}/api/trainer/login`, { method: 'POST', headers: { origin: EVIL, 'content-type': 'application/json' }, body: '{}' });
    expect(login.status).toBe(403);
    const evil = new Trainee(`${drills.url}/drill`, { origin: EVIL, cookie });
    await expect(evil.connected()).rejects.toThrow();
    evil.close();
    await drills.close();
  });
});

describe('security headers', () => {
  it('come with the app, its 404s and every API answer', async () => {
    for (const path of ['/', '/chat/abc', '/api/scenarios', '/api/nothing', '/healthz', `/api/sessions/${sessionId}`, '/assets/missing.js']) {
      const res = await fetch(`${server.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(csp, path).not.toContain('unsafe-eval');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
    expect((await fetch(`${server.url}/`)).headers.get('content-type')).toMatch(/^text\/html/);
  });
});

describe('session tokens', () => {
  const code = (answer: unknown) => (answer as { error?: { code: string } }).error?.code;

  it('are refused when missing, empty, forged, signed with another key or for another session', async () => {
    const stranger = await trainee(server.url);
    const other = await stranger.ok('session:start', { scenarioId: 'mini-haggle', displayName: '别人', mode: 'practice' });
    const cases: [unknown, string][] = [
      [{ sessionId, lastSeq: 0 }, 'bad-request'],
      [{ sessionId, token: '', lastSeq: 0 }, 'bad-request'],
      [{ sessionId, token: sessionId, lastSeq: 0 }, 'unauthorized'],
      [{ sessionId, token: `${sessionId}.${'A'.repeat(43)}`, lastSeq: 0 }, 'unauthorized'],
      [{ sessionId, token: new SessionTokens('another-secret-of-16+chars').sign(sessionId), lastSeq: 0 }, 'unauthorized'],
      [{ sessionId, token: other.token, lastSeq: 0 }, 'unauthorized'],
      [{ sessionId, token: `${token}x`, lastSeq: 0 }, 'unauthorized'],
    ];
    for (const [payload, expected] of cases) expect(code(await stranger.sendRaw('session:resume', payload)), JSON.stringify(payload)).toBe(expected);
    // Refused resumes grant nothing: this socket still may not act in the session.
    expect(code(await stranger.send('reply:send', { sessionId, clientMsgId: msgId(), text: '我来了' }))).toBe('forbidden');
    expect(stranger.events.every((e) => e.payload.sessionId === other.sessionId)).toBe(true);
    stranger.close();
  });

  it('guard the session view over HTTP the same way', async () => {
    const other = await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: '别人', mode: 'practice' });
    const view = (auth?: string) => fetch(`${server.url}/api/sessions/${sessionId}`, auth === undefined ? {} : { headers: { authorization: auth } });
    for (const auth of [undefined, '', 'Bearer ', `Bearer ${sessionId}.forged`, `Bearer ${other.token}`, token, `Basic ${token}`]) {
      expect((await view(auth)).status, String(auth)).toBe(401);
    }
    expect((await view(`Bearer ${token}`)).status).toBe(200);
  });
});

describe('oversized payloads and floods', () => {
  it('are refused on the drill namespace too, and the connection stays usable', async () => {
    const drills = await startDrillServer({ rateLimit: { events: 5, windowMs: 60_000 } });
    const c = await drillClient(drills.url);
    const codeOf = async (...args: unknown[]) => ((await c.raw('drill:join', ...args)) as { error?: { code: string } }).error?.code;
    expect(await codeOf({ code: '123456', displayName: '大'.repeat(MAX_PAYLOAD_BYTES) })).toBe('too-large');
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await codeOf({ code: '000000', displayName: '洪水' }));
    expect(answers).toEqual(['not-found', 'not-found', 'not-found', 'not-found', 'rate-limited', 'rate-limited']);
    const closed = new Promise<string>((resolve) => c.socket.once('disconnect', resolve));
    c.socket.emit('drill:join', { code: '123456', displayName: 'x'.repeat(TRANSPORT_MAX_BYTES) }, () => undefined);
    expect(await closed).toBe('transport close');
    c.close();
    await drills.close();
  });

  it('cut a polling request body over the transport limit', async () => {
    const sid = await handshakeSid();
    const res = await fetch(polling(`&sid=${sid}`), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: `42["reply:send","${'x'.repeat(TRANSPORT_MAX_BYTES)}"]` });
    expect(res.status).toBe(413);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
