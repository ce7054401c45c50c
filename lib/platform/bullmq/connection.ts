/**
 * Where Redis is, and a first connection that fails at once, with a clear
 * error, when it cannot be reached: nothing waits on an endless reconnect loop.
 * ioredis and BullMQ are imported on first use, not with hamilton-ts.
 */
import type { ConnectionOptions } from 'bullmq';
import type { Redis, RedisOptions } from 'ioredis';
import { QueueConnectionError } from './errors.js';
import { bullmqMessages } from './messages.js';

/** A Redis URL (`redis://host:port/db`) or ioredis options (`{ host, port, password, db, tls }`). */
export type RedisConnection = string | RedisOptions;

/** The default: Redis on this machine's loopback interface. */
export const DEFAULT_REDIS = 'redis://127.0.0.1:6379';

/**
 * `host:port` of a connection, for messages.
 *
 * @example
 * addressOf('redis://127.0.0.1:6390'); // '127.0.0.1:6390'
 */
export function addressOf(c: RedisConnection): string {
  if (typeof c === 'string') {
    try {
      const u = new URL(c);
      return `${u.hostname || '127.0.0.1'}:${u.port || '6379'}`;
    } catch {
      return c;
    }
  }
  return c.path ?? `${c.host ?? '127.0.0.1'}:${c.port ?? 6379}`;
}

/**
 * The connection option BullMQ takes for the same Redis.
 *
 * @example
 * new Queue('q', { connection: bullmqConnection('redis://127.0.0.1:6390', 3000) });
 */
export function bullmqConnection(c: RedisConnection, connectTimeoutMs: number): ConnectionOptions {
  // The same ioredis options; BullMQ's own typing of them is looser.
  return (typeof c === 'string' ? { url: c, connectTimeout: connectTimeoutMs } : { ...c, connectTimeout: connectTimeoutMs }) as ConnectionOptions;
}

/**
 * An ioredis client for BullMQ to use (its blocking reads need
 * `maxRetriesPerRequest: null`). Owning it lets a close cut it even when Redis
 * is gone, where BullMQ's own close would wait for a reconnection.
 *
 * @example
 * new QueueEvents('q', { connection: await bullmqClient('redis://127.0.0.1:6379', 3000) as never });
 */
export async function bullmqClient(c: RedisConnection, connectTimeoutMs: number): Promise<Redis> {
  const { Redis } = await import('ioredis');
  const settings: RedisOptions = { ...(typeof c === 'string' ? {} : c), maxRetriesPerRequest: null, connectTimeout: connectTimeoutMs };
  const client = typeof c === 'string' ? new Redis(c, settings) : new Redis(settings);
  client.on('error', () => undefined); // BullMQ reports through its own events
  return client;
}

/**
 * A connected ioredis client that answered PING; a QueueConnectionError at
 * once (within `connectTimeoutMs`) when Redis does not answer. After the first
 * connection it reconnects as usual; commands fail instead of queueing forever.
 *
 * @example
 * const redis = await openClient('redis://127.0.0.1:6379', { queue: 'q', connectTimeoutMs: 3000 });
 */
export async function openClient(c: RedisConnection, options: { queue: string; connectTimeoutMs: number }): Promise<Redis> {
  const { Redis } = await import('ioredis');
  let connected = false;
  const settings: RedisOptions = {
    ...(typeof c === 'string' ? {} : c),
    lazyConnect: true,
    connectTimeout: options.connectTimeoutMs,
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => (connected ? Math.min(times * 100, 2000) : null),
  };
  const client = typeof c === 'string' ? new Redis(c, settings) : new Redis(settings);
  client.on('error', () => undefined); // reported through the commands that fail
  const address = addressOf(c);
  try {
    await withTimeout(client.connect().then(() => client.ping()), options.connectTimeoutMs);
    connected = true;
  } catch (e) {
    client.disconnect();
    throw new QueueConnectionError(bullmqMessages.unreachable(address, options.queue, e), address, options.queue, { cause: e });
  }
  return client;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    p.then(
      (v) => { clearTimeout(timer); resolve(v); },
      (e: unknown) => { clearTimeout(timer); reject(e); },
    );
  });
}
