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
import type { InputKinds } from './run/input-kinds.js';
import type { ExecuteResult, InputsArg, InputsParam, OutputName, OverridesArg, TypedExecuteOptions, WideName } from './types/execute-types.js';
import { writeGraph, type DisplayFormat } from './render/render.js';
import type { NodeSpec } from './node.js';
import { Linker } from './resolve/link.js';
import { LinkError } from './errors.js';
import { materializeMessages } from './messages.js';
import { DictResult } from './run/results/dict-result.js';
import { materialize, type Materializer, type MaterializeOptions, type MaterializeResult } from './run/materialize.js';

/** What the Builder hands the Driver. */
export interface DriverSettings<R> {
  /** The graph's source (module files and config), computed when first asked for. */
  readonly source: () => GraphSource;
  readonly resultBuilder: ResultBuilder<R>;
  readonly executor: Executor;
  readonly hooks: readonly LifecycleHooks[];
  readonly logger: Logger;
  /** Kinds inputs must have (Builder.withInputChecks); checked when planning. */
  readonly inputKinds?: InputKinds;
  /** Links nodes added after the build (`withNodes`, `materialize`); default: one that knows no module. */
  readonly linker?: Linker;
}

const DICT = new DictResult();

/**
 * Computes requested outputs of a built graph and answers questions about it.
 * Build one with `new Builder()...build()`.
 *
 * @example
 * const { spendPerSignup } = await dr.execute(['spendPerSignup'], { inputs: { spend, signups } });
 */
export class Driver<R = Record<string, unknown>, N extends object = {}, D extends object = {}> {
  private readonly hooks: HookRunner;
  // Held without `R`, which only types `execute`: so a typed Driver is assignable to an untyped one.
  private readonly settings: DriverSettings<unknown>;

  constructor(
    /** The built graph (read-only). */
    readonly graph: FunctionGraph,
    settings: DriverSettings<R>,
  ) {
    this.settings = settings;
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
  execute<const O extends OutputName<N, D, I, V>, I extends InputsArg<N, D> = {}, V extends OverridesArg<N> = {}>(
    outputs: readonly O[],
    options?: TypedExecuteOptions<InputsParam<N, D, I>, V>,
  ): Promise<ExecuteResult<R, N, D, I, V, O>>;
  execute<O extends string = string>(outputs: readonly WideName<O>[], options?: ExecuteOptions): Promise<ExecuteResult<R, N, D, {}, {}, string>>;
  execute(outputs: readonly string[], options: ExecuteOptions = {}): Promise<unknown> {
    const { executor, logger, resultBuilder, inputKinds } = this.settings;
    return runGraph(this.graph, outputs, options, { executor, hooks: this.hooks, logger, resultBuilder, inputKinds, source: this.sourceOfRuns });
  }

  /** Throws exactly what `execute` would throw before running anything; runs nothing. Typed as `execute`. */
  validateExecution<const O extends OutputName<N, D, I, V>, I extends InputsArg<N, D> = {}, V extends OverridesArg<N> = {}>(
    outputs: readonly O[],
    options?: TypedExecuteOptions<InputsParam<N, D, I>, V>,
  ): void;
  validateExecution<O extends string = string>(outputs: readonly WideName<O>[], options?: ExecuteOptions): void;
  validateExecution(outputs: readonly string[], options: ExecuteOptions = {}): void {
    planExecution(this.graph, outputs, options, this.settings.inputKinds);
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

  /**
   * A driver over this graph plus `nodes` (specs whose code is a framework op,
   * or a reference in `refs` or in this build); an added node replaces the node
   * or input of its name. Same executor, hooks, logger and result builder.
   */
  withNodes(nodes: readonly NodeSpec[], options: { refs?: ReadonlyMap<string, unknown> } = {}): Driver<R> {
    return new Driver<R>(this.graphWith(nodes, options.refs), {
      ...(this.settings as DriverSettings<R>),
      source: () => {
        throw new LinkError(materializeMessages.notRebuildable());
      },
    });
  }

  /**
   * Runs the graph with savers (`to.csv(...)`) and loaders (`from.csv(...)`)
   * added for this run only (Hamilton's `materialize`); options go last.
   * Returns each saver's metadata by id, and the `additionalVars` by name.
   * Staged writes are committed only when the whole run succeeded.
   */
  materialize<const Ms extends readonly Materializer[]>(...materializers: Ms): Promise<MaterializeResult<Ms>>;
  materialize<const Ms extends readonly Materializer[]>(...args: [...Ms, MaterializeOptions]): Promise<MaterializeResult<Ms>>;
  materialize(...args: unknown[]): Promise<[Record<string, unknown>, Record<string, unknown>]> {
    const { executor, logger } = this.settings;
    return materialize(this.graph, args, (nodes, refs, outputs, options) =>
      runGraph(this.graphWith(nodes, refs), outputs, options, { executor, hooks: this.hooks, logger, resultBuilder: DICT }),
    );
  }

  private graphWith(nodes: readonly NodeSpec[], refs: ReadonlyMap<string, unknown> | undefined): FunctionGraph {
    const base = this.settings.linker ?? new Linker([], new Map());
    const linker = refs && refs.size ? base.withRefs(refs) : base;
    return this.graph.withNodes(nodes, (spec) => linker.link(spec));
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
