/**
 * Load-time checks and recording shared by `@parameterize`, its two shorthands
 * and `@inject`: each turns its arguments into ParameterizedOutput records.
 */
import { DecoratorError } from '../core/errors.js';
import { isPlainObject } from '../core/values.js';
import { isDependency, type DependencySpec } from './dependencies.js';
import { parameterizeMessages } from './messages.js';
import { ParameterizeExpander, type ParameterizedOutput } from './parameterize-expander.js';
import { modifierDecorator, type MethodDecorator } from './record-modifier.js';

/**
 * Options shared by the parameterize decorators.
 *
 * @example
 * const options: ParameterizeOptions = { docs: { usSpend: 'Spend in the US.' } };
 */
export interface ParameterizeOptions {
  /** A doc per output, used as given (otherwise the method's doc is filled in as a template). */
  readonly docs?: Readonly<Record<string, string>>;
}

/**
 * A method decorator that makes its outputs when the class is defined (so bad
 * arguments fail then, naming the method) and records the expander.
 *
 * @example
 * expanderDecorator('@inject', (method) => [{ mapping: checkedMapping('@inject', method, undefined, mapping) }]);
 */
export function expanderDecorator(decorator: string, outputsFor: (method: string) => ParameterizedOutput[]): MethodDecorator {
  return (value, context) => {
    const outputs = Object.freeze(outputsFor(String(context.name)).map((o) => Object.freeze(o)));
    modifierDecorator(decorator, new ParameterizeExpander(decorator, outputs))(value, context);
  };
}

/**
 * The outputs of an `{ outName: mapping }` argument, with their docs; each
 * mapping made by `mappingOf`.
 *
 * @example
 * namedOutputs('@parameterize', 'spend', outputs, options, example, (out, m) => checkedMapping('@parameterize', 'spend', out, m));
 */
export function namedOutputs(
  decorator: string,
  method: string,
  outputs: unknown,
  options: ParameterizeOptions | undefined,
  example: string,
  mappingOf: (output: string, mapping: unknown) => Readonly<Record<string, DependencySpec>>,
): ParameterizedOutput[] {
  if (!isPlainObject(outputs)) throw new DecoratorError(parameterizeMessages.notAnObject(decorator, method, 'an object of outputs', example, outputs));
  const names = Object.keys(outputs);
  if (names.length === 0) throw new DecoratorError(parameterizeMessages.empty(decorator, method, example));
  if (names.includes('')) throw new DecoratorError(parameterizeMessages.emptyName(decorator, method));
  const docs = docsOf(decorator, method, options, names);
  return names.map((name) => {
    const doc = docs[name];
    return doc === undefined ? { name, mapping: mappingOf(name, outputs[name]) } : { name, mapping: mappingOf(name, outputs[name]), doc };
  });
}

/**
 * A `{ param: value(x) | source('n') | configuration('k') | group(...) }` mapping, checked and frozen.
 *
 * @example
 * checkedMapping('@inject', 'total', undefined, { parts: group(source('a'), source('b')) });
 */
export function checkedMapping(decorator: string, method: string, output: string | undefined, mapping: unknown): Readonly<Record<string, DependencySpec>> {
  if (!isPlainObject(mapping)) {
    const where = output === undefined ? 'an object of parameters' : `for output \`${output}\` an object of parameters`;
    throw new DecoratorError(parameterizeMessages.notAnObject(decorator, method, where, "{ weeks: value(3), spend: source('spendUs') }", mapping));
  }
  for (const [param, d] of Object.entries(mapping)) {
    if (!isDependency(d)) throw new DecoratorError(parameterizeMessages.notADependency(decorator, method, output, param, d));
  }
  return Object.freeze({ ...(mapping as Record<string, DependencySpec>) });
}

function docsOf(decorator: string, method: string, options: ParameterizeOptions | undefined, names: readonly string[]): Readonly<Record<string, string>> {
  if (options === undefined || options.docs === undefined) return {};
  const docs = (options as ParameterizeOptions).docs;
  if (!isPlainObject(docs) || Object.values(docs).some((d) => typeof d !== 'string')) throw new DecoratorError(parameterizeMessages.badDocs(decorator, method, docs));
  const unknown = Object.keys(docs).filter((k) => !names.includes(k));
  if (unknown.length) throw new DecoratorError(parameterizeMessages.unknownDocs(decorator, method, unknown, names));
  return docs as Readonly<Record<string, string>>;
}
