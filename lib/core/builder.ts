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
import { builderMessages } from './messages.js';
import type { Config, DataQualitySettings } from './resolve/modifiers.js';
import { Linker } from './resolve/link.js';
import { graphSourceOf, type GraphSourceSettings } from './source/graph-source.js';
import { resolveModule, type Module } from './resolve/resolve.js';
import { DictResult } from './run/results/dict-result.js';
import type { ResultBuilder } from './run/results/result-builder.js';
import { isPlainObject } from './values.js';
import { buildExtension } from './build-extensions.js';
import { isCacheBehavior, type CacheSettings } from './cache-settings.js';

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
  /** Settings implemented by build extensions (lib/platform), by extension name. */
  private readonly extensions = new Map<string, unknown>();

  /** Adds modules: classes (instantiated once, with no arguments) or instances. */
  withModules(...modules: Module[]): this {
    for (const m of modules) {
      if (m === null || (typeof m !== 'function' && typeof m !== 'object')) throw new InvalidInputsError(builderMessages.badModule(m));
    }
    this.modules.push(...modules);
    return this;
  }

  /** Adds config: selects implementations at build time, and is readable by nodes as inputs. */
  withConfig(config: Config): this {
    if (!isPlainObject(config)) throw new InvalidInputsError(builderMessages.badConfig(config));
    this.config = { ...this.config, ...config };
    return this;
  }

  /** Adds lifecycle hooks, called in the order given. */
  withAdapters(...hooks: LifecycleHooks[]): this {
    for (const h of hooks) if (h === null || typeof h !== 'object') throw new InvalidInputsError(builderMessages.badHook(h));
    this.hooks.push(...hooks);
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
    this.logger = logger;
    return this;
  }

  /** Turns data-quality checks off, or forces their importance (e.g. 'warn' while developing). */
  withDataQuality(settings: Partial<DataQualitySettings>): this {
    this.dataQuality = { ...this.dataQuality, ...settings };
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
  build(): Driver<R> {
    const config = Object.freeze({ ...this.config });
    const settings = { config, settings: Object.freeze({ dataQuality: Object.freeze({ ...this.dataQuality }) }), refs: new Map<string, unknown>() };
    const resolved = this.modules.map((m, i) => resolveModule(m, i, settings));
    const linker = new Linker(
      resolved.map((r) => r.entry),
      settings.refs,
    );
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
    return new Driver<R>(graph, {
      source: () => graphSourceOf(entries, config, sourceSettings),
      resultBuilder: this.resultBuilder as ResultBuilder<R>,
      executor: this.executor ?? new LocalExecutor({ maxConcurrency: 16 }),
      hooks,
      logger,
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
