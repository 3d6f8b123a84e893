// CPU time a process spent, split into its main thread and all its other threads (worker threads,
// V8's GC helpers, libuv's pool), from /proc on Linux. Throughput on a shared machine is noisy; CPU
// time per reply is not, and it says which thread a reply's cost lands on.
import { readdirSync, readFileSync } from 'node:fs';

export interface ThreadCpu {
  mainMs: number;
  otherMs: number;
}

/** Clock ticks per second of /proc's utime and stime: USER_HZ, 100 on every Linux in use. */
const TICKS_PER_SECOND = 100;

function taskMs(pid: number, tid: string): number {
  // The name field (2) may hold spaces: the fields after its closing parenthesis are fixed.
  const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** Undefined where there is no /proc (not Linux) or the process is gone. */
export function threadCpu(pid: number | undefined): ThreadCpu | undefined {
  if (pid === undefined) return undefined;
  try {
    let mainMs = 0;
    let otherMs = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        if (tid === String(pid)) mainMs = taskMs(pid, tid);
        else otherMs += taskMs(pid, tid);
      } catch {
        // a thread that ended between the listing and the read
      }
    }
    return { mainMs, otherMs };
  } catch {
    return undefined;
  }
}

/** CPU µs per reply between two readings, by thread group. */
export function cpuPerReply(before: ThreadCpu | undefined, after: ThreadCpu | undefined, replies: number): { main: number; other: number } | undefined {
  if (!before || !after || replies <= 0) return undefined;
  const us = (ms: number) => Number(((ms * 1000) / replies).toFixed(1));
  return { main: us(after.mainMs - before.mainMs), other: us(after.otherMs - before.otherMs) };
}
