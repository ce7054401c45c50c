/**
 * The scheduler every executor shares: starts each node as soon as its
 * dependencies are ready, at most `maxConcurrency` awaiting a promise at once,
 * releases each intermediate value as soon as no remaining node needs it, and
 * settles at once on the first failure, abort or timeout. Where a node's
 * function runs is the executor's `call`.
 */
import type { CallNode, RunContext } from './executor.js';
import { argumentsOf, isThenable, toPromise, wrapNodeError } from './call-node.js';
import { needsRunner, runWithHooks } from './node-runner.js';
import type { ExecutionPlan } from './plan.js';
import { FanOuts } from './fan-out.js';

/** How a scheduler runs nodes. */
export interface ScheduleOptions {
  readonly maxConcurrency: number;
  readonly call: CallNode;
  /** Release intermediate values as soon as nothing needs them (default true). */
  readonly release?: boolean;
}

/**
 * Runs a plan to completion.
 *
 * @example
 * await schedule(plan, ctx, { maxConcurrency: 16, call: callInProcess });
 */
export function schedule(plan: ExecutionPlan, ctx: RunContext, options: ScheduleOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => new Scheduler(plan, ctx, options, resolve, reject).start());
}

class Scheduler {
  private readonly pending: Int32Array;
  /** uses[d]: how many planned nodes still have to read node d's value. */
  private readonly uses: Int32Array | undefined;
  private readonly keep: Uint8Array;
  private readonly ready: number[] = [];
  private readHead = 0;
  private inFlight = 0;
  private readonly running = new Set<number>();
  private finished = false;
  private readonly slow: boolean;
  private readonly fanOuts: FanOuts | undefined;
  private readonly onAbort = () => this.settleStopped();

  constructor(
    private readonly plan: ExecutionPlan,
    private readonly ctx: RunContext,
    private readonly options: ScheduleOptions,
    private readonly resolve: () => void,
    private readonly reject: (e: Error) => void,
  ) {
    const { graph, compute, inPlan, outputIndices } = plan;
    const n = graph.nodes.length;
    this.pending = new Int32Array(n);
    this.keep = new Uint8Array(n);
    for (let k = 0; k < outputIndices.length; k++) this.keep[outputIndices[k]!] = 1;
    this.uses = options.release === false ? undefined : new Int32Array(n);
    this.fanOuts = plan.fanOuts.length
      ? new FanOuts(plan, ctx, options.call, options.maxConcurrency, (e) => this.fail(e), (i, v) => this.finishFanOut(i, v))
      : undefined;
    for (let c = 0; c < compute.length; c++) {
      const i = compute[c]!;
      // A fan-out waits for everything its block reads from outside, and keeps it until the fan-out is done.
      const deps = this.depsOf(i);
      let count = 0;
      for (let k = 0; k < deps.length; k++) {
        const d = deps[k]!;
        count += inPlan[d]!;
        if (this.uses) this.uses[d]!++;
      }
      this.pending[i] = count;
      if (count === 0) this.ready.push(i);
    }
    if (this.fanOuts) this.wireFanOuts();
    this.slow = ctx.hooks.wrapsNodes;
  }

  /** waiters[d]: fan-out sources that wait for node d without a graph edge (their block reads it). */
  private waiters: (number[] | undefined)[] | undefined;

  private depsOf(i: number): ArrayLike<number> {
    return this.fanOuts?.owns(i) ? this.fanOuts.of(i).outerDeps : this.plan.graph.deps[i]!;
  }

  private wireFanOuts(): void {
    const { graph, inPlan } = this.plan;
    this.waiters = [];
    for (const f of this.plan.fanOuts) {
      const direct = new Set(graph.deps[f.source]!);
      for (const d of f.outerDeps) if (inPlan[d] && !direct.has(d)) (this.waiters[d] ??= []).push(f.source);
      // A collect node also waits for the whole fan-out.
      for (const c of f.collects) if (!graph.deps[c.node]!.includes(f.source)) this.pending[c.node]!++;
    }
    // Collect nodes that became "ready" by count only because their collected input is not planned wait too.
    const ready = this.ready.filter((i) => this.pending[i] === 0);
    this.ready.length = 0;
    this.ready.push(...ready);
  }

