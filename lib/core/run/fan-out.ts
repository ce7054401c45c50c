/**
 * Running dynamic fan-outs: a `@parallelizable` node's items flow one by one
 * through the nodes of its block, at most `maxConcurrency` items in flight, and
 * the `@collect` nodes get each block node's values in item order. Items are
 * pulled from the iterable lazily and each item's values are dropped once it is
 * done, so memory stays bounded however many items there are.
 */
import { NodeExecutionError } from '../errors.js';
import { runMessages, fanOutMessages } from '../messages.js';
import type { CallNode, RunContext } from './executor.js';
import { argumentsOf, contextOf, isThenable, toPromise, wrapNodeError } from './call-node.js';
import { needsRunner, runWithHooks } from './node-runner.js';
import type { ExecutionPlan } from './plan.js';
import type { FanOutPlan } from './plan-fan-outs.js';

/**
 * The fan-outs of one run.
 *
 * @example
 * const fanOuts = new FanOuts(plan, ctx, callInProcess, 16, fail, done);
 * if (fanOuts.owns(i)) fanOuts.start(i, plan.values);
 */
export class FanOuts {
  private readonly bySource = new Map<number, FanOutPlan>();

  constructor(
    private readonly plan: ExecutionPlan,
    private readonly ctx: RunContext,
    private readonly call: CallNode,
    private readonly maxConcurrency: number,
    private readonly fail: (e: Error) => void,
    private readonly done: (source: number, value: unknown) => void,
  ) {
    for (const f of plan.fanOuts) this.bySource.set(f.source, f);
  }

  /** True when node i is the source of a fan-out. */
  owns(i: number): boolean {
    return this.bySource.has(i);
  }

  /** The fan-out of source node i. */
  of(i: number): FanOutPlan {
    return this.bySource.get(i)!;
  }

  /** Runs the source node, then its items; reports through `done` or `fail`. */
  start(source: number, values: unknown[]): void {
    const { plan, ctx } = this;
    const spec = plan.graph.nodes[source]!.spec!;
    let out: unknown;
    try {
      const args = argumentsOf(plan, source, ctx, values);
      out = needsRunner(plan, source, ctx) ? runWithHooks(plan, source, args, ctx, this.call) : this.call(plan, source, args);
    } catch (e) {
      return this.fail(wrapNodeError(spec, e));
    }
    if (isThenable(out)) toPromise(out).then((v) => this.iterate(this.of(source), v, values), (e: unknown) => this.fail(wrapNodeError(spec, e)));
    else this.iterate(this.of(source), out, values);
  }

  private iterate(f: FanOutPlan, iterable: unknown, values: unknown[]): void {
    const { plan, ctx } = this;
    const spec = plan.graph.nodes[f.source]!.spec!;
    let it: Iterator<unknown>;
    try {
      const make = (iterable as Iterable<unknown> | null | undefined)?.[Symbol.iterator];
      if (typeof make !== 'function') throw new TypeError(fanOutMessages.notIterable(spec.name, spec.origin, describeKind(iterable)));
      it = make.call(iterable);
    } catch (e) {
      return this.fail(wrapNodeError(spec, e));
    }
    const gathered = f.collects.map(() => [] as unknown[]);
    const signal = ctx.control.signal;
    let index = 0;
    let inFlight = 0;
    let exhausted = false;
    let finished = false;
    const failItem = (e: unknown) => {
      finished = true;
      this.fail(e instanceof Error ? e : new NodeExecutionError(runMessages.nodeFailed(spec.name, spec.origin, e), spec.name, spec.origin, e));
    };
    const pump = (): void => {
      try {
        while (!finished && !exhausted && inFlight < this.maxConcurrency && !signal.aborted) {
          const next = it.next();
          if (next.done) { exhausted = true; break; }
          const out = this.runItem(f, index++, next.value, gathered, values);
          if (out) {
            inFlight++;
            out.then(() => { inFlight--; pump(); }, failItem);
          }
        }
      } catch (e) {
        // The iterator itself threw (a failing generator): the source node failed.
        return failItem(e instanceof NodeExecutionError ? e : wrapNodeError(spec, e));
      }
      if (finished || signal.aborted || !exhausted || inFlight > 0) return;
      finished = true;
      f.collects.forEach((c, k) => { values[c.collected] = gathered[k]; });
      this.done(f.source, iterable);
    };
    pump();
  }

  /** Runs the block for item k; a promise only when some node of the block is async. */
  private runItem(f: FanOutPlan, k: number, item: unknown, gathered: unknown[][], values: readonly unknown[]): Promise<void> | undefined {
    const { plan, ctx, call } = this;
    const local: unknown[] = new Array(f.block.length);
    let pos = 0;
    const finish = () => {
      f.collects.forEach((c, g) => { gathered[g]![k] = local[f.slot[c.collected]!]; });
    };
    const step = (): Promise<void> | undefined => {
      while (pos < f.block.length) {
        if (ctx.control.signal.aborted) return undefined;
        const b = f.block[pos]!;
        const spec = plan.graph.nodes[b]!.spec!;
        const args = itemArguments(plan, b, f, item, local, values, ctx, k);
        let out: unknown;
        try {
          out = needsRunner(plan, b, ctx) ? runWithHooks(plan, b, args, ctx, call, k) : call(plan, b, args);
        } catch (e) {
          throw wrapNodeError(spec, e, k);
        }
        if (isThenable(out)) {
          return toPromise(out).then(
            (v) => { local[pos++] = v; return step(); },
            (e: unknown) => { throw wrapNodeError(spec, e, k); },
          );
        }
        local[pos++] = out;
      }
      finish();
      return undefined;
    };
    return step();
  }
}

function itemArguments(
  plan: ExecutionPlan,
  b: number,
  f: FanOutPlan,
  item: unknown,
  local: readonly unknown[],
  values: readonly unknown[],
  ctx: RunContext,
  k: number,
): unknown[] {
  const deps = plan.graph.deps[b]!;
  const node = plan.graph.nodes[b]!;
  const needsContext = node.spec!.needsContext === true;
  const args: unknown[] = new Array(deps.length + (needsContext ? 1 : 0));
  for (let d = 0; d < deps.length; d++) {
    const i = deps[d]!;
    args[d] = i === f.source ? item : f.slot[i]! >= 0 ? local[f.slot[i]!] : values[i];
  }
  if (needsContext) args[deps.length] = contextOf(node.name, ctx, k);
  return args;
}

function describeKind(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v !== 'object' && typeof v !== 'function') return typeof v;
  try {
    return `a ${Object.getPrototypeOf(v)?.constructor?.name ?? 'null-prototype object'}`;
  } catch {
    return 'an object';
  }
}
