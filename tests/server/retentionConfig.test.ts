// The settings of retention and PostgreSQL timeouts (defaults as README documents them, nonsense
// refused by name), and the sweeper's schedule: off at 0 days, a pass logged with what it deleted.
import type { Kysely } from 'kysely';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../server/runtime/config.ts';
import { startSessionRetention } from '../../server/runtime/sessionRetention.ts';
import type { Database } from '../../server/store/schema.ts';
import { freshStore, openStore } from './backends.ts';
import { addBundle, addSessions, DAY, NOW, sessionIds } from './retentionFixtures.ts';

let db: Kysely<Database> | undefined;
afterEach(async () => {
  await db?.destroy();
  db = undefined;
});

describe('retention and timeout settings', () => {
  it('keeps ended sessions 90 days, and times PostgreSQL statements out at 10 s, connections at 5 s, by default', () => {
    expect(readConfig({})).toMatchObject({ sessionRetentionDays: 90, dbStatementTimeoutMs: 10_000, dbConnectTimeoutMs: 5000 });
    expect(readConfig({ SESSION_RETENTION_DAYS: '0', DB_STATEMENT_TIMEOUT_MS: '0', DB_CONNECT_TIMEOUT_MS: '2000' })).toMatchObject({ sessionRetentionDays: 0, dbStatementTimeoutMs: 0, dbConnectTimeoutMs: 2000 });
  });

  it('refuses nonsense with the variable’s name', () => {
    expect(() => readConfig({ SESSION_RETENTION_DAYS: '-1' })).toThrow(ConfigError);
    expect(() => readConfig({ SESSION_RETENTION_DAYS: '1.5' })).toThrow(/SESSION_RETENTION_DAYS/);
    expect(() => readConfig({ DB_STATEMENT_TIMEOUT_MS: 'soon' })).toThrow(/DB_STATEMENT_TIMEOUT_MS/);
    expect(() => readConfig({ DB_CONNECT_TIMEOUT_MS: '0' })).toThrow(/DB_CONNECT_TIMEOUT_MS/);
  });
});

describe('the retention sweeper', () => {
  async function seeded() {
    db = await openStore(await freshStore('sqlite'));
    await addBundle(db, 'h');
    await addSessions(db, ['old'], { endedAt: NOW - 100 * DAY });
    await addSessions(db, ['new'], { endedAt: NOW - DAY });
    return db;
  }

  function capture() {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    return { logger, lines };
  }

  it('runs a first pass by itself and logs how many sessions it deleted', async () => {
    const store = await seeded();
    const { logger, lines } = capture();
    const retention = startSessionRetention({ db: store, days: 90, logger, now: () => NOW, firstPassInMs: 0 });
    for (let i = 0; i < 100 && !lines.some((l) => l['sessions'] === 1); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    await retention.stop();
    expect(await sessionIds(store)).toEqual(['new']);
    expect(lines.find((l) => l['sessions'] === 1)).toMatchObject({ level: 30, sessions: 1, events: 4, bundles: 0, days: 90 });
  });

  it('deletes nothing when retention is 0 days (keep forever)', async () => {
    const store = await seeded();
    const { logger, lines } = capture();
    const retention = startSessionRetention({ db: store, days: 0, logger, now: () => NOW, firstPassInMs: 0 });
    expect(await retention.sweep()).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await retention.stop();
    expect(await sessionIds(store)).toEqual(['new', 'old']);
    expect(lines.map((l) => l['msg'])).toEqual([expect.stringContaining('kept forever')]);
  });
});
