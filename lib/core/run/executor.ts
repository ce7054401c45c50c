/**
 * The executor seam: the driver plans, an executor computes the plan. Parallel,
 * worker-thread and distributed executors plug in here as new files.
 */
import type { Logger } from 'pino';
import type { HookRunner } from './hooks.js';
import type { ExecutionPlan } from './plan.js';

/** What an executor gets besides the plan. */
export interface RunContext {
  readonly runId: string;
  readonly logger: Logger;
  readonly hooks: HookRunner;
}

/**
 * Computes every node of `plan.compute`, writing each value into `plan.values`.
 * Rejects with the first failure (NodeExecutionError, or DataValidationError
 * unwrapped) once nothing is running any more.
 *
 * @example
 * class MyExecutor implements Executor { async run(plan: ExecutionPlan, ctx: RunContext) { ... } }
 */
export interface Executor {
  run(plan: ExecutionPlan, ctx: RunContext): Promise<void>;
}
