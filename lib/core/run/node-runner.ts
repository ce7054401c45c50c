/**
 * Running one node with everything around it: node hooks (before, after,
 * executeNode wrappers), the node's own timeout, and the measured duration of
 * the node alone. Executors choose only where the function runs (`CallNode`);
 * a node with no hooks and no timeout is called directly, paying for none of this.
 */
import { NodeTimeoutError } from '../errors.js';
import { runMessages } from '../messages.js';
import type { CallNode, RunContext } from './executor.js';
import { isThenable, namedArguments, toPromise } from './call-node.js';
import type { ExecutionPlan } from './plan.js';

/**
 * Runs node `i` with `args` on the slow path: hooks and timeout. Resolves with
 * the value; rejects with the node's error (unwrapped) or a NodeTimeoutError.
 *
 * @example
 * const value = await runWithHooks(plan, i, args, ctx, callInProcess);
 */
export async function runWithHooks(plan: ExecutionPlan, i: number, args: unknown[], ctx: RunContext, call: CallNode, item?: number): Promise<unknown> {
  const { runId, hooks } = ctx;
  const graphNode = plan.graph.nodes[i]!;
  const spec = graphNode.spec!;
  const name = spec.name;
  const inputs = Object.freeze(namedArguments(spec, args));
  const before = Object.freeze(item === undefined ? { runId, name, node: graphNode.info, inputs } : { runId, name, node: graphNode.info, inputs, item });
  const base = item === undefined ? { runId, name, node: graphNode.info } : { runId, name, node: graphNode.info, item };
  if (hooks.has('beforeNodeExecute')) await hooks.emit('beforeNodeExecute', before);
  let durationMs = 0;
  const timeoutMs = spec.options?.timeoutMs as number | undefined;
  // A MeasuredValue carries the time the node took where it ran: that time counts, not the wait for it.
  const took = (start: number, out: unknown): unknown => {
    if (out instanceof MeasuredValue) {
      durationMs += out.durationMs;
      return out.value;
    }
    durationMs += performance.now() - start;
    return out;
  };
  const once = (): unknown => {
    const start = performance.now();
    let out: unknown;
    try {
      out = call(plan, i, args);
    } catch (e) {
      durationMs += performance.now() - start;
      throw e;
    }
    if (!isThenable(out)) {
      const value = took(start, out);
      if (timeoutMs !== undefined && performance.now() - start > timeoutMs) throw timedOut(name, spec.origin, timeoutMs);
      return value;
    }
    const settled = toPromise(out).then(
      (v) => took(start, v),
      (e: unknown) => {
        durationMs += performance.now() - start;
        throw e;
      },
    );
    return timeoutMs === undefined ? settled : withTimeout(settled, timeoutMs, () => timedOut(name, spec.origin, timeoutMs));
  };
  let value: unknown;
  try {
    value = await hooks.wrapExecute(before, once);
  } catch (error) {
    if (hooks.has('afterNodeExecute')) await hooks.emit('afterNodeExecute', Object.freeze({ ...base, success: false, error, durationMs }));
    throw error;
  }
  if (hooks.has('afterNodeExecute')) await hooks.emit('afterNodeExecute', Object.freeze({ ...base, success: true, value, durationMs }));
  return value;
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

function timedOut(name: string, origin: string | undefined, timeoutMs: number): NodeTimeoutError {
  return new NodeTimeoutError(runMessages.nodeTimedOut(name, origin, timeoutMs), 'node', [name], timeoutMs);
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
