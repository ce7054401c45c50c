/**
 * `@subdag([ModuleA, ModuleB], { inputs, config, namespace, externalInputs })`
 * (Hamilton's `subdag`): whole module sets embedded in the graph under a
 * namespace, feeding the decorated method.
 */
import { DecoratorError } from '../core/errors.js';
import type { Module } from '../core/resolve/resolve.js';
import { isPlainObject } from '../core/values.js';
import { subdagMessages } from './messages.js';
import { modifierDecorator, type MethodDecorator } from './record-modifier.js';
import { SubdagGenerator, subdagPart, type SubdagParts } from './subdag-generator.js';

/** Options of `@subdag`. */
export interface SubdagOptions extends SubdagParts {
  /** Prefix of the embedded nodes (`namespace.node`); default: the method's node name. No dots. */
  readonly namespace?: string;
}

/**
 * Embeds the nodes of `modules` under a namespace (`features.a` ...),
 * resolved with the subdag's own `config` merged over the outer config (their
 * `@config.when` decorators see it). `inputs` feed the subdag's external
 * inputs from outer nodes (`source`) or literals (`value`); the method's
 * parameters are read from the subdag's nodes (except `externalInputs`), and
 * its body combines them into the method's node. Each embedded node runs its
 * own module's method and carries the namespace tag.
 *
 * @example
 * class Pipeline {
 *   @subdag([Features], { inputs: { path: source('salesPath') }, config: { region: 'us' } })
 *   @node()
 *   usFeatures(featureTable: ColumnTable) { return featureTable; }
 * }
 */
export function subdag(modules: readonly Module[], options: SubdagOptions = {}): MethodDecorator {
  if (!isPlainObject(options as unknown)) throw new DecoratorError(subdagMessages.badOptions('@subdag', options));
  return (value, context) => {
    const part = subdagPart('@subdag', String(context.name), modules, options, options.namespace, undefined);
    modifierDecorator('@subdag', new SubdagGenerator([part]))(value, context);
  };
}
