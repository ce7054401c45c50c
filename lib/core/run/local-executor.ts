/**
 * The in-process executor: runs nodes as soon as their dependencies are ready.
 * Sync nodes are called directly (no promise per node); nodes that return a
 * promise run concurrently, at most `maxConcurrency` at a time.
 */
import { InvalidInputsError } from '../errors.js';
import { runMessages } from '../messages.js';
import { isPlainObject } from '../values.js';
import type { ExecutionPlan } from './plan.js';
import { argumentsOf, isThenable, namedArguments, toPromise, wrapNodeError } from './call-node.js';
import type { Executor, RunContext } from './executor.js';

/** Options of LocalExecutor. */
export interface LocalExecutorOptions {
  /** How many nodes may be awaiting a promise at once (default 16). */
  readonly maxConcurrency?: number;
}

/**
 * Runs a plan in this process.
 *
 * @example
 * new Builder().withModules(Marketing).withExecutor(new LocalExecutor({ maxConcurrency: 4 })).build();
 */
export class LocalExecutor implements Executor {
  readonly maxConcurrency: number;

  constructor(options: LocalExecutorOptions = {}) {
    if (!isPlainObject(options as unknown)) throw new InvalidInputsError(runMessages.badExecutorOptions(options));
    const max = options.maxConcurrency ?? 16;
    if (!Number.isInteger(max) || max < 1) {
      throw new InvalidInputsError(runMessages.badConcurrency(max));
    }
    this.maxConcurrency = max;
  }

  run(plan: ExecutionPlan, ctx: RunContext): Promise<void> {
    return new Promise<void>((resolve, reject) => new LocalRun(plan, ctx, this.maxConcurrency, resolve, reject).pump());
  }
}

/** One execution's scheduling state. */
class LocalRun {
  private readonly pending: Int32Array;
  private readonly ready: number[] = [];
  private readHead = 0;
  private inFlight = 0;
  private failure: Error | undefined;
  private finished = false;
  private readonly hooked: boolean;

  constructor(
    private readonly plan: ExecutionPlan,
    private readonly ctx: RunContext,
    private readonly max: number,
    private readonly resolve: () => void,
    private readonly reject: (e: Error) => void,
  ) {
    const { graph, compute, inPlan } = plan;
    this.pending = new Int32Array(graph.nodes.length);
    for (const i of compute) {
      let count = 0;
      for (const d of graph.deps[i]!) count += inPlan[d]!;
      this.pending[i] = count;
      if (count === 0) this.ready.push(i);
    }
    this.hooked = ctx.hooks.has('beforeNodeExecute') || ctx.hooks.has('afterNodeExecute');
  }

  /** Runs every ready node; settles the run when nothing is left to do. */
  pump(): void {
    while (this.readHead < this.ready.length && !this.failure && this.inFlight < this.max) {
      const i = this.ready[this.readHead++]!;
      if (this.hooked) {
        this.track(i, this.runHooked(i));
        continue;
      }
      const def = this.plan.graph.nodes[i]!.definition!;
      let out: unknown;
      try {
        out = def.fn.apply(def.thisArg, argumentsOf(this.plan, i, this.ctx) as never[]);
      } catch (e) {
        this.fail(wrapNodeError(def, e));
        break;
      }
      if (isThenable(out)) this.track(i, out);
      else this.complete(i, out);
    }
    if (this.inFlight === 0 && !this.finished) {
      if (this.failure) { this.finished = true; this.reject(this.failure); }
      else if (this.readHead >= this.ready.length) { this.finished = true; this.resolve(); }
    }
  }

  private track(i: number, out: PromiseLike<unknown>): void {
    this.inFlight++;
    // Through a native promise: a foreign thenable may throw from `then`, or call back twice.
    toPromise(out).then(
      (v) => { this.inFlight--; if (!this.failure) this.complete(i, v); this.pump(); },
      (e: unknown) => { this.inFlight--; this.fail(wrapNodeError(this.plan.graph.nodes[i]!.definition!, e)); this.pump(); },
    );
  }

  private complete(i: number, value: unknown): void {
    const { values, graph, inPlan } = this.plan;
    values[i] = value;
    const next = graph.dependents[i]!;
    for (let k = 0; k < next.length; k++) {
      const j = next[k]!;
      if (inPlan[j] && --this.pending[j]! === 0) this.ready.push(j);
    }
  }

  private fail(error: Error): void {
    // The first failure wins; nodes already running finish, nothing new starts.
    this.failure ??= error;
  }

  /** The slow path, taken only when node hooks are registered. */
  private async runHooked(i: number): Promise<unknown> {
    const { runId, hooks } = this.ctx;
    const graphNode = this.plan.graph.nodes[i]!;
    const def = graphNode.definition!;
    const args = argumentsOf(this.plan, i, this.ctx);
    await hooks.emit('beforeNodeExecute', { runId, name: def.name, node: graphNode.info, inputs: namedArguments(def, args) });
    const start = performance.now();
    let value: unknown;
    try {
      value = await def.fn.apply(def.thisArg, args as never[]);
    } catch (error) {
      await hooks.emit('afterNodeExecute', { runId, name: def.name, node: graphNode.info, success: false, error, durationMs: performance.now() - start });
      throw error;
    }
    await hooks.emit('afterNodeExecute', { runId, name: def.name, node: graphNode.info, success: true, value, durationMs: performance.now() - start });
    return value;
  }
}
