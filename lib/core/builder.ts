/**
 * The Builder: collects modules and settings, and builds a Driver
 * (RESOLVE + GRAPH stages happen in `build()`).
 */
import pino, { type Logger } from 'pino';
import { Driver } from './driver.js';
import { InvalidInputsError } from './errors.js';
import type { Executor } from './run/executor.js';
import { LocalExecutor } from './run/local-executor.js';
import { FunctionGraph } from './graph/graph.js';
import type { LifecycleHooks } from './run/hooks.js';
import type { Config, DataQualitySettings } from './resolve/modifiers.js';
import { AddedModules } from './resolve/build-modules.js';
import { Linker } from './resolve/link.js';
import { graphSourceOf, type GraphSourceSettings } from './source/graph-source.js';
import { resolveModule, type Module } from './resolve/resolve.js';
import { DictResult } from './run/results/dict-result.js';
import type { ResultBuilder } from './run/results/result-builder.js';
import { builderMessages } from './messages.js';
import { assertInputKinds, type InputKinds } from './run/input-kinds.js';
import type { ConfigOutputs, ModulesOutputs } from './types/module-outputs.js';
import type { OutputsByName } from './types/execute-types.js';
import { modulesFrom } from './modules.js';
import { checkConfig, checkHook, checkLogger, dataQualitySettings } from './settings.js';
import { buildExtension } from './build-extensions.js';
import { isPlainObject } from './values.js';
import { isCacheBehavior, type CacheSettings } from './cache-settings.js';

/**
 * Builds a Driver from decorated classes.
 *
 * The type parameters follow the calls: `R` the result type (`OutputsByName`
 * for the default DictResult), `N` output name → value type of the modules'
 * public methods (and config keys, and `withNodes<T>()`), `D` the inputs
 * declared with `withInputs<T>()`. They exist for the compiler only.
 *
 * @example
 * const dr = new Builder()
 *   .withModules(Marketing)
 *   .withConfig({ region: 'us' })
 *   .withResultBuilder(new TableResult())
 *   .build();
 */
export class Builder<R = OutputsByName, N extends object = {}, D extends object = {}> {
  private modules: Module[] = [];
  private config: Record<string, unknown> = {};
  private hooks: LifecycleHooks[] = [];
  private resultBuilder: ResultBuilder<unknown> = new DictResult();
  private executor: Executor | undefined;
  private logger: Logger | undefined;
  private overrides = false;
  private dataQuality: DataQualitySettings = { enabled: true };
  private inputKinds: InputKinds | undefined;
  /** Settings implemented by build extensions (lib/platform), by extension name. */
  private readonly extensions = new Map<string, unknown>();

  /**
   * Adds modules: classes (instantiated once, with no arguments), instances,
   * or module namespaces (`import * as features from './features.js'`), which
   * add every exported class with @node methods. Anything that would add no
   * node (`{}`, `Math`, a class without @node methods) is an InvalidInputsError.
   */
  withModules<const Ms extends readonly Module[]>(...modules: Ms): Builder<R, N & ModulesOutputs<Ms>, D> {
    const found = modulesFrom(modules);
    for (let k = 0; k < found.length; k++) this.modules.push(found[k]!);
    return this as Builder<R, N & ModulesOutputs<Ms>, D>;
  }

  /** Adds config: selects implementations at build time, and is readable by nodes as inputs. */
  withConfig<C extends Config>(config: C): Builder<R, N & ConfigOutputs<C>, D> {
    checkConfig(config);
    this.config = { ...this.config, ...config };
    return this as Builder<R, N & ConfigOutputs<C>, D>;
  }

  /** Adds lifecycle hooks, called in the order given. */
  withAdapters(...hooks: LifecycleHooks[]): this {
    for (let k = 0; k < hooks.length; k++) checkHook(hooks[k], k);
    for (let k = 0; k < hooks.length; k++) this.hooks.push(hooks[k]!);
    return this;
  }

  /** Sets how `execute` shapes its result (default: DictResult). */
  withResultBuilder(resultBuilder: DictResult): Builder<OutputsByName, N, D>;
  withResultBuilder<R2>(resultBuilder: ResultBuilder<R2>): Builder<R2, N, D>;
  withResultBuilder(resultBuilder: ResultBuilder<unknown>): Builder<unknown, N, D> {
    if (!resultBuilder || typeof resultBuilder.build !== 'function') throw new InvalidInputsError(builderMessages.badResultBuilder(resultBuilder));
    this.resultBuilder = resultBuilder;
    return this as Builder<unknown, N, D>;
  }

  /**
   * Declares the types of nodes the compiler cannot see (made by modifiers:
   * parameterize, extractColumns, renamed nodes ...), so `execute` types them
   * too. Types only: runs nothing, changes nothing at run time.
   *
   * @example
   * new Builder().withModules(Sales).withNodes<{ revenue: Float64Array }>().build();
   */
  withNodes<T extends object>(): Builder<R, N & T, D> {
    return this as Builder<R, N & T, D>;
  }

