/**
 * Running one node with everything around it: node hooks (before, after,
 * executeNode wrappers), the node's own timeout, and the measured duration of
 * the node alone. Executors choose only where the function runs (`CallNode`);
 * a node with no hooks and no timeout is called directly, paying for none of this.
 *
 * Without executeNode hooks this path stays synchronous as long as the node
 * and every hook return plain values: no promise, no microtask per node. An
 * event is built only when some hook listens to it.
 */
import { NodeTimeoutError } from '../errors.js';
import { runMessages } from '../messages.js';
import { performance } from 'node:perf_hooks';
import type { GraphNode } from '../graph/graph.js';
import type { NodeInfo } from '../node.js';
import type { CallNode, RunContext } from './executor.js';
import type { AfterNodeExecuteEvent, BeforeNodeExecuteEvent } from './hooks.js';
import { isThenable, namedArguments, toPromise } from './call-node.js';
import type { ExecutionPlan } from './plan.js';

/**
 * Runs node `i` with `args` on the slow path: hooks and timeout. Returns the
 * value, or a promise of it when the node, a hook or an executeNode wrapper is
 * async; throws (or rejects) with the node's error (unwrapped) or a NodeTimeoutError.
 *
 * @example
 * const value = await runWithHooks(plan, i, args, ctx, callInProcess);
 */
export function runWithHooks(plan: ExecutionPlan, i: number, args: unknown[], ctx: RunContext, call: CallNode, item?: number): unknown {
  const { hooks } = ctx;
  const node = plan.graph.nodes[i]!;
  if (hooks.wrapsExecute) return runWrapped(plan, i, node, args, ctx, call, item);
  if (hooks.hasBefore) {
    const pending = hooks.emit('beforeNodeExecute', beforeEvent(node, args, ctx.runId, item));
    if (pending) return pending.then(() => callThenAfter(plan, i, node, args, ctx, call, item));
  }
  return callThenAfter(plan, i, node, args, ctx, call, item);
}

/** Calls the node once, timed, then emits afterNodeExecute; sync when the node is. */
function callThenAfter(plan: ExecutionPlan, i: number, node: GraphNode, args: unknown[], ctx: RunContext, call: CallNode, item: number | undefined): unknown {
  const timeoutMs = node.spec!.options?.timeoutMs as number | undefined;
  const start = performance.now();
  let out: unknown;
  try {
    out = call(plan, i, args);
  } catch (error) {
    return after(node, ctx, item, false, error, performance.now() - start);
  }
  if (!isThenable(out)) {
    const durationMs = performance.now() - start;
    if (timeoutMs !== undefined && durationMs > timeoutMs) return after(node, ctx, item, false, timedOut(node, timeoutMs), durationMs);
    return out instanceof MeasuredValue ? after(node, ctx, item, true, out.value, out.durationMs) : after(node, ctx, item, true, out, durationMs);
  }
  const settled = toPromise(out);
  return (timeoutMs === undefined ? settled : withTimeout(settled, timeoutMs, () => timedOut(node, timeoutMs))).then(
    (value) =>
      value instanceof MeasuredValue
        ? after(node, ctx, item, true, value.value, value.durationMs)
        : after(node, ctx, item, true, value, performance.now() - start),
    (error: unknown) => after(node, ctx, item, false, error, performance.now() - start),
  );
}

/** Emits afterNodeExecute (when some hook listens), then returns the value or throws the error. */
function after(node: GraphNode, ctx: RunContext, item: number | undefined, success: boolean, outcome: unknown, durationMs: number): unknown {
  const { hooks } = ctx;
  if (hooks.hasAfter) {
    const pending = hooks.emit('afterNodeExecute', afterEvent(node, ctx.runId, item, success, outcome, durationMs));
    if (pending) return pending.then(() => settle(success, outcome));
  }
  return settle(success, outcome);
}

function settle(success: boolean, outcome: unknown): unknown {
  if (success) return outcome;
  throw outcome;
}

