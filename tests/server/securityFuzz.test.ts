// Fuzzing every client event of both namespaces with fast-check: random JSON, wrong types, huge
// strings, deep nesting, prototype-pollution keys, extra arguments, and plausible payloads whose
// fields are now right, now wrong (so some get past validation into the runtime). Every emit must be
// answered with a well-formed ack or end in a clean disconnect; afterwards the server still plays a
// normal session and Object.prototype is untouched.
import fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientEventNames, clientSchemas, drillSchemas, TRANSPORT_MAX_BYTES } from '../../server/protocol/index.ts';
import type { DrillClient, DrillServer } from './drillHelpers.ts';
import { drillClient, loginTrainer, startDrillServer } from './drillHelpers.ts';
import { msgId, trainee } from './helpers.ts';

const RUNS = 250;
const UNKNOWN_NAMES = ['order:refund', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'drill:', ''];
const drillEventNames = Object.keys(drillSchemas);

const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__');
const huge = fc.constantFrom('x'.repeat(20_000), '好'.repeat(6_000), '\u0000'.repeat(5_000), 'x'.repeat(TRANSPORT_MAX_BYTES + 10));
const nested = fc.letrec((tie) => ({ node: fc.oneof({ depthSize: 'small', maxDepth: 30 }, fc.jsonValue(), fc.array(tie('node'), { maxLength: 2 }), fc.dictionary(fc.oneof(hostileKey, fc.string()), tie('node'), { maxKeys: 2 })) })).node;
const wild = fc.oneof(fc.jsonValue(), fc.string({ unit: 'binary', maxLength: 300 }), huge, nested, fc.dictionary(hostileKey, fc.jsonValue()), fc.constant({ constructor: { prototype: { polluted: true } } }));

/** Values that pass the schema for a field name, so a plausible payload can reach the runtime. */
function plausible(key: string, known: Record<string, unknown>): fc.Arbitrary<unknown> {
  const fixed = known[key];
  const samples: Record<string, fc.Arbitrary<unknown>> = {
    clientMsgId: fc.string({ minLength: 1, maxLength: 64 }),
    text: fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom('<script>alert(1)</script>', '在吗', "'); DROP TABLE sessions;--")),
    displayName: fc.string({ minLength: 1, maxLength: 40 }),
    mode: fc.constantFrom('practice', 'exam'),
    lastSeq: fc.nat(50),
    accept: fc.boolean(),
    locked: fc.boolean(),
    version: fc.constantFrom(1, 2),
    messageId: fc.constantFrom('m1', 'm2', 'm3'),
    product: fc.constantFrom('p1', 'shoe'),
    coupon: fc.constantFrom('c1', 'free'),
    scenarioId: fc.constant('mini-haggle'),
    scenarioIds: fc.constant(['mini-haggle']),
    timeLimitSeconds: fc.integer({ min: 1, max: 600 }),
    move: fc.constantFrom('ask', 'm1'),
  };
  const right = fixed !== undefined ? fc.constant(fixed) : (samples[key] ?? fc.jsonValue());
  return fc.oneof({ arbitrary: right, weight: 4 }, { arbitrary: wild, weight: 1 });
}

function payloadFor(shape: Record<string, unknown>, known: Record<string, unknown>): fc.Arbitrary<unknown> {
  const fields = Object.fromEntries(Object.keys(shape).map((key) => [key, plausible(key, known)]));
  return fc.oneof(fc.record(fields, { requiredKeys: [] }), wild);
}

function emitArbitrary(names: string[], shapes: Record<string, { shape: Record<string, unknown> }>, known: () => Record<string, unknown>) {
  return fc.tuple(
    fc.oneof({ arbitrary: fc.constantFrom(...names), weight: 9 }, { arbitrary: fc.constantFrom(...UNKNOWN_NAMES), weight: 1 }),
    fc.nat(2),
  ).chain(([name, extra]) => fc.tuple(fc.constant(name), fc.array(Object.hasOwn(shapes, name) ? payloadFor((shapes[name] as { shape: Record<string, unknown> }).shape, known()) : wild, { minLength: extra === 0 ? 0 : 1, maxLength: extra + 1 })));
}

type Outcome = 'ack' | 'disconnect';

