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
import { graphSourceOf } from './source/graph-source.js';
import { resolveModule, type Module } from './resolve/resolve.js';
import { DictResult } from './run/results/dict-result.js';
import type { ResultBuilder } from './run/results/result-builder.js';
import { builderMessages } from './messages.js';
import { modulesFrom } from './modules.js';
import { checkConfig, checkHook, checkLogger, dataQualitySettings } from './settings.js';

/**
 * Builds a Driver from decorated classes.
 *
 * @example
 * const dr = new Builder()
 *   .withModules(Marketing)
 *   .withConfig({ region: 'us' })
 *   .withResultBuilder(new TableResult())
 *   .build();
 */
export class Builder<R = Record<string, unknown>> {
  private modules: Module[] = [];
  private config: Record<string, unknown> = {};
  private hooks: LifecycleHooks[] = [];
  private resultBuilder: ResultBuilder<unknown> = new DictResult();
  private executor: Executor | undefined;
  private logger: Logger | undefined;
  private overrides = false;
  private dataQuality: DataQualitySettings = { enabled: true };

  /**
   * Adds modules: classes (instantiated once, with no arguments), instances,
   * or module namespaces (`import * as features from './features.js'`), which
   * add every exported class with @node methods. Anything that would add no
   * node (`{}`, `Math`, a class without @node methods) is an InvalidInputsError.
   */
  withModules(...modules: Module[]): this {
    const found = modulesFrom(modules);
    for (let k = 0; k < found.length; k++) this.modules.push(found[k]!);
    return this;
  }

  /** Adds config: selects implementations at build time, and is readable by nodes as inputs. */
  withConfig(config: Config): this {
    checkConfig(config);
    this.config = { ...this.config, ...config };
    return this;
  }

  /** Adds lifecycle hooks, called in the order given. */
  withAdapters(...hooks: LifecycleHooks[]): this {
    for (let k = 0; k < hooks.length; k++) checkHook(hooks[k], k);
    for (let k = 0; k < hooks.length; k++) this.hooks.push(hooks[k]!);
    return this;
  }

  /** Sets how `execute` shapes its result (default: DictResult). */
  withResultBuilder<R2>(resultBuilder: ResultBuilder<R2>): Builder<R2> {
    if (!resultBuilder || typeof resultBuilder.build !== 'function') throw new InvalidInputsError(builderMessages.badResultBuilder(resultBuilder));
    this.resultBuilder = resultBuilder;
    return this as unknown as Builder<R2>;
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

  /** On duplicate node names, the later module's node wins instead of raising DuplicateNodeError. */
  allowModuleOverrides(): this {
    this.overrides = true;
    return this;
  }

  /** Resolves the modules, builds and checks the graph, and returns the Driver. */
  build(): Driver<R> {
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
    return new Driver<R>(graph, {
      source: () => graphSourceOf(entries, config),
      resultBuilder: this.resultBuilder as ResultBuilder<R>,
      executor: this.executor ?? new LocalExecutor({ maxConcurrency: 16 }),
      hooks: [...this.hooks],
      logger: this.logger ?? pino({ level: 'warn' }, pino.destination({ dest: 2, sync: true })),
      linker,
    });
  }
}
