// Build-size report (Node, run after `vite build`; not part of the web app): the gzip size of the
// JavaScript a trainee downloads (the server sends the build's gzip or brotli forms, written by
// precompress.ts), against the 150 KB budget of issue 5. "Entry" is what the first page load
// fetches (index.html's module script and everything it imports statically); "trainee pages" adds
// the lazily loaded report page. Other areas (drill, later the dashboard and studio) are listed but
// not counted. Exits 1 when over budget.
//   npm run -s build:report [-- --json]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = join(import.meta.dirname, '..', '..', 'dist', 'client');
const ASSETS = join(DIST, 'assets');
const BUDGET_KB = 150;
/** Lazy chunks that belong to the trainee's pages. */
const TRAINEE_LAZY = [/^ReportPage-/];

const kb = (bytes: number) => Math.round((bytes / 1024) * 100) / 100;
const gzipBytes = (file: string) => gzipSync(readFileSync(join(ASSETS, file))).length;

/** A chunk and every chunk it imports statically (`import "./x.js"`, `from "./x.js"`). */
function closure(start: string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...start];
  while (todo.length > 0) {
    const file = todo.pop() as string;
    if (seen.has(file) || !existsSync(join(ASSETS, file))) continue;
    seen.add(file);
    const code = readFileSync(join(ASSETS, file), 'utf8');
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([\w.-]+\.js)["']/g)) todo.push(m[1] as string);
  }
  return seen;
}

if (!existsSync(join(DIST, 'index.html'))) {
  console.error('dist/client/index.html is missing: run `npm run -s build` first');
  process.exit(1);
}
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const entryFiles = [...html.matchAll(/(?:src|href)="\/assets\/([\w.-]+\.js)"/g)].map((m) => m[1] as string);
const entry = closure(entryFiles);
const jsFiles = readdirSync(ASSETS).filter((f) => f.endsWith('.js'));
const lazyTrainee = closure(jsFiles.filter((f) => TRAINEE_LAZY.some((re) => re.test(f))));
const trainee = new Set([...entry, ...lazyTrainee]);
const cssFiles = readdirSync(ASSETS).filter((f) => f.endsWith('.css'));

const rows = [...jsFiles, ...cssFiles].map((file) => ({
  file,
  rawKb: kb(readFileSync(join(ASSETS, file)).length),
  gzipKb: kb(gzipBytes(file)),
  part: entry.has(file) ? 'entry' : trainee.has(file) ? 'trainee-lazy' : file.endsWith('.css') ? 'css' : 'other',
}));
const sum = (files: Iterable<string>) => kb([...files].reduce((n, f) => n + gzipBytes(f), 0));
const summary = { entryJsGzipKb: sum(entry), traineeJsGzipKb: sum(trainee), budgetKb: BUDGET_KB, cssGzipKb: sum(cssFiles) };
const over = summary.traineeJsGzipKb > BUDGET_KB;

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ ...summary, over, files: rows }, null, 2));
} else {
  console.log('file'.padEnd(40), 'raw KB'.padStart(9), 'gzip KB'.padStart(9), ' part');
  for (const r of rows.sort((a, b) => b.gzipKb - a.gzipKb)) console.log(r.file.padEnd(40), String(r.rawKb).padStart(9), String(r.gzipKb).padStart(9), ` ${r.part}`);
  console.log('');
  console.log(`trainee entry JS (home + workspace): ${summary.entryJsGzipKb} KB gzip`);
  console.log(`trainee pages JS (+ report):        ${summary.traineeJsGzipKb} KB gzip (budget ${BUDGET_KB} KB)${over ? '  OVER BUDGET' : ''}`);
  console.log(`CSS, all pages:                     ${summary.cssGzipKb} KB gzip`);
}
process.exit(over ? 1 : 0);
