import { DecoratorError } from '../core/errors.js';
import { tagMessages } from '../core/messages.js';
import type { TagValue } from '../core/node.js';
import { modifierDecorator } from '../decorators/record-modifier.js';
import { validateTags } from './validate-tags.js';

/**
 * Tags individual outputs of a method that produces several nodes (or its one
 * node, by name). Wins over `@tag` on the same key. Naming an output the
 * method does not produce is a DecoratorError at build time.
 *
 * @example
 * @tagOutputs({ spend: { pii: 'false' } })
 * @node()
 * spend(raw: number[]) { return raw; }
 */
export function tagOutputs(byOutput: Readonly<Record<string, Readonly<Record<string, TagValue>>>>) {
  const valid = Object.fromEntries(Object.entries(byOutput ?? {}).map(([out, tags]) => [out, validateTags('@tagOutputs', tags)]));
  return modifierDecorator('@tagOutputs', {
    stage: 'decorate',
    order: 1,
    decorate: (nodes, _finals, ctx) => {
      const names = new Set(nodes.map((n) => n.name));
      const unknown = Object.keys(valid).filter((o) => !names.has(o));
      if (unknown.length) throw new DecoratorError(tagMessages.unknownOutputs(ctx.origin, unknown, [...names]));
      return nodes.map((n) => (Object.hasOwn(valid, n.name) ? { ...n, tags: { ...n.tags, ...valid[n.name] } } : n));
    },
  });
}
