// The web app goes out compressed: the build writes brotli and gzip forms beside each file
// (client/scripts/precompress.ts) and the server picks one by Accept-Encoding, or sends the file
// as it is.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../client/scripts/precompress.ts';
import { accepts } from '../../server/http/staticFiles.ts';
import type { TestServer } from './helpers.ts';
import { startServer, tempDataDir } from './helpers.ts';

const PAGE = `<!doctype html><title>客服道场</title>${'<p>练习</p>'.repeat(400)}`;
const SCRIPT = `console.log(${JSON.stringify('亲，在的'.repeat(500))});`;
const TINY = 'console.log(1)';

let server: TestServer;
let dist: string;
let totals: ReturnType<typeof precompressDir>;
beforeAll(async () => {
  dist = tempDataDir();
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), PAGE);
  writeFileSync(join(dist, 'assets', 'app-1234.js'), SCRIPT);
  writeFileSync(join(dist, 'assets', 'tiny-5678.js'), TINY);
  writeFileSync(join(dist, 'assets', 'photo-9999.png'), Buffer.alloc(4096, 7));
  totals = precompressDir(dist);
  server = await startServer({ staticDir: dist });
});
afterAll(async () => {
  await server.close();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(path: string, acceptEncoding?: string, method = 'GET'): Promise<Answer> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

function decoded(a: Answer): string {
  const coding = a.headers['content-encoding'];
  const body = coding === 'br' ? brotliDecompressSync(a.body) : coding === 'gzip' ? gunzipSync(a.body) : a.body;
  return body.toString('utf8');
}

describe('the build step', () => {
  it('writes brotli and gzip forms of files worth compressing, and none of small or binary ones', () => {
    expect(totals.files).toBe(2);
    expect(totals.brBytes).toBeLessThan(totals.bytes / 5);
    expect(totals.gzBytes).toBeLessThan(totals.bytes / 5);
    for (const file of ['index.html', 'assets/app-1234.js']) {
      expect(existsSync(join(dist, `${file}.br`))).toBe(true);
      expect(existsSync(join(dist, `${file}.gz`))).toBe(true);
    }
    expect(existsSync(join(dist, 'assets', 'tiny-5678.js.gz'))).toBe(false);
    expect(existsSync(join(dist, 'assets', 'photo-9999.png.gz'))).toBe(false);
  });
});

describe('serving the web app', () => {
  it('sends brotli when accepted, else gzip, else the file itself; the same text each way', async () => {
    const br = await get('/assets/app-1234.js', 'gzip, deflate, br');
    const gz = await get('/assets/app-1234.js', 'gzip, deflate');
    const plain = await get('/assets/app-1234.js');
    expect([br.headers['content-encoding'], gz.headers['content-encoding'], plain.headers['content-encoding']]).toEqual(['br', 'gzip', undefined]);
    for (const a of [br, gz, plain]) {
      expect(a.status).toBe(200);
      expect(a.headers['vary']).toBe('Accept-Encoding');
      expect(a.headers['content-type']).toContain('javascript');
      expect(a.headers['cache-control']).toContain('immutable');
      expect(Number(a.headers['content-length'])).toBe(a.body.length);
      expect(decoded(a)).toBe(SCRIPT);
    }
    expect(br.body.length).toBeLessThan(plain.body.length / 5);
  });

  it('honours q=0 and the wildcard', async () => {
    expect((await get('/assets/app-1234.js', 'br;q=0, gzip')).headers['content-encoding']).toBe('gzip');
    expect((await get('/assets/app-1234.js', 'br;q=0, gzip;q=0')).headers['content-encoding']).toBeUndefined();
    expect((await get('/assets/app-1234.js', '*')).headers['content-encoding']).toBe('br');
    expect((await get('/assets/app-1234.js', 'identity')).headers['content-encoding']).toBeUndefined();
  });

  it('compresses index.html for page paths too, and answers HEAD with the same headers', async () => {
    const page = await get('/practice/mini-haggle', 'gzip');
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(decoded(page)).toBe(PAGE);
    const head = await get('/practice/mini-haggle', 'gzip', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('gzip');
    expect(head.headers['content-length']).toBe(page.headers['content-length']);
    expect(head.body.length).toBe(0);
  });

  it('sends files without compressed forms as they are, with no Vary', async () => {
    const tiny = await get('/assets/tiny-5678.js', 'gzip, br');
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.headers['vary']).toBeUndefined();
    expect(tiny.body.toString()).toBe(TINY);
  });
});

describe('Accept-Encoding', () => {
  it('is read by name, case-insensitively, with q=0 as a refusal', () => {
    expect(accepts('gzip, deflate, br', 'br')).toBe(true);
    expect(accepts('GZIP', 'gzip')).toBe(true);
    expect(accepts('br;q=0.5', 'br')).toBe(true);
    expect(accepts('br; q=0', 'br')).toBe(false);
    expect(accepts('*;q=0, gzip', 'br')).toBe(false);
    expect(accepts('*, br;q=0', 'br')).toBe(false);
    expect(accepts('brotli', 'br')).toBe(false);
    expect(accepts(undefined, 'gzip')).toBe(false);
    expect(accepts('', 'gzip')).toBe(false);
  });
});
