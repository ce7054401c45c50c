import { DecoratorError } from '../core/errors.js';
import { isPlainObject } from '../core/values.js';
import { source } from './dependencies.js';
import { parameterizeMessages } from './messages.js';
import { expanderDecorator, namedOutputs, type ParameterizeOptions } from './parameterize-outputs.js';
import type { MethodDecorator } from './record-modifier.js';

/**
 * One node per mapping of parameters to other nodes (Hamilton's
 * `@parameterize_sources`): `{ outName: { param: 'nodeName' } }`.
 *
 * @example
 * class Shifts {
 *   @parameterizeSources({ electionShifted: { day: 'election' }, holidayShifted: { day: 'holiday' } })
 *   @node({ doc: '{day} shifted by one, as {outputName}.' })
 *   shifted(day: number[]) { return [0, ...day.slice(0, -1)]; }
 * }
 */
export function parameterizeSources(outputs: Readonly<Record<string, Readonly<Record<string, string>>>>, options?: ParameterizeOptions): MethodDecorator {
  const decorator = '@parameterizeSources';
  return expanderDecorator(decorator, (method) => {
    const example = `${decorator}({ out: { param: 'otherNode' } })`;
    return namedOutputs(decorator, method, outputs, options, example, (output, mapping) => {
      if (!isPlainObject(mapping)) throw new DecoratorError(parameterizeMessages.notAnObject(decorator, method, `for output \`${output}\` an object of parameters`, example, mapping));
      const entries = Object.entries(mapping);
      if (entries.length === 0) throw new DecoratorError(parameterizeMessages.emptySources(decorator, method, output));
      for (const [param, name] of entries) {
        if (typeof name !== 'string' || name.length === 0) throw new DecoratorError(parameterizeMessages.notANodeName(decorator, method, output, param, name));
      }
      return Object.freeze(Object.fromEntries(entries.map(([param, name]) => [param, source(name as string)] as const)));
    });
  });
}
