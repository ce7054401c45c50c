import type { TagValue } from '../core/node.js';
import { modifierDecorator } from '../decorators/record-modifier.js';
import { TagOutputsDecorator } from './tag-decorator.js';
import { validateTags } from './validate-tags.js';

/**
 * Tags individual outputs of a method that produces several nodes (or its one
 * node, by name), generated ones included (`@parameterize`, `@extractColumns`
 * ...). Wins over `@tag` on the same key. Naming an output the method does not
 * produce is a DecoratorError at build time.
 *
 * @example
 * @tagOutputs({ spend: { pii: 'false' } })
 * @node()
 * spend(raw: number[]) { return raw; }
 */
export function tagOutputs(byOutput: Readonly<Record<string, Readonly<Record<string, TagValue>>>>) {
  const valid = Object.fromEntries(Object.entries(byOutput ?? {}).map(([out, tags]) => [out, validateTags('@tagOutputs', tags)]));
  return modifierDecorator('@tagOutputs', new TagOutputsDecorator(valid));
}
