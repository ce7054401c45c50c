/**
 * Calling one node: argument assembly and error wrapping, shared by executors.
 */
import { DataValidationError, NodeExecutionError } from '../errors.js';
import { runMessages } from '../messages.js';
import type { NodeContext, NodeSpec } from '../node.js';
import type { ExecutionPlan } from './plan.js';
import type { RunContext } from './executor.js';

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
  const def = plan.graph.nodes[i]!.spec!;
  const args: unknown[] = new Array(deps.length + (def.needsContext ? 1 : 0));
  for (let k = 0; k < deps.length; k++) args[k] = values[deps[k]!];
  if (def.needsContext) {
    const nodeContext: NodeContext = { runId: ctx.runId, node: def.name, logger: ctx.logger };
    args[deps.length] = nodeContext;
  }
  return args;
}

/**
 * The arguments by dependency name, for hook events.
 *
 * @example
 * namedArguments(def, args); // { spend: [...], signups: [...] }
 */
export function namedArguments(def: NodeSpec, args: readonly unknown[]): Record<string, unknown> {
  const named: Record<string, unknown> = {};
  for (let k = 0; k < def.dependencies.length; k++) named[def.dependencies[k]!.name] = args[k];
  return named;
}

/**
 * What a node's failure becomes: data-validation failures stay as they are,
 * everything else is wrapped with the node's name and origin.
 *
 * @example
 * throw wrapNodeError(def, e);
 */
export function wrapNodeError(def: NodeSpec, error: unknown): Error {
  if (error instanceof DataValidationError) return error;
  return new NodeExecutionError(runMessages.nodeFailed(def.name, def.origin, error), def.name, def.origin, error);
}

/** True for promises and other thenables. */
export function isThenable(v: unknown): v is PromiseLike<unknown> {
  return v !== null && (typeof v === 'object' || typeof v === 'function') && typeof (v as PromiseLike<unknown>).then === 'function';
}
