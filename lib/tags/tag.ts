import { modifierDecorator } from '../decorators/record-modifier.js';
import type { TagValue } from '../core/node.js';
import type { Target } from '../core/resolve/modifiers.js';
import { TagDecorator } from './tag-decorator.js';
import { validateTags } from './validate-tags.js';

/** Options of `@tag`. */
export interface TagOptions {
  /**
   * Which of the method's nodes get the tags when a modifier makes several: by
   * default its final nodes; a node name, a list, or 'all' (Hamilton's `target_`).
   */
  readonly target?: Target;
}

/**
 * Attaches tags to the method's node (its final nodes, when a modifier makes
 * several, or the nodes `target` names). Stackable; on a repeated key the
 * decorator written higher wins.
 *
 * @example
 * class Features {
 *   @tag({ owner: 'data-science', regions: ['us', 'uk'] })
 *   @node()
 *   revenue(orders: number[]) { return orders.reduce((a, b) => a + b, 0); }
 * }
 */
export function tag(tags: Readonly<Record<string, TagValue>>, options: TagOptions = {}) {
  const valid = validateTags('@tag', tags);
  return modifierDecorator('@tag', new TagDecorator(valid, options.target));
}
