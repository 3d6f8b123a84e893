// The HTTP side: health, the scenario list, a session's transcript for its token holder, the web app.
import { mkdirSync, readdirSync, readlinkSync, renameSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from './helpers.ts';
import { msgId, startServer, tempDataDir, trainee } from './helpers.ts';

let server: TestServer;
let dist: string;
beforeAll(async () => {
  dist = tempDataDir();
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>客服道场</title>');
  writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
  server = await startServer({ staticDir: dist });
});
afterAll(async () => {
  await server.close();
});

/** A raw GET, so paths reach the server exactly as written (fetch would normalise `..`). */
function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTP', () => {
  it('answers /healthz', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true });
  });

  it('lists the scenarios with titles, levels and descriptions', async () => {
    const res = await get('/api/scenarios');
    expect(res.status).toBe(200);
    const { scenarios } = JSON.parse(res.body) as { scenarios: unknown[] };
    expect(scenarios).toEqual([
      expect.objectContaining({ id: 'mini-haggle', version: 3, difficulty: 'easy', title: { 'zh-CN': '小小议价', en: 'Tiny haggle' }, description: expect.any(Object) }),
    ]);
  });

  it('shows a session to its token holder only', async () => {
    const t = await trainee(server.url);
    const info = await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: '小郑', mode: 'exam' });
    await t.ok('reply:send', { sessionId: info.sessionId, clientMsgId: msgId(), text: '不能便宜哦' });
    await t.waitForEvent('buyer:say', 3);

    expect((await get(`/api/sessions/${info.sessionId}`)).status).toBe(401);
    expect((await get(`/api/sessions/${info.sessionId}`, { authorization: `Bearer ${info.sessionId}.nope` })).status).toBe(401);
    const other = await t.ok('session:start', { scenarioId: 'mini-haggle', displayName: '别人', mode: 'exam' });
    expect((await get(`/api/sessions/${info.sessionId}`, { authorization: `Bearer ${other.token}` })).status).toBe(401);

    const during = await get(`/api/sessions/${info.sessionId}`, { authorization: `Bearer ${info.token}` });
    expect(during.status).toBe(200);
    const view = JSON.parse(during.body) as { session: { mode: string; ended: boolean }; transcript: { id: string }[]; report: unknown };
    expect(view.session).toMatchObject({ mode: 'exam', ended: false });
    expect(view.transcript.map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(view.report).toBeNull();

    await t.ok('session:end', { sessionId: info.sessionId, clientMsgId: msgId() });
    const after = JSON.parse((await get(`/api/sessions/${info.sessionId}`, { authorization: `Bearer ${info.token}` })).body) as { report: { report: { score: number } } };
    expect(typeof after.report.report.score).toBe('number');
    t.close();
  });

  it('serves the web app, with index.html for page paths', async () => {
    const root = await get('/');
    expect(root.status).toBe(200);
    expect(root.type).toContain('text/html');
    expect((await get('/practice/mini-haggle')).body).toContain('客服道场');
    expect((await get('/assets/app-1234.js')).type).toContain('javascript');
    expect((await get('/assets/missing.js')).status).toBe(404);
    expect((await get('/api/nothing')).status).toBe(404);
  });

  it('answers 503 and stays up while the app files are gone (a rebuild under a running server)', async () => {
    renameSync(join(dist, 'index.html'), join(dist, 'index.html.away'));
    try {
      const page = await get('/practice/mini-haggle');
      expect(page.status).toBe(503);
      expect(page.body).toContain('try again');
      const head = await new Promise<{ status: number; cache: string | undefined }>((resolve, reject) => {
        const { hostname, port } = new URL(server.url);
        request({ hostname, port, path: '/', method: 'HEAD' }, (res) => resolve({ status: res.statusCode ?? 0, cache: res.headers['cache-control'] }))
          .on('error', reject)
          .end();
      });
      // As for GET: never kept by a cache.
      expect(head).toEqual({ status: 503, cache: 'no-store' });
      expect((await get('/healthz')).status).toBe(200);
    } finally {
      renameSync(join(dist, 'index.html.away'), join(dist, 'index.html'));
    }
    expect((await get('/')).status).toBe(200);
  });

  it('lets go of a file whose reader went away mid-download', async () => {
    const big = join(dist, 'assets', 'big-5678.js');
    writeFileSync(big, 'x'.repeat(4 * 1024 * 1024));
    // Open descriptors of this process (the server runs in it) that point at the file.
    const holding = () =>
      readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`) === big;
        } catch {
          return false;
        }
      }).length;
    const { hostname, port } = new URL(server.url);
    await new Promise<void>((resolve, reject) => {
      const req = request({ hostname, port, path: '/assets/big-5678.js' }, (res) => {
        // One chunk, then the reader is gone with most of the file unsent.
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', () => undefined);
      req.on('close', () => resolve());
      setTimeout(() => reject(new Error('no data')), 5000).unref();
      req.end();
    });
    for (let i = 0; i < 50 && holding() > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(holding()).toBe(0);
  });

  it('never serves files outside the app folder', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/assets/..%2f..%2fpackage.json']) {
      const res = await get(path);
      expect(res.body).not.toContain('"name": "kefu-dojo"');
    }
  });

  it('refuses the API to pages from other origins', async () => {
    expect((await get('/api/scenarios', { origin: 'http://evil.example' })).status).toBe(403);
  });
});
