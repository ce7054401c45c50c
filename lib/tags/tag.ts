import { modifierDecorator } from '../decorators/record-modifier.js';
import type { TagValue } from '../core/node.js';
import { validateTags } from './validate-tags.js';

/**
 * Attaches tags to the method's node (its final nodes, when a modifier makes
 * several). Stackable; on a repeated key the decorator written higher wins
 * (tags are applied in source order and never overwrite one already set).
 *
 * @example
 * class Features {
 *   @tag({ owner: 'data-science', regions: ['us', 'uk'] })
 *   @node()
 *   revenue(orders: number[]) { return orders.reduce((a, b) => a + b, 0); }
 * }
 */
export function tag(tags: Readonly<Record<string, TagValue>>) {
  const valid = validateTags('@tag', tags);
  return modifierDecorator('@tag', {
    stage: 'decorate',
    decorate: (nodes, finals) => nodes.map((n) => (finals.has(n.name) ? { ...n, tags: { ...valid, ...n.tags } } : n)),
  });
}
