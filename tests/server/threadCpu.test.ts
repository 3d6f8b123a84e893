// The bench's CPU reading per thread (server/cli/bench/threadCpu.ts), on this process: work on the
// main thread shows up as main-thread time, work on a worker thread as other threads' time.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { cpuPerReply, threadCpu } from '../../server/cli/bench/threadCpu.ts';

function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy on purpose
  }
}

describe('threadCpu', () => {
  it('splits a process into its main thread and the others', async () => {
    const before = threadCpu(process.pid);
    expect(before).toBeDefined();
    spin(300);
    const afterMain = threadCpu(process.pid);
    // The worker spins until told to stop; its time is read while it is alive (an ended thread
    // leaves /proc's task list, as the bench's readings are taken while the server runs).
    const worker = new Worker(
      "const { parentPort } = require('node:worker_threads'); let stop = false; parentPort.on('message', () => (stop = true)); (function spin() { const until = performance.now() + 20; while (performance.now() < until) {} if (!stop) setImmediate(spin); else parentPort.close(); })();",
      { eval: true },
    );
    await new Promise((resolve) => worker.once('online', resolve));
    const workerStart = threadCpu(process.pid);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const afterWorker = threadCpu(process.pid);
    worker.postMessage('stop');
    await new Promise((resolve) => worker.once('exit', resolve));
    if (!before || !afterMain || !workerStart || !afterWorker) throw new Error('no /proc here');
    // Ticks are 10 ms; a shared machine may not give a spin all of its time.
    expect(afterMain.mainMs - before.mainMs).toBeGreaterThanOrEqual(100);
    expect(afterWorker.otherMs - workerStart.otherMs).toBeGreaterThanOrEqual(100);
    expect(afterWorker.mainMs - workerStart.mainMs).toBeLessThan(afterWorker.otherMs - workerStart.otherMs);
  });

  it('is undefined for a process that does not exist', () => {
    expect(threadCpu(2 ** 22 + 12345)).toBeUndefined();
    expect(threadCpu(undefined)).toBeUndefined();
  });

  it('turns two readings into µs per reply', () => {
    expect(cpuPerReply({ mainMs: 100, otherMs: 10 }, { mainMs: 1100, otherMs: 510 }, 10_000)).toEqual({ main: 100, other: 50 });
    expect(cpuPerReply(undefined, { mainMs: 1, otherMs: 1 }, 10)).toBeUndefined();
    expect(cpuPerReply({ mainMs: 1, otherMs: 1 }, { mainMs: 2, otherMs: 2 }, 0)).toBeUndefined();
  });
});
