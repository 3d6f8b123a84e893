// The built web app (dist/client): files as they are, and index.html for any other page path so the
// client's router can take it from there (never under /assets/: a missing asset is a 404, and only a
// real asset is cached as immutable). A file the build compressed (client/scripts/precompress.ts
// writes `<file>.br` and `<file>.gz` beside it) goes out in the form the browser accepts. Only files
// that really live under the root are served: a symlink pointing out of it is as good as missing.
import { createReadStream, existsSync, fstatSync, realpathSync, statSync } from 'node:fs';
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

/** A path's real path (symlinks resolved), or undefined when it does not exist. */
function realPath(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
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
  // Looked up per request: the root may be a symlink switched to a new release under a running server.
  const inside = realPath(root);
  if (inside === undefined) return false;
  let file = candidate;
  const asset = decoded.startsWith('/assets/');
  if (!isFileUnder(inside, file)) {
    // A page path (no extension) gets the app; a missing asset (anything under /assets/) is a 404.
    if (extname(decoded) !== '' || asset) return false;
    file = join(root, 'index.html');
    // Missing (a rebuild under way) is answered below (503); pointing out of the root is not served.
    if (escapes(inside, file)) return false;
  }
  // Only a hashed asset itself is cached for good; index.html is always revalidated.
  const hashedAsset = asset && file === candidate;
  const headers: Record<string, string> = {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': hashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  };
  // The forms are the build's own (written beside each file, replaced with it by every build); a
  // folder is deployed as built. (Not judged by mtime: a plain `cp -r` may copy a form before its file.)
  const forms = FORMS.filter((f) => isFileUnder(inside, file + f.suffix));
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

/** A regular file whose real path (symlinks resolved) lies under `realRootDir`. */
function isFileUnder(realRootDir: string, path: string): boolean {
  if (sizeOf(path) === undefined) return false;
  return !escapes(realRootDir, path);
}

/** `path` exists and its real path lies outside `realRootDir` (a symlink out of the root). */
function escapes(realRootDir: string, path: string): boolean {
  const real = realPath(path);
  return real !== undefined && !real.startsWith(realRootDir + sep);
}
