/**
 * The cache's settings as the Builder and the `@cache` decorator know them.
 * The cache itself lives in lib/platform/cache.
 */

/**
 * How one node uses the cache (Hamilton's cache behaviours):
 * `'default'` reads a stored value when its key matches and stores new ones,
 * `'recompute'` always runs the node and stores the new value,
 * `'disable'` runs the node as if there were no cache.
 */
export type CacheBehavior = 'default' | 'recompute' | 'disable';

/** Every cache behaviour, for checks and messages. */
export const CACHE_BEHAVIORS: readonly CacheBehavior[] = Object.freeze(['default', 'recompute', 'disable']);

/**
 * `Builder.withCache` settings.
 *
 * @example
 * new Builder().withModules(Features).withCache({ dir: '.hamilton-cache' });
 */
export interface CacheSettings {
  /** The folder of the cache entries (created when first written). */
  readonly dir: string;
  /**
   * The behaviour of nodes without `@cache` (default `'default'`: every node is
   * cached, as in Hamilton). `'disable'` caches only the nodes marked `@cache()`.
   */
  readonly defaultBehavior?: CacheBehavior;
}

/**
 * True for one of the cache behaviours.
 *
 * @example
 * isCacheBehavior('recompute'); // true
 */
export function isCacheBehavior(v: unknown): v is CacheBehavior {
  return typeof v === 'string' && (CACHE_BEHAVIORS as readonly string[]).includes(v);
}
