/**
 * The worker-thread executor: nodes chosen by tag (or all of them) run in a
 * pool of worker threads (piscina), the others in this thread. Scheduling,
 * hooks, timeouts and memory release are the shared scheduler's; this file
 * only decides where a node's function runs.
 */
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { Piscina } from 'piscina';
import type { Logger } from 'pino';
import { InvalidInputsError, LinkError, NodeExecutionError } from '../../core/errors.js';
import type { CallNode, Executor, RunContext } from '../../core/run/executor.js';
import { callInProcess } from '../../core/run/call-node.js';
import { schedule } from '../../core/run/scheduler.js';
import type { ExecutionPlan } from '../../core/run/plan.js';
import type { FunctionGraph } from '../../core/graph/graph.js';
import { matchesTags, type TagFilter } from '../../core/graph/tag-filter.js';
import type { NodeContext, NodeSpec } from '../../core/node.js';
import type { GraphSource } from '../../core/source/graph-source.js';
import { loadClass } from '../../core/source/rebuild.js';
import { isPlainObject } from '../../core/values.js';
import { unpackValue, type PackedValue } from '../values/pack.js';
import { poolMessages } from './messages.js';
import type { NodeReply, NodeTask } from './protocol.js';
import { reviveError } from './sent-error.js';
import { outgoing } from './transfer.js';
import { replayLogs } from './worker-logs.js';
import { workerLaunch } from './worker-launch.js';

/** Options of WorkerPoolExecutor. */
export interface WorkerPoolExecutorOptions {
  /** Worker threads (default: the machine's available parallelism). */
  readonly threads?: number;
  /** Nodes whose tags match run in workers (as in `listAvailableVariables({ tags })`); default: every node. */
  readonly tags?: TagFilter;
  /** Nodes running or waiting on a promise at once, in workers and in process (default: threads × 2). */
  readonly maxConcurrency?: number;
  /**
   * Move the typed-array buffers of a worker's result to this thread instead of
   * copying them (default true). Turn it off for nodes that return an array they
   * also keep (a module-level constant): a moved buffer is empty in the worker afterwards.
   */
  readonly transferResults?: boolean;
  /** Memory limits of each worker (Node's Worker `resourceLimits`, e.g. `{ maxOldGenerationSizeMb: 512 }`). */
  readonly resourceLimits?: { readonly maxOldGenerationSizeMb?: number; readonly maxYoungGenerationSizeMb?: number; readonly codeRangeSizeMb?: number; readonly stackSizeMb?: number };
  /** Extra Node flags for the workers, after the module-loading flags of this process. */
  readonly execArgv?: readonly string[];
}

/** One graph as the pool knows it: its id in the workers and its source. */
interface PoolGraph {
  readonly id: string;
  readonly source: GraphSource;
  /** routed[i] = 1 when node i runs in a worker. */
  readonly routed: Uint8Array;
}

/**
 * Runs the chosen nodes in worker threads. Each worker rebuilds the graph once
 * from the driver's `graphSource()` (module files and config), so module
 * classes must be exported from module files; values cross as structured
 * clones (arguments copied, results' typed arrays moved), arquero tables as
 * Arrow IPC. Workers are unref'd: an idle pool does not keep the process alive.
 *
 * @example
 * const pool = new WorkerPoolExecutor({ threads: 4, tags: { compute: 'heavy' } });
 * const dr = new Builder().withModules(Features).withExecutor(pool).build();
 * await dr.execute(['model']);
 * await pool.close();
 */
export class WorkerPoolExecutor implements Executor {
  readonly threads: number;
  readonly maxConcurrency: number;
  readonly tags: TagFilter | undefined;
  private readonly transferResults: boolean;
  private readonly resourceLimits: WorkerPoolExecutorOptions['resourceLimits'];
  private readonly extraArgv: readonly string[];
  private pool: Piscina | undefined;
  private readonly graphs = new WeakMap<FunctionGraph, Promise<PoolGraph>>();
  private readonly routed = new WeakMap<FunctionGraph, Uint8Array>();
  private logger: Logger | undefined;

