// Exporting a published studio version into the persona library (scenarios/<id>.yaml): only
// published versions that pass today's checks, an earlier export of the same scenario replaced
// freely, anyone else's file only when confirmed; the written file passes `check:scenarios` as run by
// a user. The server works on a copy of the fixture library in a temp dir.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Application } from '../../server/app.ts';
import { createApplication } from '../../server/app.ts';
import { openSqlite } from '../../server/store/database.ts';
import { SessionLog } from '../../server/store/sessionLog.ts';
import { login, PASSWORD } from './drillHelpers.ts';
import { FIXTURE_SCENARIOS, TEST_SECRET, tempDataDir } from './helpers.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const template = readFileSync(join(FIXTURE_SCENARIOS, 'mini-haggle.yaml'), 'utf8');
const as = (id: string) => template.replace('id: mini-haggle', `id: ${id}`);

let library: string;
let url: string;
let app: Application;
let close: () => Promise<void>;
let cookie: string;

beforeAll(async () => {
  library = mkdtempSync(join(tmpdir(), 'kefu-studio-lib-'));
  cpSync(FIXTURE_SCENARIOS, library, { recursive: true });
  const db = await openSqlite({ file: join(tempDataDir(), 'kefu-dojo.sqlite'), synchronous: 'normal' });
  const httpServer = createServer();
  app = createApplication(httpServer, {
    log: new SessionLog(db),
    db,
    scenariosDir: library,
    sessionSecret: TEST_SECRET,
    logger: pino({ level: 'silent' }),
    buyerSpeed: 0,
    allowedOrigins: [],
    rateLimit: { events: 1000, windowMs: 10_000 },
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  close = async () => {
    await app.close();
    await db.destroy();
  };
  const added = await app.drills?.auth.add('export-trainer', PASSWORD, true);
  if (!added?.ok) throw new Error('no trainer');
  cookie = await login(url, 'export-trainer', PASSWORD);
});
afterAll(async () => {
  await close();
  rmSync(library, { recursive: true, force: true });
});

function call(path: string, body?: unknown, method = 'POST'): Promise<Response> {
  return fetch(`${url}/api/studio/scenarios/${path}`, { method: body === undefined ? 'GET' : method, headers: { 'content-type': 'application/json', cookie }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

const revisions = new Map<string, string | null>();
async function saveAndPublish(id: string, source: string): Promise<number> {
  const saved = await call(`${id}/draft`, { source, base: revisions.get(id) ?? null }, 'PUT');
  expect(saved.status).toBe(200);
  revisions.set(id, ((await saved.json()) as { revision: string }).revision);
  const published = await call(`${id}/publish`, { base: revisions.get(id) });
  expect(published.status).toBe(201);
  const body = (await published.json()) as { version: number; revision: string };
  revisions.set(id, body.revision);
  return body.version;
}

const exportFile = (id: string, body: Record<string, unknown> = {}) => call(`${id}/export-to-library`, body);

/** `npm run -s check:scenarios -- <file>` as a user runs it: exit code and the diagnostics on stdout. */
function checkCli(file: string): Promise<{ code: number; stdout: string }> {
  const { SCENARIOS_DIR: _unset, ...env } = process.env;
  return new Promise((resolve) => {
    execFile(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'server/cli/check.ts'), file], { cwd: ROOT, env }, (err, stdout) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout });
    });
  });
}

describe('export to scenarios/', () => {
  it('refuses a scenario that has only a draft', async () => {
    const saved = await call('lib-haggle/draft', { source: as('lib-haggle'), base: null }, 'PUT');
    revisions.set('lib-haggle', ((await saved.json()) as { revision: string }).revision);
    const res = await exportFile('lib-haggle');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('publish it first');
    expect(existsSync(join(library, 'lib-haggle.yaml'))).toBe(false);
  });

  it('writes the published version as <id>.yaml, and the file passes check:scenarios', async () => {
    expect(await saveAndPublish('lib-haggle', as('lib-haggle'))).toBe(1);
    const res = await exportFile('lib-haggle', { version: 1 });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: 'lib-haggle', version: 1, file: 'lib-haggle.yaml', replaced: false });
    const written = join(library, 'lib-haggle.yaml');
    const v1 = ((await (await call('lib-haggle/versions/1')).json()) as { source: string }).source;
    expect(readFileSync(written, 'utf8')).toBe(v1);
    expect(await checkCli(written)).toEqual({ code: 0, stdout: '' });
    // No temporary file is left beside it.
    expect(readdirSync(library).filter((name) => name.includes('export-tmp'))).toEqual([]);
  });

  it('replaces its own earlier export without asking, and the studio keeps editing it', async () => {
    const v2 = await saveAndPublish('lib-haggle', as('lib-haggle').replace('阿测', '阿新'));
    const res = await exportFile('lib-haggle');
    expect(await res.json()).toEqual({ id: 'lib-haggle', version: v2, file: 'lib-haggle.yaml', replaced: true });
    expect(readFileSync(join(library, 'lib-haggle.yaml'), 'utf8')).toContain('阿新');
    // The id is in the library now, but it is the studio's own: its draft can still be saved.
    const saved = await call('lib-haggle/draft', { source: as('lib-haggle'), base: revisions.get('lib-haggle') }, 'PUT');
    expect(saved.status).toBe(200);
    expect((await call('mini-haggle/draft', { source: template, base: null }, 'PUT')).status).toBe(409);
  });

  it("asks before replacing a file that is not an export of this scenario, and replaces it when confirmed", async () => {
    await saveAndPublish('clash-haggle', as('clash-haggle'));
    // A library author writes a file with that name by hand.
    const handWritten = `# written by hand\n${as('clash-haggle').replace('阿测', '阿手')}`;
    writeFileSync(join(library, 'clash-haggle.yaml'), handWritten);
    const refused = await exportFile('clash-haggle');
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ needsConfirm: true, declaredId: 'clash-haggle', error: { code: 'conflict' } });
    expect(readFileSync(join(library, 'clash-haggle.yaml'), 'utf8')).toBe(handWritten);
    const confirmed = await exportFile('clash-haggle', { confirm: true });
    expect(await confirmed.json()).toMatchObject({ file: 'clash-haggle.yaml', replaced: true });
    expect(readFileSync(join(library, 'clash-haggle.yaml'), 'utf8')).not.toContain('阿手');
  });

  it('refuses a version that is not published, or no longer passes against the library', async () => {
    expect((await exportFile('lib-haggle', { version: 9 })).status).toBe(404);
    expect((await exportFile('lib-haggle', { version: 'draft' })).status).toBe(400);
    await saveAndPublish('shopless', as('shopless'));
    // The shop it was published against is gone from the library since.
    renameSync(join(library, 'shops', 'test-shop.yaml'), join(library, 'shops', 'test-shop.yaml.bak'));
    try {
      const res = await exportFile('shopless');
      expect(res.status).toBe(400);
      expect(((await res.json()) as { diagnostics: string[] }).diagnostics.join('\n')).toMatch(/^shopless\.yaml:\d+:\d+: .*test-shop/m);
      expect(existsSync(join(library, 'shopless.yaml'))).toBe(false);
    } finally {
      renameSync(join(library, 'shops', 'test-shop.yaml.bak'), join(library, 'shops', 'test-shop.yaml'));
    }
  });
});
