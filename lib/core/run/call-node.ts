/**
 * Calling one node: argument assembly and error wrapping, shared by executors.
 */
import { DataValidationError, NodeExecutionError } from '../errors.js';
import { runMessages } from '../messages.js';
import type { NodeContext, NodeDefinition } from '../node.js';
import type { ExecutionPlan } from './plan.js';
import type { RunContext } from './executor.js';
import { setOwn } from '../names.js';

/**
 * The arguments of node `i`: its dependencies' values in parameter order, and
 * a NodeContext last when the node asks for one.
 *
 * @example
 * const args = argumentsOf(plan, i, ctx);
 */
export function argumentsOf(plan: ExecutionPlan, i: number, ctx: RunContext): unknown[] {
  const deps = plan.graph.deps[i]!;
  const values = plan.values;
  const def = plan.graph.nodes[i]!.definition!;
  const args: unknown[] = new Array(deps.length + (def.needsContext ? 1 : 0));
  for (let k = 0; k < deps.length; k++) args[k] = values[deps[k]!];
  if (def.needsContext) {
    const nodeContext: NodeContext = { runId: ctx.runId, node: def.name, logger: ctx.logger };
    args[deps.length] = nodeContext;
  }
  return args;
}

/**
 * The arguments by dependency name, for hook events. Every name is an own
 * property, `__proto__` and `constructor` included.
 *
 * @example
 * namedArguments(def, args); // { spend: [...], signups: [...] }
 */
export function namedArguments(def: NodeDefinition, args: readonly unknown[]): Record<string, unknown> {
  const named: Record<string, unknown> = {};
  for (let k = 0; k < def.dependencies.length; k++) setOwn(named, def.dependencies[k]!.name, args[k]);
  return named;
}

/**
 * What a node's failure becomes: data-validation failures stay as they are,
 * everything else is wrapped with the node's name and origin. Never throws,
 * whatever was thrown (the message is built by the total formatting of
 * message-format.ts), so a run always settles.
 *
 * @example
 * throw wrapNodeError(def, e);
 */
export function wrapNodeError(def: NodeDefinition, error: unknown): Error {
  if (isDataValidationError(error)) return error;
  return new NodeExecutionError(runMessages.nodeFailed(def.name, def.origin, error), def.name, def.origin, error);
}

function isDataValidationError(error: unknown): error is DataValidationError {
  try {
    return error instanceof DataValidationError;
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
