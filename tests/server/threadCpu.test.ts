// The bench's CPU reading per thread (server/cli/bench/threadCpu.ts), on this process: work on the
// main thread shows up as main-thread time, work on a worker thread as other threads' time. Work is
// measured in CPU time, not wall time, so a busy machine only makes the test slower.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { cpuPerReply, threadCpu } from '../../server/cli/bench/threadCpu.ts';

const WORK_MS = 300;
const GIVE_UP_MS = 15_000;

/** CPU ms the whole process used since `since`. */
function processCpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

describe('threadCpu', () => {
  it('splits a process into its main thread and the others', async () => {
    if (!threadCpu(process.pid)) throw new Error('no /proc here');

    // The main thread spins until the process has used WORK_MS of CPU.
    const before = threadCpu(process.pid);
    const mainStart = process.cpuUsage();
    const giveUp = performance.now() + GIVE_UP_MS;
    while (processCpuMs(mainStart) < WORK_MS && performance.now() < giveUp) {
      // busy on purpose
    }
    const afterMain = threadCpu(process.pid);

    // A worker spins while the main thread only looks at the clock now and then.
    const worker = new Worker(
      "const { parentPort } = require('node:worker_threads'); let stop = false; parentPort.on('message', () => (stop = true)); (function spin() { const until = performance.now() + 20; while (performance.now() < until) {} if (!stop) setImmediate(spin); else parentPort.close(); })();",
      { eval: true },
    );
    await new Promise((resolve) => worker.once('online', resolve));
    const workerStart = threadCpu(process.pid);
    const spent = process.cpuUsage();
    for (let i = 0; i < GIVE_UP_MS / 50 && processCpuMs(spent) < WORK_MS; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    // Read while it is alive: an ended thread leaves /proc's task list.
    const afterWorker = threadCpu(process.pid);
    worker.postMessage('stop');
    await new Promise((resolve) => worker.once('exit', resolve));
    if (!before || !afterMain || !workerStart || !afterWorker) throw new Error('no /proc reading');

    const mainPhase = { main: afterMain.mainMs - before.mainMs, other: afterMain.otherMs - before.otherMs };
    const workerPhase = { main: afterWorker.mainMs - workerStart.mainMs, other: afterWorker.otherMs - workerStart.otherMs };
    // Ticks are 10 ms; half the work is a safe floor for where it must show up.
    expect(mainPhase.main).toBeGreaterThanOrEqual(WORK_MS / 2);
    expect(mainPhase.main).toBeGreaterThan(mainPhase.other);
    expect(workerPhase.other).toBeGreaterThanOrEqual(WORK_MS / 2);
    expect(workerPhase.other).toBeGreaterThan(workerPhase.main);
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
