/**
 * What `@loadFrom` and `@saveTo` share: a format name and an options object,
 * checked where the decorator is written; the decorator's own keys (`inject`,
 * `outputName`, `target`) are split from the loader's or saver's options,
 * which become dependency specs. The format is checked when the graph is built.
 */
import { DecoratorError } from '../core/errors.js';
import type { NodeModifier } from '../core/resolve/modifiers.js';
import { isPlainObject } from '../core/values.js';
import { adapterSpecs } from '../io/adapter-options.js';
import { adapterMessages } from '../io/messages.js';
import { getFormat } from '../io/registry.js';
import type { DependencySpec } from './dependencies.js';
import { ioDecoratorMessages } from './messages.js';
import { modifierDecorator, type MethodDecorator } from './record-modifier.js';

/**
 * A method decorator recording the modifier `make` builds from the checked
 * options (`specs`) and the decorator's own keys (`own`).
 *
 * @example
 * ioModifierDecorator('@saveTo', 'csv', { path: 'out.csv' }, ['outputName'], (specs, own) => new SaveToTransformer(...));
 */
export function ioModifierDecorator<K extends string>(
  decorator: string,
  format: unknown,
  options: unknown,
  ownKeys: readonly K[],
  make: (format: string, specs: Readonly<Record<string, DependencySpec>>, own: Partial<Record<K, unknown>>, method: string) => NodeModifier,
): MethodDecorator {
  return (value, context) => {
    const method = String(context.name);
    if (typeof format !== 'string' || format.length === 0) throw new DecoratorError(ioDecoratorMessages.badFormat(decorator, method, format));
    const where = `${decorator} on method \`${method}\``;
    if (!isPlainObject(options)) throw new DecoratorError(adapterMessages.badOptions(where, options));
    const own: Partial<Record<K, unknown>> = {};
    const rest: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(options)) {
      if ((ownKeys as readonly string[]).includes(key)) own[key as K] = v;
      else rest[key] = v;
    }
    const modifier = make(format, adapterSpecs(where, rest, [], (m) => new DecoratorError(m)), own, method);
    modifierDecorator(decorator, modifier)(value, context);
  };
}

/**
 * A registered format, checked when the graph is built (a format may be
 * registered after the class is defined); a DecoratorError naming the method otherwise.
 *
 * @example
 * checkFormat('@saveTo', 'csv', 'Features.spend');
 */
export function checkFormat(decorator: string, format: string, origin: string): void {
  try {
    getFormat(format);
  } catch (e) {
    throw new DecoratorError(ioDecoratorMessages.unknownFormat(decorator, origin, e));
  }
}
