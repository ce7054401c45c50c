/**
 * The BullMQ executor: nodes run as BullMQ jobs on Redis, taken by
 * `hamilton-ts worker` processes on any host. The driver keeps scheduling
 * (the shared scheduler); only where a node runs changes. bullmq, ioredis and
 * the value codec load with the first run, not with hamilton-ts.
 */
import type { ConnectionOptions, Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { InvalidInputsError } from '../../core/errors.js';
import { matchesTags, type TagFilter } from '../../core/graph/tag-filter.js';
import type { Executor, RunContext } from '../../core/run/executor.js';
import type { ExecutionPlan } from '../../core/run/plan.js';
import { callInProcess } from '../../core/run/call-node.js';
import { schedule } from '../../core/run/scheduler.js';
import { isPlainObject } from '../../core/values.js';
import { addressOf, bullmqClient, DEFAULT_REDIS, openClient, type RedisConnection } from './connection.js';
import { QueueConnectionError } from './errors.js';
import { JobResults } from './job-results.js';
import { bullmqMessages } from './messages.js';
import { queueNames } from './protocol.js';
import type { ValueStore } from './value-store.js';

/** Options of BullMQExecutor. */
export interface BullMQExecutorOptions {
  /** The BullMQ queue the workers take jobs from (no `:` in it). */
  readonly queue: string;
  /** Where Redis is (default `redis://127.0.0.1:6379`). */
  readonly connection?: RedisConnection;
  /** Only nodes with these tags run on workers; the others run in this process. Default: every node. */
  readonly tags?: TagFilter;
  /** How many nodes may be on the workers at once (default 64). */
  readonly maxConcurrency?: number;
  /** Encoded values up to this many bytes travel inside the job; larger ones under a Redis key (default 16 KiB). */
  readonly inlineLimitBytes?: number;
  /** How long a value stored in Redis may live, in ms (default one hour); each run removes its own when it ends. */
  readonly valueTtlMs?: number;
  /** How long to wait for Redis when connecting, in ms (default 3000). */
  readonly connectTimeoutMs?: number;
  /** How long nodes on the workers wait for a lost connection to come back before they fail, in ms (default 10,000). */
  readonly reconnectTimeoutMs?: number;
  /** BullMQ's key prefix (default `bull`); workers must use the same. */
  readonly prefix?: string;
}

/** What one executor keeps open between runs. */
export interface Connected {
  readonly redis: Redis;
  /** The clients BullMQ uses, cut on close. */
  readonly clients: readonly Redis[];
  readonly queue: Queue;
  readonly events: QueueEvents;
  readonly results: JobResults;
  readonly store: ValueStore;
  readonly names: ReturnType<typeof queueNames>;
}

/**
 * Runs nodes as BullMQ jobs. Start workers with `hamilton-ts worker <modules...> --queue name`;
 * call `close()` when done, or the open connections keep the process alive.
 *
 * @example
 * const executor = new BullMQExecutor({ queue: 'features', connection: 'redis://127.0.0.1:6379' });
 * const dr = new Builder().withModules(Features).withExecutor(executor).build();
 * try { await dr.execute(['score'], { inputs }); } finally { await executor.close(); }
 */
export class BullMQExecutor implements Executor {
  readonly queue: string;
  readonly connection: RedisConnection;
  readonly tags: TagFilter | undefined;
  readonly maxConcurrency: number;
  readonly inlineLimitBytes: number;
  readonly valueTtlMs: number;
  readonly connectTimeoutMs: number;
  readonly reconnectTimeoutMs: number;
  readonly prefix: string;
  private connecting: Promise<Connected> | undefined;

  constructor(options: BullMQExecutorOptions) {
    if (!isPlainObject(options as unknown)) throw new InvalidInputsError(bullmqMessages.badOptions(options));
    const { queue } = options;
    if (typeof queue !== 'string' || queue === '' || queue.includes(':')) throw new InvalidInputsError(bullmqMessages.badQueueName(queue));
    this.queue = queue;
    this.connection = options.connection ?? DEFAULT_REDIS;
    if (typeof this.connection !== 'string' && !isPlainObject(this.connection as unknown)) {
      throw new InvalidInputsError(bullmqMessages.badOption('connection', this.connection, "a Redis URL or ioredis options such as { host: '127.0.0.1', port: 6379 }"));
    }
    if (options.tags !== undefined && !isPlainObject(options.tags as unknown)) throw new InvalidInputsError(bullmqMessages.badOption('tags', options.tags, "a tag filter such as { remote: 'true' }"));
    this.tags = options.tags;
    this.maxConcurrency = whole('maxConcurrency', options.maxConcurrency, 64);
    this.inlineLimitBytes = whole('inlineLimitBytes', options.inlineLimitBytes, 16 * 1024, 0);
    this.valueTtlMs = whole('valueTtlMs', options.valueTtlMs, 3_600_000);
    this.connectTimeoutMs = whole('connectTimeoutMs', options.connectTimeoutMs, 3000);
    this.reconnectTimeoutMs = whole('reconnectTimeoutMs', options.reconnectTimeoutMs, 10_000);
    this.prefix = options.prefix ?? 'bull';
  }

  async run(plan: ExecutionPlan, ctx: RunContext): Promise<void> {
    const remote = this.remoteNodes(plan);
    if (!remote) return schedule(plan, ctx, { maxConcurrency: this.maxConcurrency, call: callInProcess });
    if (!ctx.source) throw new InvalidInputsError(bullmqMessages.noSource());
    const source = ctx.source();
    const connected = await this.connect();
    const { RemoteRun } = await import('./remote-run.js');
    const run = new RemoteRun(this, connected, plan, ctx, source);
    const stop = () => void run.stop();
    ctx.control.signal.addEventListener('abort', stop, { once: true });
    try {
      await schedule(plan, ctx, { maxConcurrency: this.maxConcurrency, call: (p, i, args) => (remote[i] ? run.call(i, args) : callInProcess(p, i, args)) });
    } finally {
      ctx.control.signal.removeEventListener('abort', stop);
      void run.cleanup();
    }
  }

  /** Connects (once; again after a failure): a QueueConnectionError at once when Redis cannot be reached. */
  connect(): Promise<Connected> {
    this.connecting ??= this.open().catch((e: unknown) => {
      this.connecting = undefined;
      throw e;
    });
    return this.connecting;
  }

  /** Closes the connections to Redis (a later run connects again). */
  async close(): Promise<void> {
    const connecting = this.connecting;
    this.connecting = undefined;
    if (!connecting) return;
    const c = await connecting.catch(() => undefined);
    if (!c) return;
    // A graceful close waits for Redis; when Redis is gone, give up after a moment and cut the connections.
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([Promise.allSettled([c.events.close(), c.queue.close()]), new Promise((r) => (timer = setTimeout(r, 2000)))]);
    clearTimeout(timer);
    for (const client of [...c.clients, c.redis]) client.disconnect();
  }

  /** remote[i] = 1 for the planned nodes that go to workers; undefined when none does. */
  private remoteNodes(plan: ExecutionPlan): Uint8Array | undefined {
    const { graph, compute } = plan;
    const remote = new Uint8Array(graph.nodes.length);
    const sources = new Set(plan.fanOuts.map((f) => f.source));
    let any = false;
    const consider = (i: number) => {
      // A fan-out's source yields its items lazily, here: it cannot travel.
      if (sources.has(i) || (this.tags && !matchesTags(graph.nodes[i]!.info.tags, this.tags))) return;
      remote[i] = 1;
      any = true;
    };
    for (const i of compute) consider(i);
    for (const f of plan.fanOuts) for (const b of f.block) consider(b);
    return any ? remote : undefined;
  }

  private async open(): Promise<Connected> {
    const redis = await openClient(this.connection, { queue: this.queue, connectTimeoutMs: this.connectTimeoutMs });
    try {
      const [{ Queue, QueueEvents }, { ValueStore }] = await Promise.all([import('bullmq'), import('./value-store.js')]);
      const clients = await Promise.all([bullmqClient(this.connection, this.connectTimeoutMs), bullmqClient(this.connection, this.connectTimeoutMs)]);
      // Start reading events after the last one already there: nothing between now and the first read is lost.
      const last = (await redis.xrevrange(`${this.prefix}:${this.queue}:events`, '+', '-', 'COUNT', 1))[0]?.[0] ?? '0-0';
      const queue = new Queue(this.queue, { connection: clients[0] as unknown as ConnectionOptions, prefix: this.prefix });
      const events = new QueueEvents(this.queue, { connection: clients[1] as unknown as ConnectionOptions, prefix: this.prefix, lastEventId: last });
      queue.on('error', () => undefined);
      events.on('error', () => undefined);
      await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
      const names = queueNames(this.prefix, this.queue);
      const store = new ValueStore(redis, { inlineLimitBytes: this.inlineLimitBytes, keyOf: names.valueKey });
      // A result that comes after its run ended: its stored value is removed.
      const results = new JobResults(events, (r) => {
        if (r.ok && 'key' in r.value) void store.remove([r.value.key]).catch(() => undefined);
      });
      this.watchConnection(redis, results);
      return { redis, clients, queue, events, results, store, names };
    } catch (e) {
      redis.disconnect();
      if (e instanceof QueueConnectionError) throw e;
      const address = addressOf(this.connection);
      throw new QueueConnectionError(bullmqMessages.unreachable(address, this.queue, e), address, this.queue, { cause: e });
    }
  }

  /** Nodes on the workers fail when the connection is lost for longer than reconnectTimeoutMs. */
  private watchConnection(redis: Redis, results: JobResults): void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const address = addressOf(this.connection);
    redis.on('close', () => {
      if (timer || results.size === 0) return;
      timer = setTimeout(() => {
        timer = undefined;
        results.failAll(() => new QueueConnectionError(bullmqMessages.lost(address, this.queue, this.reconnectTimeoutMs), address, this.queue));
      }, this.reconnectTimeoutMs);
      timer.unref?.();
    });
    redis.on('ready', () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
    });
  }
}

function whole(name: string, value: number | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min) throw new InvalidInputsError(bullmqMessages.badOption(name, value, `a whole number of at least ${min}`));
  return value;
}
