/**
 * `@config.when`, `@config.whenNot`, `@config.whenIn`, `@config.whenNotIn`:
 * choose a method's implementation from config when the graph is built
 * (Hamilton's `@config`). Methods `name__variant` make node `name`.
 */
import { DecoratorError } from '../core/errors.js';
import { isPlainObject } from '../core/values.js';
import type { ConfigTest } from './config-match.js';
import { ConfigResolver } from './config-resolver.js';
import { configMessages } from './messages.js';
import { modifierDecorator, type MethodDecorator } from './record-modifier.js';

function configDecorator(test: ConfigTest, conditions: unknown): MethodDecorator {
  const decorator = `@config.${test}`;
  const lists = test === 'whenIn' || test === 'whenNotIn';
  return (value, context) => {
    const method = String(context.name);
    if (!isPlainObject(conditions) || Object.keys(conditions).length === 0) {
      throw new DecoratorError(configMessages.badConditions(decorator, method, lists, conditions));
    }
    const copy: Record<string, unknown> = {};
    for (const [key, wanted] of Object.entries(conditions)) {
      if (lists && (!Array.isArray(wanted) || wanted.length === 0)) throw new DecoratorError(configMessages.notAList(decorator, method, key, wanted));
      copy[key] = lists ? Object.freeze([...(wanted as unknown[])]) : wanted;
    }
    if (method.endsWith('__') || method.startsWith('__')) throw new DecoratorError(configMessages.badVariantName(decorator, method));
    modifierDecorator(decorator, new ConfigResolver(test, Object.freeze(copy)))(value, context);
  };
}

/**
 * Config decorators: each keeps the method's node only when every key it
 * names matches the config (keys ANDed; several config decorators on one
 * method AND together). A method named `name__variant` makes node `name`, so
 * several variants of one node can live side by side. A key missing from
 * config reads as `undefined`. Values are compared with `===`.
 *
 * @example
 * class Spend {
 *   @config.when({ region: 'us' })
 *   @node()
 *   spend__us(spendUsd: number[]) { return spendUsd; }
 *
 *   @config.whenIn({ region: ['uk', 'ie'] })
 *   @node()
 *   spend__eu(spendEur: number[], rate: number) { return spendEur.map((s) => s * rate); }
 * }
 * new Builder().withModules(Spend).withConfig({ region: 'uk' }).build(); // node `spend` from spend__eu
 */
export const config = Object.freeze({
  /**
   * Keeps the node when every key equals its value.
   *
   * @example
   * @config.when({ region: 'us', model: 'v2' })
   */
  when: (conditions: Readonly<Record<string, unknown>>): MethodDecorator => configDecorator('when', conditions),
  /**
   * Keeps the node when every key differs from its value (a missing key differs).
   *
   * @example
   * @config.whenNot({ region: 'us' })
   */
  whenNot: (conditions: Readonly<Record<string, unknown>>): MethodDecorator => configDecorator('whenNot', conditions),
  /**
   * Keeps the node when every key is one of its listed values.
   *
   * @example
   * @config.whenIn({ region: ['uk', 'ie'] })
   */
  whenIn: (conditions: Readonly<Record<string, readonly unknown[]>>): MethodDecorator => configDecorator('whenIn', conditions),
  /**
   * Keeps the node when no key is one of its listed values (a missing key is none of them).
   *
   * @example
   * @config.whenNotIn({ region: ['uk', 'ie'] })
   */
  whenNotIn: (conditions: Readonly<Record<string, readonly unknown[]>>): MethodDecorator => configDecorator('whenNotIn', conditions),
});
