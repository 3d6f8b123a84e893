// WAL checkpoints (copying committed pages from the -wal file into the database file) on a worker
// thread with its own connection, so the event loop never stalls on one. A passive checkpoint
// does not block the writer; the main connection keeps a far-off auto-checkpoint as a backstop.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export const CHECKPOINT_EVERY_MS = 500;

// Plain CommonJS evaluated in the worker: it needs no TypeScript loader, under tsx or vitest alike.
// The connection is opened by the first checkpoint, never creating the file: a store closed before
// that (or a thread that starts late) does not touch the database's folder after the store's close.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
const timer = setInterval(() => {
  try {
    if (!db) {
      db = new Database(workerData.file, { fileMustExist: true });
      db.pragma('busy_timeout = 100');
    }
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) { parentPort.postMessage(String(err)); }
}, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  if (db) db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Resolves once the thread is gone, its connection closed (it touches the files no more). */
  stop(): Promise<void>;
}

export function startCheckpointer(file: string, onError: (message: string) => void): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, everyMs: CHECKPOINT_EVERY_MS } });
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('message', (message: unknown) => onError(String(message)));
  worker.on('error', (err) => onError(err.message));
  return {
    stop() {
      // Referenced from now on: the process waits for the thread to close its connection and go.
      worker.ref();
      worker.postMessage('stop');
      return exited;
    },
  };
}
