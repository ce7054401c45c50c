import { DecoratorError } from '../core/errors.js';
import { isCacheBehavior, type CacheBehavior } from '../core/cache-settings.js';
import { modifierDecorator, type MethodDecorator } from './record-modifier.js';
import { NodeOptionsDecorator } from './node-options.js';
import { optionMessages } from './messages.js';

/** Options of `@cache`. */
export interface CacheOptions {
  /** How the node uses the cache set with `Builder.withCache` (default `'default'`). */
  readonly behavior?: CacheBehavior;
}

/**
 * Sets how a node uses the driver's cache (Hamilton's `@cache(behavior=...)`):
 * `'default'` reuses a stored value while the node's code, config and inputs
 * are unchanged, `'recompute'` always runs it and stores the new value,
 * `'disable'` never reads or writes the cache for it. Applies to every node the
 * method makes (a checked method's `x_raw` and validators too). Without
 * `Builder.withCache` it does nothing.
 *
 * @example
 * class Features {
 *   @cache({ behavior: 'recompute' })
 *   @node()
 *   todaysPrices(ticker: string): Promise<number[]> { return fetchPrices(ticker); }
 * }
 */
export function cache(options: CacheOptions = {}): MethodDecorator {
  const behavior = options !== null && typeof options === 'object' ? (options.behavior ?? 'default') : undefined;
  const record = isCacheBehavior(behavior)
    ? modifierDecorator('@cache', new NodeOptionsDecorator('@cache', { cache: behavior }, undefined, 'all'))
    : undefined;
  return (value, context) => {
    // Checked here, where the method's name is known, so the error can name it.
    if (!record) throw new DecoratorError(optionMessages.badCache(String(context.name), options));
    record(value, context);
  };
}
