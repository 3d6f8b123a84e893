// The first thing every inbound packet meets: unknown events and floods are answered here with an
// error ack (when the client asked for one) and go no further.
import type { Logger } from 'pino';
import type { Ack } from '../protocol/index.ts';
import { fail, isClientEventName } from '../protocol/index.ts';

export interface RateLimit {
  events: number;
  windowMs: number;
}

/**
 * Every session lives in memory until it goes quiet: without a bound, one client opening sockets
 * in a loop could start thousands a second. Per address, and generous: a whole class behind one
 * school address starts a few sessions each in ten minutes.
 */
export const SESSION_START_LIMIT: RateLimit = { events: 600, windowMs: 10 * 60_000 };

/** A sliding window of the times of the events this socket was allowed. */
export class SlidingWindowLimiter {
  private readonly times: number[] = [];

  constructor(private readonly limit: RateLimit) {}

  allow(now: number): boolean {
    while (this.times.length > 0 && (this.times[0] as number) <= now - this.limit.windowMs) this.times.shift();
    if (this.times.length >= this.limit.events) return false;
    this.times.push(now);
    return true;
  }
}

type Packet = [string, ...unknown[]];

/** A Socket.IO per-socket middleware: `socket.use(guardPackets(...))`. */
export function guardPackets(limit: RateLimit, now: () => number, logger: Logger, socketId: string) {
  const limiter = new SlidingWindowLimiter(limit);
  return (packet: Packet, next: (err?: Error) => void): void => {
    const [name] = packet;
    const last = packet[packet.length - 1];
    const ack = typeof last === 'function' ? (last as (answer: Ack<never>) => void) : undefined;
    if (!isClientEventName(name)) {
      logger.debug({ socketId, event: String(name).slice(0, 64) }, 'unknown event');
      ack?.(fail('unknown-event', `there is no event "${String(name).slice(0, 64)}"`));
      return;
    }
    if (!limiter.allow(now())) {
      logger.warn({ socketId, event: name }, 'rate limited');
      ack?.(fail('rate-limited', `at most ${limit.events} events per ${limit.windowMs / 1000} s; slow down`));
      return;
    }
    next();
  };
}