/** Emit with an ack; the answer must be an Ack, or the server may cut the connection. */
async function settle(socket: Socket, name: string, args: unknown[]): Promise<Outcome> {
  if (!socket.connected) return 'disconnect';
  const gone = new Promise<Outcome>((resolve) => socket.once('disconnect', () => resolve('disconnect')));
  const acked = (socket.timeout(10_000).emitWithAck(name, ...args) as Promise<unknown>).then((answer) => {
    const a = answer as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
    const wellFormed = a.ok === true ? 'data' in a : a.ok === false && typeof a.error?.code === 'string' && typeof a.error.message === 'string';
    if (!wellFormed) throw new Error(`${name}: not an ack: ${JSON.stringify(answer).slice(0, 200)}`);
    return 'ack' as const;
  });
  return Promise.race([acked, gone]);
}

let server: DrillServer;
beforeAll(async () => {
  server = await startDrillServer({ rateLimit: { events: 1_000_000, windowMs: 1000 } });
});
afterAll(async () => {
  await server.close();
});

async function stillPlays(): Promise<void> {
  const t = await trainee(server.url);
  const info = await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: '复查', mode: 'practice' });
  await t.waitForEvent('buyer:say');
  expect((await t.ok('reply:send', { sessionId: info.sessionId, clientMsgId: msgId(), text: '亲，不能再便宜了哦' })).messageId).toMatch(/^m\d+$/);
  await t.waitForEvent('buyer:say', 2);
  t.close();
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
}

describe('fuzzing the practice namespace', () => {
  it('answers every event, whatever its payload, and keeps serving', async () => {
    let t = await trainee(server.url);
    const session = await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: '模糊', mode: 'practice' });
    const known = { sessionId: session.sessionId, token: session.token };
    const outcomes: Outcome[] = [];
    await fc.assert(
      fc.asyncProperty(emitArbitrary(clientEventNames, clientSchemas, () => known), async ([name, args]) => {
        const outcome = await settle(t.socket, name, args);
        outcomes.push(outcome);
        if (outcome === 'disconnect') {
          t.close();
          t = await trainee(server.url);
          await t.send('session:resume', { sessionId: known.sessionId, token: known.token, lastSeq: 0 });
        }
      }),
      { numRuns: RUNS },
    );
    t.close();
    expect(outcomes.filter((o) => o === 'ack').length).toBeGreaterThan(RUNS / 2);
    await stillPlays();
  });
});

describe('fuzzing the drill namespace', () => {
  let trainer: DrillClient;
  let seatClient: DrillClient;
  let trainerCookie = '';
  const known: Record<string, unknown> = {};

  beforeAll(async () => {
    trainerCookie = await loginTrainer(server, '模糊老师');
    trainer = await drillClient(server.url, trainerCookie);
    const snap = await trainer.ok('drill:open', { scenarioIds: ['mini-haggle'], mode: 'practice' });
    seatClient = await drillClient(server.url);
    const seat = await seatClient.ok('drill:join', { code: snap.code, displayName: '模糊学员' });
    await trainer.ok('drill:start', { drillId: snap.state.drillId });
    await seatClient.waitForEvent('drill:session');
    Object.assign(known, { drillId: snap.state.drillId, code: snap.code, seatId: seat.seatId, seatToken: seat.seatToken, sessionId: seatClient.of('drill:session')[0]?.session.sessionId });
  });
  afterAll(() => {
    trainer.close();
    seatClient.close();
  });

  const names = [...drillEventNames, ...clientEventNames.filter((n) => n !== 'session:start' && n !== 'session:resume')];
  const shapes = { ...clientSchemas, ...drillSchemas };

  for (const role of ['trainer', 'trainee'] as const) {
    it(`answers every event of a ${role}, whatever its payload, and keeps serving`, async () => {
      const cookie = role === 'trainer' ? trainerCookie : undefined;
      let c = role === 'trainer' ? trainer : seatClient;
      const outcomes: Outcome[] = [];
      await fc.assert(
        fc.asyncProperty(emitArbitrary(names, shapes, () => known), async ([name, args]) => {
          const outcome = await settle(c.socket, name, args);
          outcomes.push(outcome);
          if (outcome === 'disconnect') {
            c = await drillClient(server.url, cookie);
            if (role === 'trainee') await c.send('drill:rejoin', { seatToken: known['seatToken'] as string, lastSeq: 0 });
          }
        }),
        { numRuns: RUNS },
      );
      c.close();
      expect(outcomes.filter((o) => o === 'ack').length).toBeGreaterThan(RUNS / 2);
      await stillPlays();
    });
  }
});
