/**
 * `@parameterizedSubdag(modules, { outName: { inputs, config } }, shared)`
 * (Hamilton's `parameterized_subdag`): one method, one subdag per output.
 */
import { DecoratorError } from '../core/errors.js';
import type { Module } from '../core/resolve/resolve.js';
import { isPlainObject } from '../core/values.js';
import { subdagMessages } from './messages.js';
import { modifierDecorator, type MethodDecorator } from './record-modifier.js';
import { checkName } from './step.js';
import { SubdagGenerator, subdagPart, type SubdagParts } from './subdag-generator.js';

/**
 * Embeds `modules` once per entry of `parameterization`: entry `outName`
 * becomes the namespace `outName.*` and a node `outName` made by the method's
 * body from that subdag. `shared` inputs and config apply to every entry; an
 * entry's own win key by key (its `externalInputs` replace the shared ones).
 *
 * @example
 * class Pipeline {
 *   @parameterizedSubdag([Features], {
 *     fromUs: { inputs: { path: value('us.csv') } },
 *     fromUk: { inputs: { path: value('uk.csv') }, config: { currency: 'gbp' } },
 *   })
 *   @node()
 *   features(featureTable: ColumnTable) { return featureTable; }
 * }
 */
export function parameterizedSubdag(
  modules: readonly Module[],
  parameterization: Readonly<Record<string, SubdagParts>>,
  shared: SubdagParts = {},
): MethodDecorator {
  const decorator = '@parameterizedSubdag';
  if (!isPlainObject(parameterization) || Object.keys(parameterization).length === 0) {
    throw new DecoratorError(subdagMessages.badParameterization(parameterization));
  }
  if (!isPlainObject(shared as unknown)) throw new DecoratorError(subdagMessages.badOptions(decorator, shared));
  return (value, context) => {
    const method = String(context.name);
    const parts = Object.entries(parameterization).map(([out, p]) => {
      checkName(`${decorator} on method \`${method}\`: output`, out);
      if (!isPlainObject(p as unknown)) throw new DecoratorError(subdagMessages.badEntry(method, out, p));
      const merged: SubdagParts = {
        inputs: { ...shared.inputs, ...p.inputs },
        config: { ...shared.config, ...p.config },
        externalInputs: p.externalInputs ?? shared.externalInputs ?? [],
      };
      return subdagPart(decorator, method, modules, merged, out, out);
    });
    modifierDecorator(decorator, new SubdagGenerator(parts))(value, context);
  };
}
