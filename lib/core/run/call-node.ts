/**
 * Calling one node: argument assembly, the in-process call and error wrapping,
 * shared by executors.
 */
import { DataLoadError, DataSaveError, DataValidationError, ExecutionAbortedError, NodeExecutionError, NodeTimeoutError } from '../errors.js';
import { runMessages } from '../messages.js';
import type { NodeContext, NodeSpec } from '../node.js';
import type { ExecutionPlan } from './plan.js';
import type { CallNode, RunContext } from './executor.js';
import { setOwn } from '../names.js';

/**
 * The arguments of node `i` read from `values`: its dependencies' values in
 * parameter order, and a NodeContext last when the node asks for one.
 *
 * @example
 * const args = argumentsOf(plan, i, ctx, plan.values);
 */
export function argumentsOf(plan: ExecutionPlan, i: number, ctx: RunContext, values: readonly unknown[], item?: number): unknown[] {
  const deps = plan.graph.deps[i]!;
  const node = plan.graph.nodes[i]!;
  const needsContext = node.spec!.needsContext === true;
  const args: unknown[] = new Array(deps.length + (needsContext ? 1 : 0));
  for (let k = 0; k < deps.length; k++) args[k] = values[deps[k]!];
  if (needsContext) args[deps.length] = contextOf(node.name, ctx, item);
  return args;
}

/**
 * The NodeContext a node receives.
 *
 * @example
 * contextOf('x', ctx).signal.aborted;
 */
export function contextOf(name: string, ctx: RunContext, item?: number): NodeContext {
  return item === undefined
    ? { runId: ctx.runId, node: name, logger: ctx.logger, signal: ctx.control.signal }
    : { runId: ctx.runId, node: name, logger: ctx.logger, signal: ctx.control.signal, item };
}

/**
 * Calls a node's linked function in this thread.
 *
 * @example
 * new Scheduler(plan, ctx, { maxConcurrency: 16, call: callInProcess }).run();
 */
export const callInProcess: CallNode = (plan, i, args) => {
  const node = plan.graph.nodes[i]!;
  return node.fn!.apply(node.thisArg, args as never[]);
};

/**
 * The arguments by dependency name, for hook events. Every name is an own
 * property, `__proto__` and `constructor` included.
 *
 * @example
 * namedArguments(def, args); // { spend: [...], signups: [...] }
 */
export function namedArguments(def: NodeSpec, args: readonly unknown[]): Record<string, unknown> {
  const named: Record<string, unknown> = {};
  for (let k = 0; k < def.dependencies.length; k++) setOwn(named, def.dependencies[k]!.name, args[k]);
  return named;
}

/**
 * What a node's failure becomes: data-validation failures, timeouts, aborts and
 * a loader's or saver's own DataLoadError / DataSaveError stay as they are,
 * everything else is wrapped with the node's name and origin.
 * Never throws, whatever was thrown (the message is built by the total
 * formatting of message-format.ts), so a run always settles.
 *
 * @example
 * throw wrapNodeError(def, e);
 */
export function wrapNodeError(def: NodeSpec, error: unknown, item?: number): Error {
  if (isPassedOn(error, def.name)) return error as Error;
  return new NodeExecutionError(runMessages.nodeFailed(def.name, def.origin, error, item), def.name, def.origin, error);
}

function isPassedOn(error: unknown, node: string): boolean {
  try {
    if (error instanceof NodeExecutionError) return error.node === node; // already wrapped for this node (a retrying hook)
    // A loader's or saver's file error already names the node, its origin and the file: wrapping would only blur it.
    if (error instanceof DataLoadError || error instanceof DataSaveError) return error.node === node;
    return error instanceof DataValidationError || error instanceof NodeTimeoutError || error instanceof ExecutionAbortedError;
  } catch {
    return false; // a revoked Proxy, or a Proxy whose getPrototypeOf trap throws
  }
}

/**
 * True for values that `await` treats as promises: thenables, and objects whose
 * `then` cannot even be read (a revoked Proxy, a throwing getter), for which
 * `await` rejects with what reading threw. Never throws: pass a true value to
 * `toPromise`, which turns the unreadable ones into that rejection, so a node
 * returning one fails exactly as if it had been awaited.
 *
 * @example
 * isThenable(Promise.resolve(1)); // true
 * isThenable({ then: 1 }); // false
 */
export function isThenable(v: unknown): v is PromiseLike<unknown> {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return false;
  try {
    return typeof (v as PromiseLike<unknown>).then === 'function';
  } catch {
    return true;
  }
}

/**
 * `Promise.resolve(v)` that never throws: a thenable whose `then` throws, or a
 * promise whose `constructor` cannot be read, becomes a rejected promise.
 *
 * @example
 * toPromise(out).then(onValue, onError);
 */
export function toPromise(v: unknown): Promise<unknown> {
  try {
    return Promise.resolve(v);
  } catch (e) {
    return Promise.reject(e);
  }
}
