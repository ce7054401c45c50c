import { DecoratorError } from '../core/errors.js';
import { isPlainObject } from '../core/values.js';
import { parameterizeMessages } from './messages.js';
import type { ParameterMapping } from './parameterize.js';
import { checkedMapping, expanderDecorator } from './parameterize-outputs.js';
import type { MethodDecorator } from './record-modifier.js';

/**
 * Fills some of the method's parameters with values, other nodes, config or
 * groups of them, keeping the node's name (Hamilton's `@inject`: a
 * `@parameterize` with one output, the method's own node). Like every
 * expander it cannot be combined with `@parameterize` on one method.
 *
 * @example
 * class Totals {
 *   @inject({ parts: group(source('spendUs'), source('spendUk'), value(0)) })
 *   @node()
 *   totalSpend(parts: number[]) { return parts.reduce((a, b) => a + b, 0); }
 * }
 */
export function inject(mapping: ParameterMapping): MethodDecorator {
  return expanderDecorator('@inject', (method) => {
    if (isPlainObject(mapping) && Object.keys(mapping).length === 0) {
      throw new DecoratorError(parameterizeMessages.nothingToInject(method));
    }
    return [{ mapping: checkedMapping('@inject', method, undefined, mapping) }];
  });
}
