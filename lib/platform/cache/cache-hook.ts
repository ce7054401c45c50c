/**
 * The cache as a lifecycle hook: `executeNode` looks a node's key up before it
 * runs and stores its value after. Hooks wrap wherever the executor runs the
 * node (this thread, a worker), so a hit never reaches a worker.
 *
 * Which nodes: every node, as in Hamilton, unless `@cache({ behavior })` or
 * `withCache({ defaultBehavior })` says otherwise. The final node of a checked
 * node always runs (it is a pass-through that logs the checks' results and
 * raises on failed 'fail' checks, so a cached run reports its checks too); its
 * raw value and validators are cached like any node.
 */
import type { Logger } from 'pino';
import type { BuiltGraph } from '../../core/build-extensions.js';
import type { CacheBehavior, CacheSettings } from '../../core/cache-settings.js';
import type { FunctionGraph } from '../../core/graph/graph.js';
import type { AfterGraphExecuteEvent, BeforeNodeExecuteEvent, LifecycleHooks } from '../../core/run/hooks.js';
import { CacheKeys, valuePrint } from './cache-key.js';
import { cacheMessages } from './messages.js';
import { CacheStore } from './store.js';

/**
 * The hook `Builder.withCache` adds.
 *
 * @example
 * const hook = new CacheHook({ dir: '.hamilton-cache' }, { graph, logger, link });
 */
export class CacheHook implements LifecycleHooks {
  private readonly store: CacheStore;
  private readonly keys: CacheKeys;
  private readonly graph: FunctionGraph;
  private readonly logger: Logger;
  private readonly defaultBehavior: CacheBehavior;
  /** Fingerprints of the object values of each running run, by run id. */
  private readonly memos = new Map<string, WeakMap<object, string>>();
  private configReported = false;

  constructor(settings: CacheSettings, built: BuiltGraph) {
    this.store = new CacheStore(settings.dir);
    this.keys = new CacheKeys(built.graph, built.link);
    this.graph = built.graph;
    this.logger = built.logger;
    this.defaultBehavior = settings.defaultBehavior ?? 'default';
  }

  async executeNode(event: BeforeNodeExecuteEvent, run: () => Promise<unknown>): Promise<unknown> {
    const node = this.graph.node(event.name);
    const spec = node?.spec;
    if (!node || !spec || spec.role === 'final') return run();
    const behavior = (spec.options?.cache as CacheBehavior | undefined) ?? this.defaultBehavior;
    if (behavior === 'disable') return run();
    const { runId, name } = event;
    const memo = this.memoOf(runId);
    const args = spec.dependencies.map((d) => event.inputs[d.name]);
    const made = this.keys.keyOf(node, args, memo);
    if (!made.ok) {
      this.reportNoKey(name, runId, made.reason);
      return run();
    }
    const key = made.key;
    if (behavior === 'default') {
      const found = await this.store.read(key);
      if (found.status === 'hit') {
        if (found.fingerprint !== undefined && found.value !== null && typeof found.value === 'object') memo.set(found.value, found.fingerprint);
        this.logger.info({ node: name, cache: 'hit', key, runId }, cacheMessages.hit(name));
        return found.value;
      }
      if (found.status === 'corrupt') this.logger.warn({ node: name, cache: 'corrupt', key, runId, file: found.file, reason: found.reason }, cacheMessages.corrupt(name, found.file, found.reason));
      this.logger.info({ node: name, cache: 'miss', key, runId }, cacheMessages.miss(name));
    } else {
      this.logger.info({ node: name, cache: 'miss', key, runId, behavior }, cacheMessages.recompute(name));
    }
    const value = await run();
    const print = valuePrint(value, memo);
    const written = await this.store.write(key, name, value, print.ok ? print.digest : undefined);
    if (!written.ok) {
      if (written.unstorable) this.logger.debug({ node: name, cache: 'skip', key, runId, reason: written.reason }, cacheMessages.notStored(name, written.reason));
      else this.logger.warn({ node: name, cache: 'write-failed', key, runId, reason: written.reason }, cacheMessages.writeFailed(name, this.store.dir, written.reason));
    }
    return value;
  }

  afterGraphExecute(event: AfterGraphExecuteEvent): void {
    this.memos.delete(event.runId);
  }

  private memoOf(runId: string): WeakMap<object, string> {
    let memo = this.memos.get(runId);
    if (!memo) this.memos.set(runId, (memo = new WeakMap()));
    return memo;
  }

  private reportNoKey(name: string, runId: string, reason: string): void {
    const config = this.keys.config();
    if (!config.ok) {
      if (!this.configReported) this.logger.warn({ cache: 'off', runId, reason: config.reason }, cacheMessages.configUnhashable(config.reason));
      this.configReported = true;
      return;
    }
    this.logger.debug({ node: name, cache: 'skip', runId, reason }, cacheMessages.noKey(name, reason));
  }
}
