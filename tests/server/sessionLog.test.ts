// The log on its own: migrations on a fresh file, group commit, and one bad write not sinking a batch.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { openSqlite } from '../../server/store/database.ts';
import type { Database } from '../../server/store/schema.ts';
import type { SessionRow } from '../../server/store/sessionLog.ts';
import { SessionLog } from '../../server/store/sessionLog.ts';
import { tempDataDir } from './helpers.ts';

let db: Kysely<Database> | undefined;
afterEach(async () => {
  await db?.destroy();
  db = undefined;
});

function row(id: string): SessionRow {
  return { id, scenario_id: 'x', scenario_version: 1, bundle_hash: 'h', seed: 1, speed: 0, mode: 'practice', display_name: 'n', started_at: 1, ended_at: null, outcome: null, score: null };
}

const effect = { k: 1, dueAt: 1, kind: 'trainee:say', payload: { x: 1 } };
const event = (n: number, clientMsgId: string, effects = [effect]) => ({ n, at: n, type: 'reply', payload: { type: 'reply', text: 'hi' }, clientMsgId, result: { messageId: `m${n}`, at: n }, effects });

describe('SessionLog', () => {
  it('creates and migrates the database on first open, and again is a no-op', async () => {
    const dir = tempDataDir();
    db = await openSqlite({ file: join(dir, 'nested', 'db.sqlite') });
    await db.destroy();
    db = await openSqlite({ file: join(dir, 'nested', 'db.sqlite') });
    const log = new SessionLog(db);
    expect(await log.load('missing')).toBeUndefined();
  });

  it('commits the writes of one turn together, and isolates a bad one', async () => {
    db = await openSqlite({ file: ':memory:' });
    const log = new SessionLog(db);
    await log.saveBundle('h', 'x', 1, '{}', 0);
    await Promise.all([log.create(row('a'), []), log.create(row('b'), [])]);
    const writes = [
      log.append('a', event(1, 'c1')),
      log.append('a', event(2, 'c1')), // the same clientMsgId twice: refused by the unique index
      log.append('b', event(1, 'c9', []), { endedAt: 5, outcome: 'left', score: 42 }),
    ];
    const results = await Promise.allSettled(writes);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const a = await log.load('a');
    expect(a?.events.map((e) => e.n)).toEqual([1]);
    expect(a?.events[0]?.effects).toEqual([effect]);
    expect(a?.startEffects).toEqual([]);
    const b = await log.load('b');
    expect(b?.session).toMatchObject({ ended_at: 5, outcome: 'left', score: 42 });
    expect(b?.events[0]?.result).toEqual({ messageId: 'm1', at: 1 });
  });
});
