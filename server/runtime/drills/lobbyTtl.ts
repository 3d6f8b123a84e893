// DRILL_LOBBY_TTL_HOURS: how long a drill may sit in its lobby unstarted before it is cancelled (a
// drill opened and forgotten would otherwise hold its join code and read 候场中 in the history for
// ever). Read where the drills are wired, with the message style of runtime/config.ts.
import { ConfigError } from '../config.ts';

export const DEFAULT_DRILL_LOBBY_TTL_HOURS = 12;
const MAX_HOURS = 24 * 30;

/** The lobby lifetime in ms, from the environment; a bad value stops the server at start. */
export function lobbyTtlMsFrom(env: NodeJS.ProcessEnv): number {
  const raw = env['DRILL_LOBBY_TTL_HOURS'];
  if (raw === undefined || raw.trim() === '') return DEFAULT_DRILL_LOBBY_TTL_HOURS * 3_600_000;
  const hours = Number(raw);
  if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_HOURS) throw new ConfigError(`DRILL_LOBBY_TTL_HOURS must be a number of hours above 0 and at most ${MAX_HOURS} (got "${raw}")`);
  return Math.round(hours * 3_600_000);
}