  /**
   * Declares the inputs' types: `execute`'s `inputs` must then be of these
   * names and types (`hamilton-ts check --inputs-type file.ts#Inputs` checks
   * the same declaration against the nodes' parameters). Types only.
   *
   * @example
   * interface Inputs { spend: Float64Array; signups: Float64Array }
   * new Builder().withModules(Marketing).withInputs<Inputs>().build();
   */
  withInputs<T extends object>(): Builder<R, N, D & T> {
    return this as Builder<R, N, D & T>;
  }

  /** Sets the executor (default: new LocalExecutor({ maxConcurrency: 16 })). */
  withExecutor(executor: Executor): this {
    if (!executor || typeof executor.run !== 'function') throw new InvalidInputsError(builderMessages.badExecutor(executor));
    this.executor = executor;
    return this;
  }

  /** Sets the pino logger for hook failures and data-quality results (default: level 'warn' on stderr). */
  withLogger(logger: Logger): this {
    checkLogger(logger);
    this.logger = logger;
    return this;
  }

  /**
   * Turns data-quality checks off (`enabled: false`), or forces their
   * importance (`importance: 'warn'` while developing; undefined restores each
   * check's own). Any other key or value is an InvalidInputsError.
   */
  withDataQuality(settings: Partial<DataQualitySettings>): this {
    this.dataQuality = dataQualitySettings(this.dataQuality, settings);
    return this;
  }

  /**
   * Checks, before anything runs, that each input given to `execute` is of the
   * kind declared for it (`column`, `table`, `object`, `scalar`, `number`,
   * `string`, `boolean`, `bigint`); a contradiction is an InvalidInputsError
   * naming the nodes that read the input. `hamilton-ts check --emit-kinds`
   * writes these kinds, inferred from the parameters' types, as JSON.
   *
   * @example
   * new Builder().withModules(Marketing).withInputChecks({ spend: 'column', region: 'string' });
   */
  withInputChecks(kinds: InputKinds): this {
    assertInputKinds(kinds);
    this.inputKinds = Object.freeze({ ...this.inputKinds, ...kinds });
    return this;
  }

  /**
   * Caches node values in a folder: a node whose code, config and inputs are
   * unchanged since a stored run is not run again. Every node is cached unless
   * `@cache({ behavior })` or `defaultBehavior` says otherwise.
   *
   * @example
   * new Builder().withModules(Features).withCache({ dir: '.hamilton-cache' }).build();
   */
  withCache(settings: CacheSettings): this {
    const ok =
      isPlainObject(settings) &&
      typeof settings.dir === 'string' &&
      settings.dir.length > 0 &&
      (settings.defaultBehavior === undefined || isCacheBehavior(settings.defaultBehavior));
    if (!ok) throw new InvalidInputsError(builderMessages.badCache(settings));
    this.extensions.set('cache', Object.freeze({ ...settings }));
    return this;
  }

  /** On duplicate node names, the later module's node wins instead of raising DuplicateNodeError. */
  allowModuleOverrides(): this {
    this.overrides = true;
    return this;
  }

  /** Resolves the modules, builds and checks the graph, and returns the Driver. */
  build(): Driver<R, N, D> {
    const config = Object.freeze({ ...this.config });
    const settings = {
      config,
      settings: Object.freeze({ dataQuality: Object.freeze({ ...this.dataQuality }) }),
      refs: new Map<string, unknown>(),
      added: new AddedModules(this.modules.length),
    };
    const resolved = this.modules.map((m, i) => resolveModule(m, i, settings));
    // Modules that modifiers added while resolving (subdag ...) come after the Builder's own.
    const linker = new Linker(resolved.map((r) => r.entry).concat(settings.added.entries), settings.refs);
    const graph = FunctionGraph.build(resolved, { config, allowOverrides: this.overrides, link: (spec) => linker.link(spec) });
    const entries = resolved.map((r) => r.entry);
    const logger = this.logger ?? pino({ level: 'warn' }, pino.destination({ dest: 2, sync: true }));
    const hooks = [...this.hooks];
    for (const [name, setting] of this.extensions) {
      const extension = buildExtension(name);
      if (!extension) throw new InvalidInputsError(builderMessages.noExtension(name));
      hooks.push(extension(setting, { graph, logger, link: linker }));
    }
    const sourceSettings = this.sourceSettings();
    return new Driver<R, N, D>(graph, {
      source: () => graphSourceOf(entries, config, sourceSettings),
      resultBuilder: this.resultBuilder as ResultBuilder<R>,
      executor: this.executor ?? new LocalExecutor({ maxConcurrency: 16 }),
      hooks,
      logger,
      inputKinds: this.inputKinds,
      linker,
    });
  }

  /** The settings a rebuilt graph needs to have the same nodes; undefined when all are defaults. */
  private sourceSettings(): GraphSourceSettings | undefined {
    const dq = this.dataQuality;
    const defaultDq = dq.enabled && dq.importance === undefined;
    if (defaultDq && !this.overrides) return undefined;
    return Object.freeze({
      ...(defaultDq ? {} : { dataQuality: Object.freeze({ ...dq }) }),
      ...(this.overrides ? { allowModuleOverrides: true } : {}),
    });
  }
}
