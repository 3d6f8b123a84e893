// Build step (a Vite plugin; Node, not part of the web app): beside every compressible file of
// dist/client, its brotli (.br) and gzip (.gz) forms, made once at the highest levels. The server
// then sends an asset compressed without compressing per request (server/http/staticFiles.ts picks
// a form by the request's Accept-Encoding). Browsers offer brotli over HTTPS only, so both are made.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.txt', '.map']);
/** Below this a compressed form saves less than its headers and the extra file cost. */
const MIN_BYTES = 1024;
/** A form must save at least a tenth, or the file is sent as it is. */
const MAX_RATIO = 0.9;

export interface PrecompressTotals {
  files: number;
  bytes: number;
  brBytes: number;
  gzBytes: number;
}

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/** Write `<file>.br` and `<file>.gz` for every compressible file under `dir` worth compressing. */
export function precompressDir(dir: string): PrecompressTotals {
  const totals: PrecompressTotals = { files: 0, bytes: 0, brBytes: 0, gzBytes: 0 };
  for (const path of [...filesUnder(dir)]) {
    if (!COMPRESSIBLE.has(extname(path)) || statSync(path).size < MIN_BYTES) continue;
    const raw = readFileSync(path);
    const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
    const gz = gzipSync(raw, { level: constants.Z_BEST_COMPRESSION });
    const worth = (form: Buffer) => form.length <= raw.length * MAX_RATIO;
    if (worth(br)) writeFileSync(`${path}.br`, br);
    if (worth(gz)) writeFileSync(`${path}.gz`, gz);
    totals.files++;
    totals.bytes += raw.length;
    totals.brBytes += worth(br) ? br.length : raw.length;
    totals.gzBytes += worth(gz) ? gz.length : raw.length;
  }
  return totals;
}

export function precompress(): Plugin {
  let outDir = '';
  let log: (message: string) => void = () => undefined;
  return {
    name: 'kefu-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      log = (message) => config.logger.info(message);
    },
    // Vite calls this after a failed build too (with the error): nothing to compress then.
    closeBundle(error?: Error) {
      if (error) return;
      const t = precompressDir(outDir);
      const kb = (n: number) => `${Math.round(n / 1024)} KB`;
      log(`precompressed ${t.files} files: ${kb(t.bytes)} -> brotli ${kb(t.brBytes)}, gzip ${kb(t.gzBytes)}`);
    },
  };
}
