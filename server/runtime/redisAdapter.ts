// Socket.IO across nodes: the Redis Streams adapter (it supports connection state recovery; the plain
// pub/sub adapter does not) on a node-redis client. Rooms and broadcasts span every node; a client
// that reconnects to another node can recover its socket from the stream.
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Logger } from 'pino';
import type { RedisClientType } from 'redis';
import { createClient } from 'redis';
import type { ServerOptions } from 'socket.io';

export interface RedisAdapter {
  /** the `adapter` option of the Socket.IO server */
  adapter: NonNullable<ServerOptions['adapter']>;
  close(): Promise<void>;
}

/**
 * The publishing client refuses commands while Redis is away instead of queueing them: a broadcast
 * then fails its publish and the adapter still delivers it to this node's sockets (where the lease
 * keeps a session's trainee), so a Redis restart delays nothing local. The reading clients the
 * adapter duplicates keep the offline queue: their XREAD loop retries at once on an error, and a
 * refused command would make it spin.
 */
export async function connectRedisAdapter(url: string, logger: Logger): Promise<RedisAdapter> {
  const client: RedisClientType = createClient({ url, disableOfflineQueue: true, socket: { reconnectStrategy: (retries) => Math.min(50 + retries * 50, 500) } });
  let up = false;
  client.on('error', (err: unknown) => {
    if (!up) return;
    up = false;
    logger.warn({ err: String(err) }, 'redis connection lost; broadcasts reach this node only until it is back');
  });
  client.on('ready', () => {
    if (up) return;
    up = true;
    logger.info('redis connected');
  });
  await client.connect();
  const duplicate = client.duplicate.bind(client);
  const forAdapter = new Proxy(client, {
    get(target, property) {
      if (property === 'duplicate') return (overrides?: object) => duplicate({ ...overrides, disableOfflineQueue: false });
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      // The adapter leaves some commands' promises unawaited (persisting a socket's session on
      // disconnect, pub/sub publishes): while Redis is away they would be unhandled rejections.
      return (...args: unknown[]) => {
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (result instanceof Promise) result.catch(() => undefined);
        return result;
      };
    },
  });
  return {
    adapter: createAdapter(forAdapter, { onlyPlaintext: true }),
    async close() {
      // The adapter's readers are closed by io.close(); this is the publishing client.
      await client.close().catch(() => undefined);
    },
  };
}