  private finishFanOut(source: number, value: unknown): void {
    if (this.finished) return;
    const f = this.fanOuts!.of(source);
    const { graph } = this.plan;
    for (const c of f.collects) if (!graph.deps[c.node]!.includes(source) && --this.pending[c.node]! === 0) this.ready.push(c.node);
    this.releaseAll(f.outerDeps);
    this.finishAsync(source, value);
  }

  start(): void {
    const signal = this.ctx.control.signal;
    if (signal.aborted) return this.settleStopped();
    signal.addEventListener('abort', this.onAbort, { once: true });
    this.pump();
  }

  /** Runs every ready node; settles the run when nothing is left to do. */
  private pump(): void {
    const { plan, ctx, options } = this;
    const { graph, values } = plan;
    const max = options.maxConcurrency;
    while (this.readHead < this.ready.length && !this.finished && this.inFlight < max) {
      const i = this.ready[this.readHead++]!;
      if (this.fanOuts?.owns(i)) {
        this.inFlight++;
        this.running.add(i);
        this.fanOuts.start(i, values);
        continue;
      }
      const args = argumentsOf(plan, i, ctx, values);
      this.released(i);
      let out: unknown;
      try {
        out = this.slow || needsRunner(plan, i, ctx) ? runWithHooks(plan, i, args, ctx, options.call) : options.call(plan, i, args);
      } catch (e) {
        this.fail(wrapNodeError(graph.nodes[i]!.spec!, e));
        return;
      }
      if (isThenable(out)) this.track(i, out);
      else this.complete(i, out);
    }
    if (!this.finished && this.inFlight === 0 && this.readHead >= this.ready.length) this.settle();
  }

  private track(i: number, out: PromiseLike<unknown>): void {
    this.inFlight++;
    this.running.add(i);
    // Through a native promise: a foreign thenable may throw from `then`, or call back twice.
    toPromise(out).then(
      (v) => this.finishAsync(i, v),
      (e: unknown) => {
        if (this.finished) return;
        this.inFlight--;
        this.running.delete(i);
        this.fail(wrapNodeError(this.plan.graph.nodes[i]!.spec!, e));
      },
    );
  }

  private finishAsync(i: number, v: unknown): void {
    if (this.finished) return;
    this.inFlight--;
    this.running.delete(i);
    this.complete(i, v);
    this.pump();
  }

  private complete(i: number, value: unknown): void {
    const { values, graph, inPlan } = this.plan;
    // A value nothing reads and nobody asked for is not kept.
    values[i] = this.uses && this.uses[i] === 0 && !this.keep[i] ? undefined : value;
    const next = graph.dependents[i]!;
    for (let k = 0; k < next.length; k++) {
      const j = next[k]!;
      if (inPlan[j] && --this.pending[j]! === 0) this.ready.push(j);
    }
    const waiting = this.waiters?.[i];
    if (waiting) for (const j of waiting) if (--this.pending[j]! === 0) this.ready.push(j);
  }

  /** Node i has read its arguments: drop each dependency value no remaining node needs. */
  private released(i: number): void {
    this.releaseAll(this.plan.graph.deps[i]!);
  }

  private releaseAll(deps: ArrayLike<number>): void {
    const uses = this.uses;
    if (!uses) return;
    const values = this.plan.values;
    for (let k = 0; k < deps.length; k++) {
      const d = deps[k]!;
      if (--uses[d]! === 0 && !this.keep[d]) values[d] = undefined;
    }
  }

  private fail(error: Error): void {
    if (this.finished) return;
    // The first failure wins: the run stops at once and running nodes see the signal.
    this.ctx.control.stop({ kind: 'failed', error });
  }

  private settleStopped(): void {
    if (this.finished) return;
    this.finished = true;
    this.ctx.control.signal.removeEventListener('abort', this.onAbort);
    const names = [...this.running].map((i) => this.plan.graph.nodes[i]!.name);
    this.reject(this.ctx.control.errorFor(names));
  }

  private settle(): void {
    this.finished = true;
    this.ctx.control.signal.removeEventListener('abort', this.onAbort);
    this.resolve();
  }
}
