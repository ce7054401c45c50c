/**
 * Build extensions: how a Builder setting whose implementation lives outside
 * lib/core (the cache, in lib/platform) becomes lifecycle hooks when the graph
 * is built, without lib/core importing it. The implementing module registers
 * itself by name when the package entry is imported; the Builder only stores
 * the setting and asks for the extension in `build()`.
 */
import type { Logger } from 'pino';
import type { FunctionGraph } from './graph/graph.js';
import type { LifecycleHooks } from './run/hooks.js';
import type { LinkContext } from './resolve/ops.js';

/** What an extension sees of a finished build. */
export interface BuiltGraph {
  readonly graph: FunctionGraph;
  /** The driver's logger. */
  readonly logger: Logger;
  /** The build's modules and registered values, as linking saw them (to read a node's code). */
  readonly link: LinkContext;
}

/**
 * Turns a Builder setting into the hooks of one built graph.
 *
 * @example
 * const extension: BuildExtension<{ dir: string }> = (settings, { graph }) => ({ executeNode: (event, run) => run() });
 */
export type BuildExtension<S> = (settings: S, built: BuiltGraph) => LifecycleHooks;

const EXTENSIONS = new Map<string, BuildExtension<never>>();

/**
 * Registers the extension behind a Builder setting (`'cache'` for `withCache`).
 *
 * @example
 * registerBuildExtension('cache', (settings: CacheSettings, built) => new CacheHook(settings, built));
 */
export function registerBuildExtension<S>(name: string, extension: BuildExtension<S>): void {
  EXTENSIONS.set(name, extension as BuildExtension<never>);
}

/**
 * The extension registered under `name`, if any.
 *
 * @example
 * buildExtension('cache')?.(settings, built);
 */
export function buildExtension<S>(name: string): BuildExtension<S> | undefined {
  return EXTENSIONS.get(name) as BuildExtension<S> | undefined;
}
