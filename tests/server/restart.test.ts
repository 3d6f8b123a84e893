// Stop the server mid-session, start it again on the same database: the trainee resumes with the
// whole transcript, and buyer turns that were still pending arrive when due. On both store backends.
import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../../server/engine/index.ts';
import { ManualScheduler } from './manualScheduler.ts';
import type { ReceivedEvent, TestServer } from './helpers.ts';
import { msgId, seqs, startServer, tempDataDir, trainee } from './helpers.ts';
import { startServerProcess } from './serverProcess.ts';
import type { ServerProcess } from './serverProcess.ts';
import { BACKENDS, freshStore, openStore } from './backends.ts';

let server: TestServer | undefined;
let child: ServerProcess | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  child?.kill();
  child = undefined;
});

function messages(events: readonly ReceivedEvent[]): Message[] {
  return events.flatMap((e) => (e.name === 'buyer:say' || e.name === 'trainee:say' ? [e.payload.message] : []));
}

describe.each(BACKENDS)('restarting in-process on %s', (backend) => {
  it('rebuilds the session from its log and delivers the pending buyer lines', async () => {
    const dataDir = tempDataDir();
    const at = await freshStore(backend, dataDir);
    const store = { open: () => openStore(at) };
    const clock = new ManualScheduler();
    server = await startServer({ dataDir, store, scheduler: clock, buyerSpeed: 1 });
    const before = await trainee(server.url);
    const info = await before.ok('session:start', { scenarioId: 'mini-haggle', displayName: '小周', mode: 'practice' });
    await before.waitForEvent('buyer:say');
    const acked = await before.ok('reply:send', { sessionId: info.sessionId, clientMsgId: msgId(), text: '不能再便宜了哦' });
    await before.waitForEvent('trainee:say');
    before.close();
    await server.close();

    // Same database, a new process state; the buyer's answer was due but never delivered.
    const later = new ManualScheduler(clock.now() + 500);
    server = await startServer({ dataDir, store, scheduler: later, buyerSpeed: 1 });
    const after = await trainee(server.url);
    const resumed = await after.ok('session:resume', { sessionId: info.sessionId, token: info.token, lastSeq: 0 });
    await after.waitFor((events) => events.length >= resumed.lastSeq);
    expect(messages(after.events).map((m) => m.id)).toEqual(['m1', acked.messageId]);

    await later.advance(server.app, 20_000);
    await after.waitForEvent('buyer:say', 3);
    expect(messages(after.events).map((m) => m.from)).toEqual(['buyer', 'trainee', 'buyer', 'buyer']);
    expect(seqs(after.events)).toEqual(after.events.map((_, i) => i + 1));

    // The session goes on as if nothing happened.
    await after.ok('reply:send', { sessionId: info.sessionId, clientMsgId: msgId(), text: '您发截图给我看看' });
    await later.advance(server.app, 20_000);
    await after.waitForEvent('session:outcome');
    after.close();
  });
});

describe.each(BACKENDS)('restarting after SIGKILL on %s', (backend) => {
  it('loses nothing that was acknowledged', async () => {
    const dataDir = tempDataDir();
    const { env } = await freshStore(backend, dataDir);
    child = await startServerProcess(dataDir, env);
    const before = await trainee(child.url);
    const info = await before.ok('session:start', { scenarioId: 'mini-haggle', displayName: '小吴', mode: 'practice' });
    await before.waitForEvent('buyer:say');
    const acked = await before.ok('reply:send', { sessionId: info.sessionId, clientMsgId: msgId(), text: '不能再便宜了哦' });
    // Killed right after the ack: the buyer is still "typing" its answer (human pacing).
    child.kill();
    before.close();

    child = await startServerProcess(dataDir, env);
    const after = await trainee(child.url);
    await after.ok('session:resume', { sessionId: info.sessionId, token: info.token, lastSeq: 0 });
    await after.waitForEvent('buyer:say', 3);
    const transcript = messages(after.events);
    expect(transcript.map((m) => m.id)).toEqual(['m1', acked.messageId, 'm3', 'm4']);
    expect(transcript[1]?.text).toBe('不能再便宜了哦');
    expect(seqs(after.events)).toEqual(after.events.map((_, i) => i + 1));
    after.close();
  });
});
