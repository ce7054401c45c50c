/**
 * How a config condition compares one key, for `@config.when` and its
 * siblings and for a pipe step's `.when*`: one rule, so a step and a method
 * under the same condition are kept under the same config.
 */
import type { Config } from '../core/resolve/modifiers.js';

/**
 * How a config decorator compares each key: equal to, not equal to, one of, none of.
 *
 * @example
 * const test: ConfigTest = 'whenIn';
 */
export type ConfigTest = 'when' | 'whenNot' | 'whenIn' | 'whenNotIn';

/**
 * Whether config key `key` passes `test` against `wanted` (a value for `when`
 * and `whenNot`, a list for `whenIn` and `whenNotIn`). A key missing from
 * config reads as `undefined`, as Hamilton's `config.get(key)` gives None: it
 * passes `whenNot` and `whenNotIn`, never `when` or `whenIn`.
 *
 * @example
 * configMatches('whenIn', ['uk', 'ie'], { region: 'uk' }, 'region'); // true
 */
export function configMatches(test: ConfigTest, wanted: unknown, config: Config, key: string): boolean {
  const actual = Object.prototype.hasOwnProperty.call(config, key) ? config[key] : undefined;
  switch (test) {
    case 'when': return actual === wanted;
    case 'whenNot': return actual !== wanted;
    case 'whenIn': return (wanted as readonly unknown[]).includes(actual);
    default: return !(wanted as readonly unknown[]).includes(actual);
  }
}
