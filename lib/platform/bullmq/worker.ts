/**
 * A worker process's engine: takes node jobs from one BullMQ queue and runs
 * them on graphs rebuilt from its own modules. Several workers, in several
 * processes or on several hosts, share one queue; a job whose worker dies is
 * taken again by another (BullMQ's stalled-job check), up to `maxStalledCount`
 * times. `close()` finishes the jobs in flight first.
 */
import { hostname } from 'node:os';
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { isPlainObject } from '../../core/values.js';
import { InvalidInputsError } from '../../core/errors.js';
import type { Module } from '../../core/resolve/resolve.js';
import { bullmqConnection, DEFAULT_REDIS, openClient, type RedisConnection } from './connection.js';
import { bullmqMessages } from './messages.js';
import { queueNames, type NodeJobData, type NodeJobResult } from './protocol.js';

/** Options of a NodeWorker. */
export interface NodeWorkerOptions {
  readonly queue: string;
  /** The classes (or instances) whose nodes this worker runs. */
  readonly modules: readonly Module[];
  readonly logger: Logger;
  /** Default `redis://127.0.0.1:6379`. */
  readonly connection?: RedisConnection;
  /** Jobs run at once in this process (default 1: CPU-bound nodes gain nothing from more). */
  readonly concurrency?: number;
  /** BullMQ's key prefix (default `bull`), the same as the driver's. */
  readonly prefix?: string;
  /** How long a job stays locked to this worker without a renewal, in ms (BullMQ's lockDuration, default 30,000). */
  readonly lockDurationMs?: number;
  /** How often this worker looks for jobs whose worker died, in ms (BullMQ's stalledInterval, default 30,000). */
  readonly stalledIntervalMs?: number;
  /** How often a job may be taken again after its worker died before it fails (BullMQ's maxStalledCount, default 1). */
  readonly maxStalledCount?: number;
  readonly connectTimeoutMs?: number;
}

/** How long a stopped run's id is remembered, so its late jobs are not started. */
const STOPPED_FOR_MS = 3_600_000;

/**
 * A running worker.
 *
 * @example
 * const worker = await NodeWorker.start({ queue: 'features', modules: [Features], logger });
 * process.once('SIGTERM', () => void worker.close());
 */
export class NodeWorker {
  /** `host:pid`, as messages name this worker. */
  readonly name = `${hostname()}:${process.pid}`;
  private readonly stopped = new Map<string, number>();
  private readonly running = new Map<string, Set<AbortController>>();
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly worker: Worker,
    private readonly redis: Redis,
    private readonly subscriber: Redis,
  ) {}

  /** Connects (a QueueConnectionError at once when Redis cannot be reached) and starts taking jobs. */
  static async start(options: NodeWorkerOptions): Promise<NodeWorker> {
    if (!isPlainObject(options as unknown) || typeof options.queue !== 'string' || options.queue === '' || options.queue.includes(':')) {
      throw new InvalidInputsError(bullmqMessages.badQueueName(options?.queue));
    }
    const connection = options.connection ?? DEFAULT_REDIS;
    const connectTimeoutMs = options.connectTimeoutMs ?? 3000;
    const prefix = options.prefix ?? 'bull';
    const redis = await openClient(connection, { queue: options.queue, connectTimeoutMs });
    const subscriber = redis.duplicate();
    subscriber.on('error', () => undefined);
    const names = queueNames(prefix, options.queue);
    await subscriber.subscribe(names.abortChannel);
    // Loaded here, not with hamilton-ts: the codec, the code hashes and BullMQ are only a worker's business.
    const [{ Worker }, { runNodeJob }, { ValueStore }, { WorkerGraphs }] = await Promise.all([
      import('bullmq'),
      import('./node-job.js'),
      import('./value-store.js'),
      import('./worker-graphs.js'),
    ]);
    let self: NodeWorker | undefined;
    const logger = options.logger.child({ queue: options.queue, worker: `${hostname()}:${process.pid}` });
    const graphs = new WorkerGraphs(options.modules, logger, `${hostname()}:${process.pid}`);
    const store = new ValueStore(redis, { inlineLimitBytes: 16 * 1024, keyOf: names.valueKey });
    const worker = new Worker<NodeJobData, NodeJobResult>(
      options.queue,
      (job) =>
        runNodeJob(job.data, job.id ?? '', {
          graphs,
          store,
          worker: self!.name,
          logger,
          isStopped: (runId) => self!.stopped.has(runId),
          signalOf: (runId) => self!.signalOf(runId),
        }),
      {
        connection: bullmqConnection(connection, connectTimeoutMs),
        prefix,
        concurrency: options.concurrency ?? 1,
        ...(options.lockDurationMs === undefined ? {} : { lockDuration: options.lockDurationMs }),
        ...(options.stalledIntervalMs === undefined ? {} : { stalledInterval: options.stalledIntervalMs }),
        ...(options.maxStalledCount === undefined ? {} : { maxStalledCount: options.maxStalledCount }),
        autorun: false,
      },
    );
    worker.on('error', (e) => logger.error({ err: e }, 'worker error'));
    self = new NodeWorker(worker, redis, subscriber);
    subscriber.on('message', (_channel: string, runId: string) => {
      logger.info({ runId }, bullmqMessages.runAborted);
      self!.stop(runId);
    });
    void worker.run().catch((e: unknown) => logger.error({ err: e }, 'worker error'));
    await worker.waitUntilReady();
    logger.info({ concurrency: options.concurrency ?? 1 }, bullmqMessages.workerStarted);
    return self;
  }

  /** Finishes the jobs in flight, takes no new ones, and disconnects. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.worker.close();
      this.subscriber.disconnect();
      this.redis.disconnect();
    })();
    return this.closing;
  }

  private stop(runId: string): void {
    const now = Date.now();
    for (const [id, at] of this.stopped) if (now - at > STOPPED_FOR_MS) this.stopped.delete(id);
    this.stopped.set(runId, now);
    for (const c of this.running.get(runId) ?? []) c.abort(new Error(bullmqMessages.aborted(runId)));
  }

  private signalOf(runId: string): { signal: AbortSignal; done(): void } {
    const controller = new AbortController();
    let set = this.running.get(runId);
    if (!set) this.running.set(runId, (set = new Set()));
    set.add(controller);
    return {
      signal: controller.signal,
      done: () => {
        set.delete(controller);
        if (set.size === 0) this.running.delete(runId);
      },
    };
  }
}
