// Every kind of bad input gets an error ack with its code; the server stays up and the session is
// untouched (nothing logged, the next good event works).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REPLY_CHARS, TRANSPORT_MAX_BYTES } from '../../server/protocol/index.ts';
import { SessionTokens } from '../../server/runtime/tokens.ts';
import type { TestServer } from './helpers.ts';
import { msgId, startServer, TEST_SECRET, Trainee, trainee } from './helpers.ts';

let server: TestServer;
let t: Trainee;
let sessionId: string;
let token: string;

beforeAll(async () => {
  server = await startServer();
  t = await trainee(server.url);
  ({ sessionId, token } = await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: '测试员', mode: 'practice' }));
  await t.waitForEvent('buyer:say');
});
afterAll(async () => {
  t.close();
  await server.close();
});

async function loggedEvents(): Promise<number> {
  const rows = await server.db.selectFrom('session_events').select('n').where('session_id', '=', sessionId).execute();
  return rows.length;
}

function errorCode(answer: unknown): string | undefined {
  return (answer as { ok: boolean; error?: { code: string } }).error?.code;
}

describe('bad payloads', () => {
  it.each([
    ['an unknown event', () => t.sendRaw('order:refund', { sessionId }), 'unknown-event'],
    ['no payload', () => t.sendRaw('reply:send'), 'bad-request'],
    ['a string payload', () => t.sendRaw('reply:send', 'hello'), 'bad-request'],
    ['a missing field', () => t.sendRaw('reply:send', { sessionId, text: 'hi' }), 'bad-request'],
    ['a wrong type', () => t.sendRaw('reply:send', { sessionId, clientMsgId: 7, text: 'hi' }), 'bad-request'],
    ['an extra field', () => t.sendRaw('reply:send', { sessionId, clientMsgId: msgId(), text: 'hi', admin: true }), 'bad-request'],
    ['a reply over the limit', () => t.send('reply:send', { sessionId, clientMsgId: msgId(), text: '好'.repeat(MAX_REPLY_CHARS + 1) }), 'too-long'],
    ['a payload over 16 KB', () => t.send('reply:send', { sessionId, clientMsgId: msgId(), text: '好'.repeat(6000) }), 'too-large'],
    ['a path for a scenario id', () => t.sendRaw('session:start', { scenarioId: '../../etc/passwd', displayName: 'x', mode: 'practice' }), 'bad-request'],
    ['an unknown mode', () => t.sendRaw('session:start', { scenarioId: 'mini-haggle', displayName: 'x', mode: 'god' }), 'bad-request'],
    ['an empty display name', () => t.send('session:start', { scenarioId: 'mini-haggle', displayName: '   ', mode: 'practice' }), 'bad-request'],
    // U+0000 would be refused by PostgreSQL's text type; other control characters render as a blank name.
    ['a display name with a NUL', () => t.send('session:start', { scenarioId: 'mini-haggle', displayName: '小\u0000王', mode: 'practice' }), 'bad-request'],
    ['a display name with a line break', () => t.send('session:start', { scenarioId: 'mini-haggle', displayName: '小\n王', mode: 'practice' }), 'bad-request'],
  ])('answers %s with an error', async (_what, send, code) => {
    const before = await loggedEvents();
    expect(errorCode(await send())).toBe(code);
    expect(await loggedEvents()).toBe(before);
  });
});

describe('sessions that are not yours', () => {
  it('refuses events for a session this socket has not joined', async () => {
    const stranger = await trainee(server.url);
    const before = await loggedEvents();
    expect(errorCode(await stranger.send('reply:send', { sessionId, clientMsgId: msgId(), text: '我来捣乱' }))).toBe('forbidden');
    expect(errorCode(await stranger.send('session:end', { sessionId, clientMsgId: msgId() }))).toBe('forbidden');
    expect(await loggedEvents()).toBe(before);
    expect(stranger.events).toEqual([]);
    stranger.close();
  });

  it('refuses a resume with a forged token or one for another session', async () => {
    const stranger = await trainee(server.url);
    expect(errorCode(await stranger.send('session:resume', { sessionId, token: `${sessionId}.forged`, lastSeq: 0 }))).toBe('unauthorized');
    const other = await stranger.ok('session:start', { scenarioId: 'mini-haggle', displayName: '别人', mode: 'practice' });
    expect(errorCode(await stranger.send('session:resume', { sessionId, token: other.token, lastSeq: 0 }))).toBe('unauthorized');
    expect(stranger.events.every((e) => e.payload.sessionId === other.sessionId)).toBe(true);
    stranger.close();
  });

  it('lets go of the longest-held session past 16 on one connection; its token brings it back', async () => {
    const busy = await trainee(server.url);
    const held = [];
    for (let i = 0; i < 17; i++) held.push(await busy.ok('session:start', { scenarioId: 'mini-haggle', displayName: `tab ${i}`, mode: 'practice' }));
    const [first, second] = held;
    if (!first || !second) throw new Error('started above');
    expect(errorCode(await busy.send('reply:send', { sessionId: first.sessionId, clientMsgId: msgId(), text: '在的' }))).toBe('forbidden');
    expect((await busy.send('reply:send', { sessionId: second.sessionId, clientMsgId: msgId(), text: '在的' })).ok).toBe(true);
    await busy.ok('session:resume', { sessionId: first.sessionId, token: first.token, lastSeq: 0 });
    expect((await busy.send('reply:send', { sessionId: first.sessionId, clientMsgId: msgId(), text: '在的' })).ok).toBe(true);
    busy.close();
  });

  it('says not-found for a well-signed token of a session that does not exist', async () => {
    const ghost = '00000000-0000-4000-8000-000000000000';
    const forged = new SessionTokens(TEST_SECRET).sign(ghost);
    expect(errorCode(await t.send('session:resume', { sessionId: ghost, token: forged, lastSeq: 0 }))).toBe('not-found');
  });

  it('says not-found for a scenario that does not exist', async () => {
    expect(errorCode(await t.send('session:start', { scenarioId: 'no-such-buyer', displayName: 'x', mode: 'practice' }))).toBe('not-found');
    expect(errorCode(await t.send('session:start', { scenarioId: 'mini-haggle', version: 99, displayName: 'x', mode: 'practice' }))).toBe('scenario-unavailable');
  });
});

