// Connection state recovery restores a socket's rooms and `data` and replays the broadcasts it missed,
// before any handler or middleware could look at it. It is a fast path only (replay from the log by
// sequence number is the guarantee), so a namespace recovers only when its owner says a restored
// session is still entitled to what it held: by default, every namespace refuses, and a socket that
// is refused simply connects afresh and authenticates again with its token.
import type { Namespace } from 'socket.io';

/** The part of a persisted Socket.IO session a check can judge (socket.io-adapter's Session). */
export interface RecoveredSession {
  sid: string;
  pid: string;
  rooms: string[];
  data: unknown;
}

/** True: the socket may get its rooms, data and missed packets back. */
export type RecoveryCheck = (session: RecoveredSession) => boolean | Promise<boolean>;

interface RestoringAdapter {
  restoreSession(pid: string, offset: string): Promise<(RecoveredSession & { missedPackets: unknown[] }) | null> | null;
}

const checks = new WeakMap<Namespace, RecoveryCheck>();
const gated = new WeakSet<object>();

/** Let this namespace's sockets recover when `check` approves the restored session. */
export function allowRecovery(nsp: Namespace, check: RecoveryCheck): void {
  checks.set(nsp, check);
  gateRecovery(nsp);
}

/** Put the namespace's adapter behind its check (none yet: refuse). Idempotent. */
export function gateRecovery(nsp: Namespace): void {
  const adapter = nsp.adapter as unknown as RestoringAdapter;
  if (gated.has(adapter)) return;
  gated.add(adapter);
  const restore = adapter.restoreSession.bind(adapter);
  adapter.restoreSession = async (pid, offset) => {
    const check = checks.get(nsp);
    if (!check) return null;
    const session = await restore(pid, offset);
    if (!session) return null;
    return (await check(session)) ? session : null;
  };
}
