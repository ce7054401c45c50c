/**
 * One run on the workers: each remote node becomes a job carrying the run id,
 * the node's name and code hash, the graph's module classes and config, and its
 * input values; results (and failures, with the remote error) come back on the
 * job's completion. A stopped run removes its queued jobs and tells the workers
 * (abort channel); when it ends it removes the values it left in Redis.
 */
import { createHash } from 'node:crypto';
import type { GraphNode } from '../../core/graph/graph.js';
import type { NodeContext } from '../../core/node.js';
import type { RunContext } from '../../core/run/executor.js';
import { MeasuredValue, needsRunner } from '../../core/run/node-runner.js';
import type { ExecutionPlan } from '../../core/run/plan.js';
import type { GraphSource } from '../../core/source/graph-source.js';
import type { BullMQExecutor, Connected } from './bullmq-executor.js';
import { codeHashOf } from './code-hash.js';
import { JobFailedError } from './errors.js';
import { bullmqMessages } from './messages.js';
import { jobIdOf, PROTOCOL_VERSION, type NodeJobData, type WireGraph, type WireValue } from './protocol.js';
import { fromWireError } from './remote-error.js';
import { encodeValue, ValueEncodeError } from './value-codec.js';

const STALLED = /stalled/i;
const graphs = new WeakMap<GraphSource, Promise<WireGraph>>();
const codeHashes = new WeakMap<GraphNode, string>();

/**
 * The remote side of one run.
 *
 * @example
 * const run = new RemoteRun(executor, connected, plan, ctx, source);
 * const value = await run.call(i, args);
 */
export class RemoteRun {
  private seq = 0;
  /** Jobs on the workers: job id to node name. */
  private readonly inFlight = new Map<string, string>();
  /** Redis keys of this run's values. */
  private readonly keys: string[] = [];
  /** Values already in Redis or encoded, by identity: a value read by several nodes travels once. */
  private readonly wires = new WeakMap<object, Promise<WireValue>>();
  private stopped = false;

  constructor(
    private readonly executor: BullMQExecutor,
    private readonly c: Connected,
    private readonly plan: ExecutionPlan,
    private readonly ctx: RunContext,
    private readonly source: GraphSource,
  ) {}

  /** Runs node i on a worker; resolves with its value (a MeasuredValue on the hooks' path). */
  async call(i: number, args: unknown[]): Promise<unknown> {
    const node = this.plan.graph.nodes[i]!;
    const spec = node.spec!;
    const depCount = this.plan.graph.deps[i]!.length;
    const item = spec.needsContext ? (args[depCount] as NodeContext | undefined)?.item : undefined;
    const ttl = this.executor.valueTtlMs;
    const [graph, ...wired] = await Promise.all([
      graphOf(this.source),
      ...args.slice(0, depCount).map((v, k) => this.wire(v, spec.name, spec.origin, `its input ${JSON.stringify(spec.dependencies[k]!.name)}`, ttl)),
    ]);
    if (this.stopped) throw this.ctx.control.errorFor([]);
    const runId = this.ctx.runId;
    const data: NodeJobData = {
      v: PROTOCOL_VERSION,
      runId,
      node: spec.name,
      ...(item === undefined ? {} : { item }),
      graph: graph!,
      code: codeHash(node),
      args: wired as WireValue[],
      valueTtlMs: ttl,
    };
    const jobId = jobIdOf(runId, this.seq++);
    this.inFlight.set(jobId, spec.name);
    const failed = (reason: string) =>
      new JobFailedError(STALLED.test(reason) ? bullmqMessages.stalled(spec.name, spec.origin, jobId, reason) : bullmqMessages.jobFailed(spec.name, spec.origin, jobId, reason), spec.name, jobId, reason);
    let result;
    try {
      result = await this.c.results.wait(jobId, () => this.c.queue.add(spec.name, data, { jobId, attempts: 1, removeOnComplete: true, removeOnFail: true }), failed);
    } finally {
      this.inFlight.delete(jobId);
    }
    if (!result.ok) throw fromWireError(result.error);
    const value = await this.c.store.get(result.value);
    if ('key' in result.value) {
      this.keys.push(result.value.key);
      if (value !== null && typeof value === 'object') this.wires.set(value, Promise.resolve(result.value));
    }
    return needsRunner(this.plan, i, this.ctx) ? new MeasuredValue(value, result.durationMs) : value;
  }

  /** The run stopped (abort, timeout, a failure): queued jobs are removed, running ones see the abort. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    // Publish first: a worker that takes one of the jobs before it is removed already knows.
    await this.c.redis.publish(this.c.names.abortChannel, this.ctx.runId).catch(() => undefined);
    await Promise.allSettled([...this.inFlight.keys()].map((id) => this.c.queue.remove(id)));
  }

  /** The run ended: nothing waits any more, and its values leave Redis. */
  async cleanup(): Promise<void> {
    this.c.results.abandon(this.inFlight.keys());
    await this.c.store.remove(this.keys).catch(() => undefined);
  }

  private wire(value: unknown, name: string, origin: string | undefined, what: string, ttl: number): Promise<WireValue> {
    const put = () =>
      this.c.store.put(this.ctx.runId, value, ttl).then(
        (w) => {
          if ('key' in w) this.keys.push(w.key);
          return w;
        },
        (e: unknown) => {
          throw e instanceof ValueEncodeError ? new TypeError(bullmqMessages.cannotSend(name, origin, what, e.reason)) : e;
        },
      );
    if (value === null || typeof value !== 'object') return put();
    let w = this.wires.get(value);
    if (!w) this.wires.set(value, (w = put()));
    return w;
  }
}

/** The graph part of every job of a source: its classes, encoded config and their hash (once per source). */
function graphOf(source: GraphSource): Promise<WireGraph> {
  let g = graphs.get(source);
  if (!g) {
    g = encodeValue(source.config).then((bytes) => {
      const classes = source.modules.map((m) => m.className);
      const config = bytes.toString('base64');
      const hash = createHash('sha256').update(JSON.stringify(classes)).update(config).digest('hex').slice(0, 32);
      return { classes, config, hash };
    });
    graphs.set(source, g);
  }
  return g;
}

function codeHash(node: GraphNode): string {
  let h = codeHashes.get(node);
  if (h === undefined) codeHashes.set(node, (h = codeHashOf(node)));
  return h;
}
