/**
 * The executor seam: the driver plans, an executor computes the plan. An
 * executor chooses where a node's function runs (this thread, a worker, another
 * machine); scheduling, error wrapping, hooks, timeouts and memory release are
 * shared (scheduler.ts, node-runner.ts), so a new executor is one new file.
 */
import type { Logger } from 'pino';
import type { HookRunner } from './hooks.js';
import type { ExecutionPlan } from './plan.js';
import type { RunControl } from './run-control.js';
import type { GraphSource } from '../source/graph-source.js';

/** What an executor gets besides the plan. */
export interface RunContext {
  readonly runId: string;
  readonly logger: Logger;
  readonly hooks: HookRunner;
  /** The run's stop switch: its signal is every node's NodeContext.signal. */
  readonly control: RunControl;
  /**
   * The graph's source (module files and config), for executors that rebuild
   * the graph elsewhere; throws LinkError when a module cannot be found again.
   * Absent when the run was not started by a Driver.
   */
  readonly source?: () => GraphSource;
}

/**
 * Computes every node of `plan.compute`, writing each value into `plan.values`.
 * Rejects at once with the first failure (NodeExecutionError, or
 * DataValidationError unwrapped), abort or timeout.
 *
 * @example
 * class MyExecutor implements Executor { run(plan: ExecutionPlan, ctx: RunContext) { return schedule(plan, ctx, { maxConcurrency: 4, call }); } }
 */
export interface Executor {
  run(plan: ExecutionPlan, ctx: RunContext): Promise<void>;
}

/**
 * Where one node's function runs, given its arguments (dependency values in
 * order, then a NodeContext when the node asks for one): the part an executor
 * chooses. Returns the value or a promise of it; throws or rejects on failure.
 *
 * @example
 * const inProcess: CallNode = (plan, i, args) => plan.graph.nodes[i]!.fn!.apply(plan.graph.nodes[i]!.thisArg, args as never[]);
 */
export type CallNode = (plan: ExecutionPlan, i: number, args: unknown[]) => unknown;
