// The built web app (dist/client): files as they are, and index.html for any other page path so the
// client's router can take it from there. A file the build compressed (client/scripts/precompress.ts
// writes `<file>.br` and `<file>.gz` beside it) goes out in the form the browser accepts.
import { createReadStream, existsSync, fstatSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function staticRoot(dir: string | undefined): string | undefined {
  if (!dir) return undefined;
  const root = resolve(dir);
  return existsSync(join(root, 'index.html')) ? root : undefined;
}

/** The compressed forms the build may have written, best first. */
const FORMS = [
  { coding: 'br', suffix: '.br' },
  { coding: 'gzip', suffix: '.gz' },
] as const;

/** Whether an Accept-Encoding header accepts `coding` (listed, or `*`, and not with q=0). */
export function accepts(header: string | undefined, coding: string): boolean {
  if (!header) return false;
  let wildcard = false;
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim());
    const q = params.find((p) => p.startsWith('q='));
    const refused = q !== undefined && Number(q.slice(2)) === 0;
    if (name === coding) return !refused;
    if (name === '*') wildcard = !refused;
  }
  return wildcard;
}

/** Serve `pathname` from `root`; false if this is not a request for the app (so a 404 follows). */
export function serveStatic(root: string, pathname: string, head: boolean, res: ServerResponse, acceptEncoding?: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  if (decoded.includes('\0')) return false;
  const candidate = resolve(root, `.${sep}${normalize(decoded)}`);
  if (candidate !== root && !candidate.startsWith(root + sep)) return false;
  let file = candidate;
  if (!isFile(file)) {
    // A page path (no extension) gets the app; a missing asset is a 404.
    if (extname(decoded) !== '') return false;
    file = join(root, 'index.html');
  }
  const hashedAsset = decoded.startsWith('/assets/');
  const headers: Record<string, string> = {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': hashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  };
  // The forms are the build's own (written beside each file, replaced with it by every build); a
  // folder is deployed as built. (Not judged by mtime: a plain `cp -r` may copy a form before its file.)
  const forms = FORMS.filter((f) => isFile(file + f.suffix));
  // Caches must keep one copy per encoding once any compressed form exists.
  if (forms.length > 0) headers['vary'] = 'Accept-Encoding';
  const form = forms.find((f) => accepts(acceptEncoding, f.coding));
  const sent = form ? file + form.suffix : file;
  if (form) headers['content-encoding'] = form.coding;
  if (head) {
    const size = sizeOf(sent);
    if (size === undefined) updating(res, true);
    else res.writeHead(200, { ...headers, 'content-length': String(size) }).end();
    return true;
  }
  // The file can go between the look above and the read (the app rebuilt or redeployed under a
  // running server): an unheard stream error would end the process, so it becomes an answer.
  const stream = createReadStream(sent);
  stream.once('error', () => {
    if (res.headersSent) return void res.destroy();
    updating(res, false);
  });
  stream.once('open', (fd) => {
    // The length of the file opened (a rebuild may have replaced the one looked at above).
    headers['content-length'] = String(fstatSync(fd).size);
    res.writeHead(200, headers);
    stream.pipe(res);
  });
  // A client that goes away (before the open, or mid-file) leaves a paused stream holding its file.
  res.once('close', () => stream.destroy());
  return true;
}

/** The answer while the app's files are being replaced: the same for GET and HEAD, and never cached. */
function updating(res: ServerResponse, head: boolean): void {
  res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '2', 'cache-control': 'no-store' });
  res.end(head ? undefined : 'The app is being updated; try again in a moment.');
}

function sizeOf(path: string): number | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}

function isFile(path: string): boolean {
  return sizeOf(path) !== undefined;
}
