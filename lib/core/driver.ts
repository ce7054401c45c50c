/**
 * The Driver: a thin facade over plan, run, query and render.
 */
import type { Logger } from 'pino';
import type { Executor } from './run/executor.js';
import type { FunctionGraph } from './graph/graph.js';
import type { GraphSource } from './source/graph-source.js';
import { HookRunner, type LifecycleHooks } from './run/hooks.js';
import type { NodeInfo } from './node.js';
import { planExecution, type ExecuteOptions } from './run/plan.js';
import { runGraph } from './run/run-graph.js';
import { downstreamOf, listNodes, pathBetween, upstreamOf } from './graph/query.js';
import type { ResultBuilder } from './run/results/result-builder.js';
import type { TagFilter } from './graph/tag-filter.js';
import { toDot, type DotOptions } from './render/to-dot.js';
import { writeGraph, type DisplayFormat } from './render/render.js';

/** What the Builder hands the Driver. */
export interface DriverSettings<R> {
  /** The graph's source (module files and config), computed when first asked for. */
  readonly source: () => GraphSource;
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

  /**
   * Where this graph comes from: its module files and config, as plain data, so
   * that a worker or another process can rebuild it (`builderFromSource`).
   * A LinkError when a module cannot be found again (e.g. it was given as an instance).
   */
  graphSource(): GraphSource {
    return (this.cachedSource ??= this.settings.source());
  }

  private cachedSource: GraphSource | undefined;
  private readonly sourceOfRuns = () => this.graphSource();

  /** The logger this driver reports to. */
  get logger(): Logger {
    return this.settings.logger;
  }

  /**
   * Computes `outputs`, running only the nodes they need, each once. Rejects,
   * returning nothing, when any needed node fails.
   */
  execute(outputs: readonly string[], options: ExecuteOptions = {}): Promise<R> {
    return runGraph(this.graph, outputs, options, {
      executor: this.settings.executor,
      hooks: this.hooks,
      logger: this.settings.logger,
      resultBuilder: this.settings.resultBuilder,
      source: this.sourceOfRuns,
    });
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