  constructor(options: WorkerPoolExecutorOptions = {}) {
    const threads = options.threads ?? os.availableParallelism();
    if (!Number.isInteger(threads) || threads < 1) throw new InvalidInputsError(poolMessages.badOption('threads', threads, 'a whole number of at least 1'));
    const max = options.maxConcurrency ?? threads * 2;
    if (!Number.isInteger(max) || max < 1) throw new InvalidInputsError(poolMessages.badOption('maxConcurrency', max, 'a whole number of at least 1'));
    if (options.tags !== undefined && !isPlainObject(options.tags)) throw new InvalidInputsError(poolMessages.badOption('tags', options.tags, 'a tag filter object'));
    if (options.execArgv !== undefined && !(Array.isArray(options.execArgv) && options.execArgv.every((a) => typeof a === 'string'))) {
      throw new InvalidInputsError(poolMessages.badOption('execArgv', options.execArgv, 'a list of strings'));
    }
    this.threads = threads;
    this.maxConcurrency = max;
    this.tags = options.tags;
    this.transferResults = options.transferResults ?? true;
    this.resourceLimits = options.resourceLimits;
    this.extraArgv = options.execArgv ?? [];
  }

  async run(plan: ExecutionPlan, ctx: RunContext): Promise<void> {
    this.logger = ctx.logger;
    const first = firstRouted(plan, this.routingOf(plan.graph));
    if (first === undefined) return schedule(plan, ctx, { maxConcurrency: this.maxConcurrency, call: callInProcess });
    const graph = await this.prepare(plan.graph, ctx, first);
    const pool = this.poolNow();
    const signal = abortRelay(ctx.control.signal);
    const call: CallNode = (p, i, args) => (graph.routed[i] ? this.inWorker(pool, graph, p, i, args, ctx, signal) : callInProcess(p, i, args));
    return schedule(plan, ctx, { maxConcurrency: this.maxConcurrency, call });
  }

