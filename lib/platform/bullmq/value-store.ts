/**
 * Values on their way through Redis: small ones inline in the job (base64 of
 * their bytes), larger ones under a key of their run, with a time to live so
 * that nothing outlives a crashed driver for long.
 */
import type { Redis } from 'ioredis';
import { decodeValue, encodeValue } from './value-codec.js';
import { bullmqMessages } from './messages.js';
import type { WireValue } from './protocol.js';

/** Where values go and when they stay inline. */
export interface ValueStoreOptions {
  /** Encoded values up to this many bytes travel inside the job (default 16 KiB). */
  readonly inlineLimitBytes: number;
  /** Names the key of a stored value. */
  readonly keyOf: (runId: string, id: string) => string;
}

/**
 * Puts and gets the values of runs.
 *
 * @example
 * const wire = await store.put(runId, new Float64Array(1e6), 60_000); // { key, bytes }
 * const back = await store.get(wire);
 */
export class ValueStore {
  constructor(
    private readonly redis: Redis,
    private readonly options: ValueStoreOptions,
  ) {}

  /** The value as it travels; encodes it (ValueEncodeError when it cannot). */
  async put(runId: string, value: unknown, ttlMs: number): Promise<WireValue> {
    const bytes = await encodeValue(value);
    if (bytes.length <= this.options.inlineLimitBytes) return { b64: bytes.toString('base64') };
    const key = this.options.keyOf(runId, globalThis.crypto.randomUUID());
    await this.redis.set(key, bytes, 'PX', Math.max(1, Math.round(ttlMs)));
    return { key, bytes: bytes.length };
  }

  /** The value again; an Error naming the key when it expired or was removed. */
  async get(wire: WireValue): Promise<unknown> {
    if ('b64' in wire) return decodeValue(Buffer.from(wire.b64, 'base64'));
    const bytes = await this.redis.getBuffer(wire.key);
    if (!bytes) throw new Error(bullmqMessages.valueGone(wire.key));
    return decodeValue(bytes);
  }

  /** Removes stored values (keys of WireValues), ignoring the ones already gone. */
  async remove(keys: readonly string[]): Promise<void> {
    for (let k = 0; k < keys.length; k += 500) await this.redis.del(...keys.slice(k, k + 500));
  }
}