/** With executeNode hooks: they get a `run()` returning a promise, so this path is async. */
async function runWrapped(plan: ExecutionPlan, i: number, node: GraphNode, args: unknown[], ctx: RunContext, call: CallNode, item: number | undefined): Promise<unknown> {
  const { hooks } = ctx;
  const before = beforeEvent(node, args, ctx.runId, item);
  if (hooks.hasBefore) await hooks.emit('beforeNodeExecute', before);
  let durationMs = 0;
  const timeoutMs = node.spec!.options?.timeoutMs as number | undefined;
  // One attempt; a retrying hook calls it again, and durationMs sums the attempts.
  const once = (): unknown => {
    const start = performance.now();
    let out: unknown;
    try {
      out = call(plan, i, args);
    } catch (e) {
      durationMs += performance.now() - start;
      throw e;
    }
    // A MeasuredValue carries the time the node took where it ran: that time counts, not the wait for it.
    const took = (v: unknown): unknown => {
      if (v instanceof MeasuredValue) {
        durationMs += v.durationMs;
        return v.value;
      }
      durationMs += performance.now() - start;
      return v;
    };
    if (!isThenable(out)) {
      const value = took(out);
      if (timeoutMs !== undefined && performance.now() - start > timeoutMs) throw timedOut(node, timeoutMs);
      return value;
    }
    const settled = toPromise(out).then(took, (e: unknown) => {
      durationMs += performance.now() - start;
      throw e;
    });
    return timeoutMs === undefined ? settled : withTimeout(settled, timeoutMs, () => timedOut(node, timeoutMs));
  };
  let value: unknown;
  try {
    value = await hooks.wrapExecute(before, once);
  } catch (error) {
    return after(node, ctx, item, false, error, durationMs);
  }
  return after(node, ctx, item, true, value, durationMs);
}

function beforeEvent(graphNode: GraphNode, args: readonly unknown[], runId: string, item: number | undefined): BeforeNodeExecuteEvent {
  const name = graphNode.name;
  const node = graphNode.info;
  const inputs = Object.freeze(namedArguments(graphNode.spec!, args));
  return Object.freeze(item === undefined ? { runId, name, node, inputs } : { runId, name, node, inputs, item });
}

function afterEvent(graphNode: GraphNode, runId: string, item: number | undefined, success: boolean, outcome: unknown, durationMs: number): AfterNodeExecuteEvent {
  const name = graphNode.name;
  const node: NodeInfo = graphNode.info;
  // One literal per shape (same keys, same order as before: runId, name, node, item?, success, value | error, durationMs).
  if (item === undefined) {
    return Object.freeze(success ? { runId, name, node, success, value: outcome, durationMs } : { runId, name, node, success, error: outcome, durationMs });
  }
  return Object.freeze(success ? { runId, name, node, item, success, value: outcome, durationMs } : { runId, name, node, item, success, error: outcome, durationMs });
}

/**
 * A node's value with the time the node itself took, measured where it ran
 * (another process or machine). A CallNode returns one (or a promise of one) on
 * the slow path, i.e. when `needsRunner(plan, i, ctx)`, so that `durationMs` in
 * afterNodeExecute is the node's own time and not the round trip; the runner
 * unwraps it, and hooks and the scheduler see the plain value. On the fast
 * path nobody reads durations, and a CallNode returns the plain value.
 *
 * @example
 * const call: CallNode = (plan, i, args) => needsRunner(plan, i, ctx) ? new MeasuredValue(value, 12.5) : value;
 */
export class MeasuredValue {
  constructor(
    readonly value: unknown,
    readonly durationMs: number,
  ) {}
}

/**
 * True when node `i` needs the slow path in this run.
 *
 * @example
 * if (needsRunner(plan, i, ctx)) await runWithHooks(plan, i, args, ctx, call);
 */
export function needsRunner(plan: ExecutionPlan, i: number, ctx: RunContext): boolean {
  return ctx.hooks.wrapsNodes || plan.graph.nodes[i]!.spec!.options?.timeoutMs !== undefined;
}

function timedOut(node: GraphNode, timeoutMs: number): NodeTimeoutError {
  const spec = node.spec!;
  return new NodeTimeoutError(runMessages.nodeTimedOut(spec.name, spec.origin, timeoutMs), 'node', [spec.name], timeoutMs);
}

function withTimeout<T>(p: Promise<T>, ms: number, error: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(error()), ms);
    p.then(
      (v) => { clearTimeout(timer); resolve(v); },
      (e: unknown) => { clearTimeout(timer); reject(e); },
    );
  });
}
