// Runs the retention sweep (server/store/retention.ts) once just after start, then every hour:
// practice sessions ended, or left untouched, longer than SESSION_RETENTION_DAYS ago go. Passes never overlap on one node; several
// nodes may sweep at once (the sweep is safe for that), so no lease is needed.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { SweepResult } from '../store/retention.ts';
import { sweepEndedSessions } from '../store/retention.ts';
import type { Database } from '../store/schema.ts';

export const DAY_MS = 24 * 60 * 60 * 1000;
const SWEEP_EVERY_MS = 60 * 60 * 1000;
/** The first pass waits for the start's own work (recovering drills, the first trainees) to settle. */
const FIRST_PASS_IN_MS = 5000;

export interface RetentionDeps {
  db: Kysely<Database>;
  /** 0: keep everything */
  days: number;
  logger: Logger;
  now?: () => number;
  firstPassInMs?: number;
  everyMs?: number;
}

export interface RetentionSweeper {
  /** one pass now (none while another runs); resolves with what it deleted */
  sweep(): Promise<SweepResult | undefined>;
  /** no more passes; waits for the one under way to stop at its next batch */
  stop(): Promise<void>;
}

export function startSessionRetention(deps: RetentionDeps): RetentionSweeper {
  const now = deps.now ?? Date.now;
  if (deps.days <= 0) {
    deps.logger.info('session retention is off (SESSION_RETENTION_DAYS=0): sessions are kept forever');
    return { sweep: () => Promise.resolve(undefined), stop: () => Promise.resolve() };
  }
  const abort = new AbortController();
  let running: Promise<SweepResult | undefined> | undefined;
  const sweep = (): Promise<SweepResult | undefined> => {
    if (running || abort.signal.aborted) return Promise.resolve(undefined);
    const started = now();
    running = sweepEndedSessions(deps.db, { cutoff: started - deps.days * DAY_MS, signal: abort.signal })
      .then((result) => {
        const fields = { ...result, days: deps.days, ms: now() - started };
        if (result.sessions > 0 || result.bundles > 0) deps.logger.info(fields, 'retention: deleted ended practice sessions past their keeping time');
        else deps.logger.debug(fields, 'retention: nothing to delete');
        return result;
      })
      .catch((err: unknown) => {
        // A refused batch (a lock, a foreign key raced, the store away) is simply tried again next pass.
        deps.logger.warn({ err: String(err) }, 'retention sweep failed; it runs again at the next pass');
        return undefined;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const first = setTimeout(() => void sweep(), deps.firstPassInMs ?? FIRST_PASS_IN_MS);
  const timer = setInterval(() => void sweep(), deps.everyMs ?? SWEEP_EVERY_MS);
  first.unref();
  timer.unref();
  return {
    sweep,
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      abort.abort();
      await running;
    },
  };
}
