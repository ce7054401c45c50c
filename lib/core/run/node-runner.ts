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
import type { NodeInfo } from '../node.js';
import type { AfterNodeExecuteEvent } from './hooks.js';

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
  if (hooks.has('beforeNodeExecute')) await hooks.emit('beforeNodeExecute', before);
  let durationMs = 0;
  const timeoutMs = spec.options?.timeoutMs as number | undefined;
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
      durationMs += performance.now() - start;
      if (timeoutMs !== undefined && performance.now() - start > timeoutMs) throw timedOut(name, spec.origin, timeoutMs);
      return out;
    }
    const settled = toPromise(out).finally(() => { durationMs += performance.now() - start; });
    return timeoutMs === undefined ? settled : withTimeout(settled, timeoutMs, () => timedOut(name, spec.origin, timeoutMs));
  };
  let value: unknown;
  try {
    value = await hooks.wrapExecute(before, once);
  } catch (error) {
    if (hooks.has('afterNodeExecute')) await hooks.emit('afterNodeExecute', afterEvent(runId, name, graphNode.info, item, { success: false, error, durationMs }));
    throw error;
  }
  if (hooks.has('afterNodeExecute')) await hooks.emit('afterNodeExecute', afterEvent(runId, name, graphNode.info, item, { success: true, value, durationMs }));
  return value;
}

/**
 * The frozen `afterNodeExecute` event: run, node (and item), then the outcome.
 * Written out: spreading a base object and adding keys takes V8's slow path,
 * once per node of every run with hooks.
 */
function afterEvent(
  runId: string,
  name: string,
  node: NodeInfo,
  item: number | undefined,
  outcome: { readonly success: true; readonly value: unknown; readonly durationMs: number } | { readonly success: false; readonly error: unknown; readonly durationMs: number },
): AfterNodeExecuteEvent {
  const { durationMs } = outcome;
  if (outcome.success) {
    const { value } = outcome;
    return Object.freeze(item === undefined ? { runId, name, node, success: true, value, durationMs } : { runId, name, node, item, success: true, value, durationMs });
  }
  const { error } = outcome;
  return Object.freeze(item === undefined ? { runId, name, node, success: false, error, durationMs } : { runId, name, node, item, success: false, error, durationMs });
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
