/**
 * The resolve-stage modifier behind `@config.when` and its siblings: keeps the
 * method's node when the config matches, under the name before the method's
 * last `__` (`foo__a` gives node `foo`), and says why it is absent otherwise.
 */
import type { NodeSpec } from '../core/node.js';
import type { Absent, Config, NodeResolver, ResolveContext } from '../core/resolve/modifiers.js';
import { configMatches, type ConfigTest } from './config-match.js';
import { configMessages } from './messages.js';

/**
 * Keeps or drops a method by config; its keys are ANDed. A key missing from
 * config reads as `undefined` (Hamilton's `config.get(key)` gives None): it
 * matches `whenNot` and `whenNotIn`, never `when` or `whenIn`.
 *
 * @example
 * new ConfigResolver('when', { mode: 'a' }).resolve(node, ctx); // node `foo` for method foo__a, or Absent
 */
export class ConfigResolver implements NodeResolver {
  readonly stage = 'resolve';
  private readonly keys: readonly string[];

  constructor(
    readonly test: ConfigTest,
    /** Key → value (`when`, `whenNot`) or key → list of values (`whenIn`, `whenNotIn`). */
    readonly conditions: Readonly<Record<string, unknown>>,
  ) {
    this.keys = Object.keys(conditions);
  }

  resolve(node: NodeSpec, ctx: ResolveContext): NodeSpec | Absent {
    // Only a name the method gave is shortened: `@node({ name })` (or an earlier config decorator) already chose one.
    const name = node.name === ctx.method ? variantName(ctx.method) : node.name;
    if (!this.keys.every((key) => this.matches(key, ctx.config))) {
      const failed = this.keys.filter((key) => !this.matches(key, ctx.config));
      return { absent: configMessages.absent(this.test, failed, this.conditions, ctx.config), name };
    }
    return name === node.name ? node : { ...node, name };
  }

  private matches(key: string, config: Config): boolean {
    return configMatches(this.test, this.conditions[key], config, key);
  }
}

/**
 * The node name of a config variant: the method name before its last `__`.
 *
 * @example
 * variantName('spend__us'); // 'spend'
 */
export function variantName(method: string): string {
  const k = method.lastIndexOf('__');
  return k === -1 ? method : method.slice(0, k);
}
