/**
 * The in-process executor: runs nodes as soon as their dependencies are ready.
 * Sync nodes are called directly (no promise per node); nodes that return a
 * promise run concurrently, at most `maxConcurrency` at a time.
 */
import { InvalidInputsError } from '../errors.js';
import { runMessages } from '../messages.js';
import { isPlainObject } from '../values.js';
import type { ExecutionPlan } from './plan.js';
import { callInProcess } from './call-node.js';
import { schedule } from './scheduler.js';
import type { Executor, RunContext } from './executor.js';

/** Options of LocalExecutor. */
export interface LocalExecutorOptions {
  /** How many nodes may be awaiting a promise at once (default 16). */
  readonly maxConcurrency?: number;
  /**
   * Release each intermediate value as soon as no remaining node needs it (default true).
   * false keeps every value until the run ends, as a debugger or a benchmark may want.
   */
  readonly releaseValues?: boolean;
}

/**
 * Runs a plan in this process.
 *
 * @example
 * new Builder().withModules(Marketing).withExecutor(new LocalExecutor({ maxConcurrency: 4 })).build();
 * new LocalExecutor({ releaseValues: false }); // keeps every intermediate value until the run ends
 */
export class LocalExecutor implements Executor {
  readonly maxConcurrency: number;
  readonly releaseValues: boolean;

  constructor(options: LocalExecutorOptions = {}) {
    if (!isPlainObject(options as unknown)) throw new InvalidInputsError(runMessages.badExecutorOptions(options));
    const max = options.maxConcurrency ?? 16;
    if (!Number.isInteger(max) || max < 1) {
      throw new InvalidInputsError(runMessages.badConcurrency(max));
    }
    this.maxConcurrency = max;
    const release = options.releaseValues ?? true;
    if (typeof release !== 'boolean') throw new InvalidInputsError(runMessages.badReleaseValues(release));
    this.releaseValues = release;
  }

  run(plan: ExecutionPlan, ctx: RunContext): Promise<void> {
    return schedule(plan, ctx, { maxConcurrency: this.maxConcurrency, call: callInProcess, release: this.releaseValues });
  }
}