  /** Stops the workers once their running tasks are done; the next run starts new ones. */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.close();
  }

  /** Stops the workers at once (running tasks fail); the next run starts new ones. */
  async destroy(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.destroy();
  }

  private routingOf(graph: FunctionGraph): Uint8Array {
    let routed = this.routed.get(graph);
    if (!routed) {
      routed = new Uint8Array(graph.nodes.length);
      for (const n of graph.nodes) if (n.spec && (this.tags === undefined || matchesTags(n.spec.tags, this.tags))) routed[n.index] = 1;
      this.routed.set(graph, routed);
    }
    return routed;
  }

  /**
   * The graph's id and source, checked once: its module classes must be
   * findable again by file and name. A failure is kept, and each run reports
   * it for its own first routed node.
   */
  private async prepare(graph: FunctionGraph, ctx: RunContext, first: NodeSpec): Promise<PoolGraph> {
    if (!ctx.source) throw new LinkError(poolMessages.noDriver(first.name, first.origin));
    const source = ctx.source;
    let prepared = this.graphs.get(graph);
    if (!prepared) {
      prepared = (async () => {
        const s = source();
        // In this process the modules are loaded already: importing them again only reads the module cache.
        await Promise.all(s.modules.map(loadClass));
        return { id: randomUUID(), source: s, routed: this.routingOf(graph) };
      })();
      this.graphs.set(graph, prepared);
    }
    try {
      return await prepared;
    } catch (e) {
      throw new LinkError(poolMessages.noSource(first.name, first.origin, e), { cause: e });
    }
  }

  private poolNow(): Piscina {
    if (this.pool) return this.pool;
    const { filename, execArgv } = workerLaunch(process.execArgv, this.extraArgv);
    const pool = new Piscina({
      filename,
      minThreads: this.threads,
      maxThreads: this.threads,
      // Workers keep their rebuilt graphs: an idle worker is not ended.
      idleTimeout: 2 ** 31 - 1,
      execArgv: [...execArgv],
      ...(this.resourceLimits ? { resourceLimits: { ...this.resourceLimits } } : {}),
    });
    // A thread failing outside any task: logged (an 'error' without a listener would end the process).
    pool.on('error', (e: unknown) => this.logger?.error({ err: e }, poolMessages.poolFailed(e)));
    this.pool = pool;
    return pool;
  }

  private inWorker(pool: Piscina, graph: PoolGraph, plan: ExecutionPlan, i: number, args: unknown[], ctx: RunContext, signal: RelaySignal): Promise<unknown> {
    const spec = plan.graph.nodes[i]!.spec!;
    const deps = spec.dependencies;
    const packed: PackedValue[] = new Array(deps.length);
    const transferList: ArrayBuffer[] = [];
    for (let k = 0; k < deps.length; k++) {
      const out = outgoing(args[k], false);
      if (!out.ok) throw new NodeExecutionError(poolMessages.unsendableInput(spec.name, spec.origin, deps[k]!.name, out.reason), spec.name, spec.origin, undefined);
      packed[k] = out.value.packed;
      transferList.push(...out.value.transfer);
    }
    const context = spec.needsContext ? (args[deps.length] as NodeContext) : undefined;
    const task: NodeTask = {
      graph: graph.id,
      source: graph.source,
      node: spec.name,
      dependencies: deps.map((d) => d.name),
      args: packed,
      ...(context ? { context: context.item === undefined ? { runId: context.runId } : { runId: context.runId, item: context.item } } : {}),
      logLevel: ctx.logger.level,
      transferResults: this.transferResults,
    };
    let sent: Promise<NodeReply>;
    try {
      sent = pool.run(task, { transferList, signal }) as Promise<NodeReply>;
    } catch (e) {
      return Promise.reject(new NodeExecutionError(poolMessages.unsendableInput(spec.name, spec.origin, '(arguments)', String(e)), spec.name, spec.origin, e));
    }
    return sent.then(
      (reply) => settle(reply, spec, ctx),
      (e: unknown) => {
        // The run stopped (abort, timeout, a failure elsewhere): the pool ended this node's thread on purpose.
        if (ctx.control.signal.aborted) throw e;
        throw new NodeExecutionError(poolMessages.workerDied(spec.name, spec.origin, e), spec.name, spec.origin, e);
      },
    );
  }
}

function settle(reply: NodeReply, spec: NodeSpec, ctx: RunContext): unknown {
  if (reply.logs.length) replayLogs(ctx.logger, reply.logs);
  if (reply.ok) return unpackValue(reply.value);
  const error = reviveError(reply.error);
  if (reply.stage === 'result') throw new NodeExecutionError(poolMessages.unsendableResult(spec.name, spec.origin, error.message), spec.name, spec.origin, error);
  throw error;
}

function firstRouted(plan: ExecutionPlan, routed: Uint8Array): NodeSpec | undefined {
  const nodes = plan.graph.nodes;
  for (const i of plan.compute) if (routed[i]) return nodes[i]!.spec;
  for (const f of plan.fanOuts) for (const b of f.block) if (routed[b]) return nodes[b]!.spec;
  return undefined;
}

/** What piscina needs of an abort signal, over the run's: one listener on the run, however many tasks. */
interface RelaySignal {
  addEventListener(name: 'abort', listener: () => void): void;
  removeEventListener(name: 'abort', listener: () => void): void;
  readonly aborted: boolean;
  readonly reason: unknown;
}

function abortRelay(signal: AbortSignal): RelaySignal {
  const listeners = new Set<() => void>();
  signal.addEventListener('abort', () => { for (const l of [...listeners]) l(); listeners.clear(); }, { once: true });
  return {
    addEventListener: (_name, listener) => void listeners.add(listener),
    removeEventListener: (_name, listener) => void listeners.delete(listener),
    get aborted() { return signal.aborted; },
    get reason() { return signal.reason; },
  };
}
