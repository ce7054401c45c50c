/**
 * The Driver: a thin facade over plan, run, query and render.
 */
import type { Logger } from 'pino';
import type { Executor } from './run/executor.js';
import type { FunctionGraph } from './graph/graph.js';
import { HookRunner, type LifecycleHooks } from './run/hooks.js';
import type { NodeInfo } from './node.js';
import { planExecution, type ExecuteOptions } from './run/plan.js';
import { downstreamOf, listNodes, pathBetween, upstreamOf } from './graph/query.js';
import type { ResultBuilder } from './run/results/result-builder.js';
import type { TagFilter } from './graph/tag-filter.js';
import { toDot, type DotOptions } from './render/to-dot.js';
import { writeGraph, type DisplayFormat } from './render/render.js';

/** What the Builder hands the Driver. */
export interface DriverSettings<R> {
  readonly resultBuilder: ResultBuilder<R>;
  readonly executor: Executor;
  readonly hooks: readonly LifecycleHooks[];
  readonly logger: Logger;
}

/**
 * Computes requested outputs of a built graph and answers questions about it.
 * Build one with `new Builder()...build()`.
 *
 * @example
 * const { spendPerSignup } = await dr.execute(['spendPerSignup'], { inputs: { spend, signups } });
 */
export class Driver<R = Record<string, unknown>> {
  private readonly hooks: HookRunner;

  constructor(
    /** The built graph (read-only). */
    readonly graph: FunctionGraph,
    private readonly settings: DriverSettings<R>,
  ) {
    this.hooks = new HookRunner(settings.hooks, settings.logger);
  }

  /** The logger this driver reports to. */
  get logger(): Logger {
    return this.settings.logger;
  }

  /**
   * Computes `outputs`, running only the nodes they need, each once. Rejects,
   * returning nothing, when any needed node fails.
   */
  async execute(outputs: readonly string[], options: ExecuteOptions = {}): Promise<R> {
    const plan = planExecution(this.graph, outputs, options);
    // The global Web Crypto, not node:crypto: importing that module costs start-up time before the first run.
    const runId = globalThis.crypto.randomUUID();
    const start = performance.now();
    const hooks = this.hooks;
    await hooks.emit('beforeGraphExecute', { runId, outputs, inputs: options.inputs ?? {}, overrides: options.overrides ?? {} });
    let results: Record<string, unknown> | undefined;
    let built: R;
    try {
      // Loading the result builder's library (arquero, the first time) overlaps with the run.
      const preparing = this.settings.resultBuilder.prepare?.();
      preparing?.catch(() => undefined); // awaited below; this only keeps an early rejection from counting as unhandled
      await this.settings.executor.run(plan, { runId, logger: this.settings.logger, hooks });
      if (preparing) await preparing;
      results = {};
      for (let k = 0; k < outputs.length; k++) results[outputs[k]!] = plan.values[plan.outputIndices[k]!];
      built = this.settings.resultBuilder.build(results, outputs);
    } catch (error) {
      await hooks.emit('afterGraphExecute', { runId, outputs, success: false, error, durationMs: performance.now() - start });
      throw error;
    }
    await hooks.emit('afterGraphExecute', { runId, outputs, success: true, results, durationMs: performance.now() - start });
    return built;
  }

  /** Throws exactly what `execute` would throw before running anything; runs nothing. */
  validateExecution(outputs: readonly string[], options: Pick<ExecuteOptions, 'inputs' | 'overrides'> = {}): void {
    planExecution(this.graph, outputs, options);
  }

  /** Every node (optionally only those matching a tag filter), external inputs included. */
  listAvailableVariables(options: { tags?: TagFilter } = {}): NodeInfo[] {
    return listNodes(this.graph, options.tags);
  }

  /** The named nodes and everything they depend on, inputs included. */
  whatIsUpstreamOf(...names: string[]): NodeInfo[] {
    return upstreamOf(this.graph, names);
  }

  /** The named nodes and everything that depends on them. */
  whatIsDownstreamOf(...names: string[]): NodeInfo[] {
    return downstreamOf(this.graph, names);
  }

  /** Nodes on some path from `from` to `to`, both included; [] when there is none. */
  pathBetween(from: string, to: string): NodeInfo[] {
    return pathBetween(this.graph, from, to);
  }

  /** The graph as Graphviz DOT; with `outputs`, only them and their upstream. */
  toDot(options: DotOptions = {}): string {
    return toDot(this.graph, options);
  }

  /** Writes the graph to `file` as SVG or DOT (format from the extension unless given). */
  async display(file: string, options: DotOptions & { format?: DisplayFormat } = {}): Promise<void> {
    await writeGraph(file, this.toDot(options), options.format);
  }
}
