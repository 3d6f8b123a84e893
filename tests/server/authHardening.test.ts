// Hardening of the trainer login and the static client, against a real server on 127.0.0.1:
// guessing limits that hold under concurrency (per address and per account, the account one a
// back-off the real trainer gets past), a global limit on password hashing so unauthenticated
// logins cannot starve static files, the studio's export to scenarios/ for admins only, and static
// files only from inside the root (no symlinks out, no index.html cached as an immutable asset).
// Requests come from different loopback addresses (127.x.y.z, all local on Linux) where a test
// needs several clients.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, existsSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Application } from '../../server/app.ts';
import { createApplication } from '../../server/app.ts';
import { HASH_GATE_LIMITS } from '../../server/http/hashGate.ts';
import { ACCOUNT_BACKOFF, ADDRESS_LIMIT } from '../../server/http/loginLimits.ts';
import { openSqlite } from '../../server/store/database.ts';
import { SessionLog } from '../../server/store/sessionLog.ts';
import { PASSWORD } from './drillHelpers.ts';
import { FIXTURE_SCENARIOS, TEST_SECRET, tempDataDir } from './helpers.ts';
import { ManualScheduler } from './manualScheduler.ts';

interface Server {
  url: string;
  port: number;
  app: Application;
  close(): Promise<void>;
}

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** The app with trainer accounts (a database) and, if given, a static client and a library. */
async function start(options: { staticDir?: string; scenariosDir?: string; scheduler?: ManualScheduler } = {}): Promise<Server> {
  const db = await openSqlite({ file: join(tempDataDir(), 'kefu-dojo.sqlite'), synchronous: 'normal' });
  const httpServer = createServer();
  const app = createApplication(httpServer, {
    log: new SessionLog(db),
    db,
    scenariosDir: options.scenariosDir ?? FIXTURE_SCENARIOS,
    sessionSecret: TEST_SECRET,
    logger: pino({ level: 'silent' }),
    buyerSpeed: 0,
    allowedOrigins: [],
    rateLimit: { events: 1000, windowMs: 10_000 },
    ...(options.staticDir ? { staticDir: options.staticDir } : {}),
    ...(options.scheduler ? { scheduler: options.scheduler } : {}),
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  const server: Server = {
    url: `http://127.0.0.1:${port}`,
    port,
    app,
    async close() {
      await app.close();
      await db.destroy();
    },
  };
  servers.push(server);
  return server;
}

async function addTrainer(server: Server, name: string, admin = false): Promise<void> {
  const added = await server.app.drills?.auth.add(name, PASSWORD, admin);
  if (!added?.ok) throw new Error('could not add a trainer');
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** when the answer was complete, as an order among all answers of this file */
  order: number;
}
let answered = 0;

/** One HTTP request from a chosen loopback address (a fresh connection each time). */
function call(server: Server, path: string, options: { method?: string; body?: unknown; from?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const text = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? (text === undefined ? 'GET' : 'POST'),
        localAddress: options.from ?? '127.0.0.1',
        agent: false,
        headers: { ...(text === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) }), ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), order: ++answered }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

const tryLogin = (server: Server, name: string, password: string, from = '127.0.0.1') => call(server, '/api/trainer/login', { body: { name, password }, from });
const reasonOf = (a: Answer) => (JSON.parse(a.body) as { error?: { code?: string; reason?: string } }).error;
const count = (answers: Answer[], status: number, reason?: string) => answers.filter((a) => a.status === status && (reason === undefined || reasonOf(a)?.reason === reason)).length;

describe('login guessing limits', () => {
  it('hold per address under concurrency: 200 wrong logins at once get 10 answers 401, the rest 429', async () => {
    const server = await start();
    await addTrainer(server, '甲老师');
    // The first unknown name computes the decoy hash (once per server): out of the way first.
    expect((await tryLogin(server, 'nobody-0', 'wrong-password', '127.0.9.9')).status).toBe(401);
    const burst = await Promise.all(Array.from({ length: 200 }, (_, i) => tryLogin(server, `nobody-${i + 1}`, 'wrong-password')));
    expect(count(burst, 401)).toBe(ADDRESS_LIMIT.attempts);
    expect(count(burst, 429, 'address')).toBe(200 - ADDRESS_LIMIT.attempts);
    const refused = burst.find((a) => a.status === 429) as Answer;
    expect(reasonOf(refused)).toMatchObject({ code: 'rate-limited', reason: 'address' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // The address waits, even with the right password; another address logs in.
    expect((await tryLogin(server, '甲老师', PASSWORD)).status).toBe(429);
    expect((await tryLogin(server, '甲老师', PASSWORD, '127.0.9.10')).status).toBe(200);
  });

  it('hold per account across addresses with a back-off the real trainer gets past', async () => {
    // The limits run on the app's clock: driven by the test, so the waits are exact, not slept.
    const clock = new ManualScheduler();
    const server = await start({ scheduler: clock });
    await addTrainer(server, '乙老师');
    // The trainer's usual address (a success there makes it trusted for this account).
    expect((await tryLogin(server, '乙老师', PASSWORD, '127.0.0.1')).status).toBe(200);
    // 40 guesses at once, each from its own address: no address limit is reached.
    const burst = await Promise.all(Array.from({ length: 40 }, (_, i) => tryLogin(server, '乙老师', `guess-${i}-password`, `127.0.1.${i + 1}`)));
    // The free failures, then one more that starts the back-off; the rest wait.
    expect(count(burst, 401)).toBe(ACCOUNT_BACKOFF.free + 1);
    expect(count(burst, 429, 'account')).toBe(40 - ACCOUNT_BACKOFF.free - 1);
    // A new address waits for the back-off, even with the right password...
    const waiting = await tryLogin(server, '乙老师', PASSWORD, '127.0.2.1');
    expect(waiting.status).toBe(429);
    expect(reasonOf(waiting)).toMatchObject({ code: 'rate-limited', reason: 'account' });
    expect(waiting.headers['retry-after']).toBe(String(ACCOUNT_BACKOFF.baseMs / 1000));
    // ...while the trainer's own address is not kept out at all.
    expect((await tryLogin(server, '乙老师', PASSWORD, '127.0.0.1')).status).toBe(200);

    // Guessing on: every wrong guess doubles the wait, up to the cap and never beyond.
    const waits: number[] = [];
    let wait = ACCOUNT_BACKOFF.baseMs;
    for (let i = 0; i < 8; i++) {
      await clock.advance(server.app, wait);
      expect((await tryLogin(server, '乙老师', `later-guess-${i}`, `127.0.4.${i + 1}`)).status).toBe(401);
      const refused = await tryLogin(server, '乙老师', `later-guess-${i}-again`, `127.0.5.${i + 1}`);
      expect(refused.status).toBe(429);
      wait = Number(refused.headers['retry-after']) * 1000;
      waits.push(wait / 1000);
    }
    expect(waits).toEqual([2, 4, 8, 16, 30, 30, 30, 30]);
    // The right password from a new address works once the wait (at most 30 s) is over.
    expect((await tryLogin(server, '乙老师', PASSWORD, '127.0.2.1')).status).toBe(429);
    await clock.advance(server.app, ACCOUNT_BACKOFF.maxMs);
    expect((await tryLogin(server, '乙老师', PASSWORD, '127.0.2.1')).status).toBe(200);
  }, 60_000);
});

describe('password hashing under a login flood', () => {
  it('is limited globally (429 busy past a small queue), so static files and /healthz answer before the flood is done', async () => {
    const dist = tempDir('kefu-auth-static-');
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>客服道场</title>');
    writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
    const server = await start({ staticDir: dist });
    expect((await tryLogin(server, 'nobody-0', 'wrong-password', '127.0.9.9')).status).toBe(401);
    // 8 addresses x 10 logins (each address within its own limit), all unknown names (no account back-off).
    const flood = Array.from({ length: 80 }, (_, i) => tryLogin(server, `flood-${i}`, 'wrong-password', `127.0.3.${(i % 8) + 1}`));
    const [asset, health] = await Promise.all([call(server, '/assets/app-1234.js'), call(server, '/healthz')]);
    const answers = await Promise.all(flood);
    expect(asset.status).toBe(200);
    expect(asset.body).toBe('console.log(1)');
    expect(health.status).toBe(200);
    const checked = answers.filter((a) => a.status === 401);
    const busy = count(answers, 429, 'busy');
    expect(checked.length + busy).toBe(80);
    // Far more logins than the gate holds were refused at once, with a short Retry-After.
    expect(busy).toBeGreaterThanOrEqual(80 - 4 * (HASH_GATE_LIMITS.concurrent + HASH_GATE_LIMITS.queued));
    expect(answers.find((a) => reasonOf(a)?.reason === 'busy')?.headers['retry-after']).toBe('1');
    // The file and the health check did not wait behind the hashes: they answered before most of
    // the checked logins (without the gate every hash is queued ahead of the file read).
    const lastLogin = Math.max(...answers.map((a) => a.order));
    expect(asset.order).toBeLessThan(lastLogin);
    expect(health.order).toBeLessThan(lastLogin);
    const checkedBeforeAsset = checked.filter((a) => a.order < asset.order).length;
    expect(checkedBeforeAsset).toBeLessThan(checked.length / 2);
    // And the right password still works once the flood is over.
    await addTrainer(server, '丙老师');
    expect((await tryLogin(server, '丙老师', PASSWORD, '127.0.9.11')).status).toBe(200);
  }, 60_000);
});

describe('the studio export to scenarios/', () => {
  it('is for admins only: 403 not-admin for other trainers, and nothing written', async () => {
    const library = tempDir('kefu-auth-lib-');
    cpSync(FIXTURE_SCENARIOS, library, { recursive: true });
    const server = await start({ scenariosDir: library });
    await addTrainer(server, '丁老师');
    await addTrainer(server, '管理员', true);
    const cookieOf = async (name: string) => String((await tryLogin(server, name, PASSWORD)).headers['set-cookie']).split(';')[0] as string;
    const plain = await cookieOf('丁老师');
    const admin = await cookieOf('管理员');
    const studio = (cookie: string, path: string, body: unknown, method = 'POST') => call(server, `/api/studio/scenarios/${path}`, { method, body, headers: { cookie } });
    const source = readFileSync(join(FIXTURE_SCENARIOS, 'mini-haggle.yaml'), 'utf8').replace('id: mini-haggle', 'id: auth-export');
    const saved = await studio(plain, 'auth-export/draft', { source, base: null }, 'PUT');
    expect(saved.status).toBe(200);
    const revision = (JSON.parse(saved.body) as { revision: string }).revision;
    expect((await studio(plain, 'auth-export/publish', { base: revision })).status).toBe(201);

    for (const body of [{ version: 1 }, { version: 1, confirm: true }]) {
      const refused = await studio(plain, 'auth-export/export-to-library', body);
      expect(refused.status).toBe(403);
      expect(reasonOf(refused)).toMatchObject({ code: 'forbidden', reason: 'not-admin' });
    }
    expect(existsSync(join(library, 'auth-export.yaml'))).toBe(false);
    const done = await studio(admin, 'auth-export/export-to-library', { version: 1 });
    expect(done.status).toBe(201);
    expect(existsSync(join(library, 'auth-export.yaml'))).toBe(true);
  });
});

describe('static files', () => {
  it('are served only from inside the root: no symlinks out, and a missing asset is a 404, never index.html cached for good', async () => {
    const base = tempDir('kefu-auth-root-');
    const outside = join(base, 'outside');
    const real = join(base, 'release-1');
    mkdirSync(outside);
    mkdirSync(join(real, 'assets'), { recursive: true });
    writeFileSync(join(outside, 'secret.txt'), 'TOP SECRET');
    writeFileSync(join(outside, 'secret.js'), 'TOP SECRET');
    writeFileSync(join(real, 'index.html'), '<!doctype html><title>客服道场</title>');
    writeFileSync(join(real, 'assets', 'app-1234.js'), 'console.log(1)');
    writeFileSync(join(real, 'robots.txt'), 'User-agent: *');
    // Links out of the root: a file, an asset, a compressed form, a folder.
    symlinkSync(join(outside, 'secret.txt'), join(real, 'leak.txt'));
    symlinkSync(join(outside, 'secret.js'), join(real, 'assets', 'leak-1.js'));
    symlinkSync(join(outside, 'secret.txt'), join(real, 'assets', 'app-1234.js.br'));
    symlinkSync(outside, join(real, 'linked'));
    // A link inside the root is fine, and so is a root that is itself a link (the current release).
    symlinkSync(join(real, 'robots.txt'), join(real, 'robots-alias.txt'));
    const current = join(base, 'current');
    symlinkSync(real, current);
    const server = await start({ staticDir: current });

    for (const path of ['/leak.txt', '/assets/leak-1.js', '/linked/secret.txt', '/linked/secret.js']) {
      const answer = await call(server, path);
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).not.toContain('TOP SECRET');
    }
    const asset = await call(server, '/assets/app-1234.js', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-encoding']).toBeUndefined();
    expect(asset.body).toBe('console.log(1)');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await call(server, '/robots-alias.txt')).body).toBe('User-agent: *');

    // Under /assets/ nothing falls back to the page, with or without an extension.
    for (const path of ['/assets/app-1234', '/assets/chunk', '/assets/', '/assets/missing.js', '/assets/sub/page']) {
      const answer = await call(server, path);
      expect(answer.status, path).toBe(404);
      expect(answer.headers['cache-control'] ?? '', path).not.toContain('immutable');
    }
    // A page path gets index.html, revalidated every time.
    const page = await call(server, '/practice/mini-haggle');
    expect(page.status).toBe(200);
    expect(page.body).toContain('客服道场');
    expect(page.headers['cache-control']).toBe('no-cache');
  });
});
