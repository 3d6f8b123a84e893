// The log writer encodes the JSON columns where it writes them (on SQLite files, in the worker
// thread, after a structured clone). Whatever the path, the stored text must be exactly what
// JSON.stringify makes of the values on this thread: replay and the determinism check read it back.
import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { openSqlite } from '../../server/store/database.ts';
import type { Database } from '../../server/store/schema.ts';
import type { LoggedEffect, SessionRow } from '../../server/store/sessionLog.ts';
import { SessionLog } from '../../server/store/sessionLog.ts';
import { BACKENDS, freshStore, openStore } from './backends.ts';

let db: Kysely<Database> | undefined;
afterEach(async () => {
  await db?.destroy();
  db = undefined;
});

function row(id: string): SessionRow {
  return { id, scenario_id: 'x', scenario_version: 1, bundle_hash: 'h', seed: 7, speed: 0, mode: 'practice', display_name: '小王', started_at: 1, ended_at: null, outcome: null, score: null, rules_revision: 2 };
}

/** Values whose JSON is not what a naive copy would give: every one must be stored as JSON.stringify has it. */
const awkward = {
  text: '亲，您好～平台规定不能加QQ哦 "引号" \\ 反斜杠 \n 换行 \u2028 emoji 😀 lone \ud800 surrogate',
  missing: undefined,
  nested: [{ a: 1, b: [null, true, -0, 1e21, 0.1] }],
  when: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
};
const effects: LoggedEffect[] = [
  { k: 1, dueAt: 2, kind: 'trainee:say', payload: awkward },
  { k: 2, dueAt: 3, kind: 'buyer:say', payload: { message: { id: 'b1', text: '好的', attachments: [] } } },
];
/** Structured clone refuses a function (JSON drops it): the writer has to fall back without changing the text. */
const withFunction = { ...awkward, onClick: () => 'never stored' };

describe.each([...BACKENDS, 'sqlite in memory'] as const)('log columns on %s', (backend) => {
  it('stores every JSON column exactly as JSON.stringify encodes it, results absent as NULL', async () => {
    if (backend === 'sqlite in memory') db = await openSqlite({ file: ':memory:', synchronous: 'normal' });
    else db = await openStore(await freshStore(backend));
    const log = new SessionLog(db);
    await log.saveBundle('h', 'x', 1, '{}', 0);
    await log.create(row('s'), effects);
    await Promise.all([
      log.append('s', { n: 1, at: 2, type: 'reply', payload: awkward, clientMsgId: 'c1', result: { messageId: 'm1', at: 2 }, effects }),
      log.append('s', { n: 2, at: 3, type: 'tick', payload: withFunction, clientMsgId: null, result: null, effects: [] }),
      log.append('s', { n: 3, at: 4, type: 'tick', payload: { type: 'tick' }, clientMsgId: null, result: undefined, effects: [] }, { endedAt: 4, outcome: 'left', score: 3 }),
    ]);
    const stored = await db.selectFrom('session_events').select(['n', 'payload', 'result', 'effects']).where('session_id', '=', 's').orderBy('n').execute();
    expect(stored).toEqual([
      { n: 0, payload: '{}', result: null, effects: JSON.stringify(effects) },
      { n: 1, payload: JSON.stringify(awkward), result: JSON.stringify({ messageId: 'm1', at: 2 }), effects: JSON.stringify(effects) },
      { n: 2, payload: JSON.stringify(withFunction), result: null, effects: '[]' },
      { n: 3, payload: '{"type":"tick"}', result: null, effects: '[]' },
    ]);
    expect(JSON.stringify(withFunction)).not.toContain('never stored');
    const session = await db.selectFrom('sessions').selectAll().where('id', '=', 's').executeTakeFirstOrThrow();
    expect(session).toMatchObject({ display_name: '小王', ended_at: 4, outcome: 'left', score: 3 });
  });

  it('fails only the write whose value JSON cannot encode', async () => {
    if (backend === 'sqlite in memory') db = await openSqlite({ file: ':memory:', synchronous: 'normal' });
    else db = await openStore(await freshStore(backend));
    const log = new SessionLog(db);
    await log.saveBundle('h', 'x', 1, '{}', 0);
    await log.create(row('s'), []);
    const results = await Promise.allSettled([
      log.append('s', { n: 1, at: 2, type: 'reply', payload: { big: 1n }, clientMsgId: 'c1', result: null, effects: [] }),
      log.append('s', { n: 2, at: 3, type: 'reply', payload: { text: 'ok' }, clientMsgId: 'c2', result: null, effects: [] }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect((await log.load('s'))?.events.map((e) => e.n)).toEqual([2]);
  });
});
