// The two store backends the store-level tests run against: SQLite files, and databases on the
// PostgreSQL server tests/server/pgServer.ts starts for the run. Each test gets a fresh, empty store.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { inject } from 'vitest';
import { openDatabase } from '../../server/store/database.ts';
import type { Database } from '../../server/store/schema.ts';
import { tempDataDir } from './helpers.ts';
import { createDatabase } from './localServers.ts';

export type Backend = 'sqlite' | 'postgres';
export const BACKENDS: readonly Backend[] = ['sqlite', 'postgres'];

/** Where a store lives: reopen it with openStore, or hand `env` to a server process. */
export interface StoreAt {
  backend: Backend;
  dataDir: string;
  file: string;
  url: string | undefined;
  env: Record<string, string>;
}

export async function freshStore(backend: Backend, dataDir = tempDataDir()): Promise<StoreAt> {
  const file = join(dataDir, 'kefu-dojo.sqlite');
  if (backend === 'sqlite') return { backend, dataDir, file, url: undefined, env: {} };
  const server = inject('pgUrl');
  const url = await createDatabase(server, `kefu_${randomBytes(6).toString('hex')}`);
  return { backend, dataDir, file, url, env: { DATABASE_URL: url } };
}

export function openStore(at: StoreAt): Promise<Kysely<Database>> {
  return openDatabase({ databaseUrl: at.url, file: at.file, synchronous: 'normal' });
}
