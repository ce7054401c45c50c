import { DecoratorError } from '../core/errors.js';
import { value } from './dependencies.js';
import { parameterizeMessages } from './messages.js';
import { expanderDecorator, namedOutputs, type ParameterizeOptions } from './parameterize-outputs.js';
import type { MethodDecorator } from './record-modifier.js';

/**
 * One node per value of one parameter (Hamilton's `@parameterize_values`):
 * `{ outName: literal }`. The other parameters stay dependencies.
 *
 * @example
 * class Events {
 *   @parameterizeValues('date', { election2016: '2016-11-08', election2020: '2020-11-03' }, { docs: { election2016: 'US election 2016.' } })
 *   @node({ doc: 'One on {date}, zero elsewhere.' })
 *   dummy(dateIndex: string[], date: string) { return dateIndex.map((d) => (d === date ? 1 : 0)); }
 * }
 */
export function parameterizeValues(parameter: string, values: Readonly<Record<string, unknown>>, options?: ParameterizeOptions): MethodDecorator {
  const decorator = '@parameterizeValues';
  return expanderDecorator(decorator, (method) => {
    if (typeof parameter !== 'string' || parameter.length === 0) throw new DecoratorError(parameterizeMessages.badParameter(decorator, method, parameter));
    const example = `${decorator}('${parameter}', { out: 1 })`;
    return namedOutputs(decorator, method, values, options, example, (_output, literal) => Object.freeze({ [parameter]: value(literal) }));
  });
}