describe('events impossible at this point of the chat', () => {
  it.each([
    ['an empty reply', () => t.send('reply:send', { sessionId, clientMsgId: msgId(), text: '   ' }), 'empty-reply'],
    ['opening a link nobody sent', () => t.send('link:open', { sessionId, clientMsgId: msgId(), messageId: 'm1' }), 'no-such-link'],
    ['answering a file nobody offered', () => t.send('file:answer', { sessionId, clientMsgId: msgId(), accept: true }), 'no-file-offer'],
    ['a card for a product the shop lacks', () => t.send('card:send', { sessionId, clientMsgId: msgId(), product: 'moon-boots' }), 'no-such-product'],
    ['a coupon the shop lacks', () => t.send('coupon:send', { sessionId, clientMsgId: msgId(), coupon: 'free-lunch' }), 'no-such-coupon'],
  ])('answers %s with the engine code', async (_what, send, code) => {
    const before = await loggedEvents();
    expect(errorCode(await send())).toBe(code);
    expect(await loggedEvents()).toBe(before);
  });

  it('answers anything after the end with "ended"', async () => {
    const other = await trainee(server.url);
    const s = await other.ok('session:start', { scenarioId: 'mini-haggle', displayName: '结束', mode: 'practice' });
    await other.ok('session:end', { sessionId: s.sessionId, clientMsgId: msgId() });
    expect(errorCode(await other.send('reply:send', { sessionId: s.sessionId, clientMsgId: msgId(), text: '还在吗' }))).toBe('ended');
    other.close();
  });
});

describe('abuse', () => {
  it('rate-limits a socket that sends too fast, answering with an error ack', async () => {
    const limited = await startServer({ rateLimit: { events: 5, windowMs: 60_000 } });
    const spammer = await trainee(limited.url);
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(errorCode(await spammer.sendRaw('reply:send', {})));
    expect(answers).toEqual(['bad-request', 'bad-request', 'bad-request', 'bad-request', 'bad-request', 'rate-limited', 'rate-limited']);
    spammer.close();
    await limited.close();
  });

  it('cuts a connection that sends a frame over the transport limit, and stays up', async () => {
    const flooder = await trainee(server.url);
    const closed = new Promise<string>((resolve) => flooder.socket.once('disconnect', resolve));
    const untyped = flooder.socket as unknown as { emit(name: string, payload: unknown, ack: () => void): void };
    untyped.emit('reply:send', { sessionId, clientMsgId: msgId(), text: 'x'.repeat(TRANSPORT_MAX_BYTES + 1) }, () => undefined);
    expect(await closed).toBe('transport close');
    flooder.close();
  });

  it('ignores an event sent without an ack function, and stays up', async () => {
    const before = await loggedEvents();
    const untyped = t.socket as unknown as { emit(name: string, payload: unknown): void };
    untyped.emit('reply:send', { sessionId, clientMsgId: msgId(), text: '不要回执' });
    expect((await t.send('session:resume', { sessionId, token, lastSeq: t.lastSeq() })).ok).toBe(true);
    expect(await loggedEvents()).toBe(before);
  });

  it('still plays the session normally after all of that', async () => {
    const answer = await t.ok('reply:send', { sessionId, clientMsgId: msgId(), text: '亲，不能再便宜了哦' });
    expect(answer.messageId).toMatch(/^m\d+$/);
    await t.waitForEvent('buyer:say', 3);
  });
});

describe('origins', () => {
  it('refuses a browser handshake from another origin unless it is allowed', async () => {
    const evil = new Trainee(server.url, { origin: 'http://evil.example' });
    await expect(evil.connected()).rejects.toThrow();
    evil.close();
    const allowedServer = await startServer({ allowedOrigins: ['http://school.example'] });
    const friend = new Trainee(allowedServer.url, { origin: 'http://school.example' });
    await friend.connected();
    friend.close();
    await allowedServer.close();
  });
});
