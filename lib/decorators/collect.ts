import { DecoratorError } from '../core/errors.js';
import { modifierDecorator, type MethodDecorator } from './record-modifier.js';
import { NodeOptionsDecorator } from './node-options.js';
import { optionMessages } from './messages.js';

/**
 * Gathers a fan-out (Hamilton's `Collect`): the parameter `name`, a node that
 * runs once per item of a `@parallelizable` node, is received as the array of
 * its values, in item order.
 *
 * @example
 * @collect('wordCount')
 * @node()
 * total(wordCount: number[]): number { return wordCount.reduce((a, b) => a + b, 0); }
 */
export function collect(name: string): MethodDecorator {
  if (typeof name !== 'string' || name.length === 0) throw new DecoratorError(optionMessages.badCollect(name));
  return modifierDecorator('@collect', new NodeOptionsDecorator('@collect', { collect: name }, name));
}
