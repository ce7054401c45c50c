import { DecoratorError } from '../core/errors.js';
import { decoratorMessages } from '../core/messages.js';
import { checkDecoratorName, controlCharacterAt } from '../core/names.js';
import { ParameterParseError, parseParameters, type ParameterSpec } from '../core/record/parameters.js';

/**
 * The parameters of a decorated method, or of a function given to a modifier
 * (`does(fn)`, `step(fn)`): read from the source once, or taken from `inputs`,
 * which always wins. Unreadable parameters (destructured, rest, bound or
 * built-in functions) are a DecoratorError unless `inputs` names them.
 *
 * @example
 * readParameters(function f(a, b = 1) {}, 'f', undefined); // [{ name: 'a', optional: false }, { name: 'b', optional: true }]
 */
export function readParameters(
  fn: Function,
  method: string,
  inputs: readonly string[] | undefined,
  decorator = '@node',
  fix = "@node({ inputs: ['a', 'b'] })",
): readonly ParameterSpec[] {
  if (inputs) {
    if (!Array.isArray(inputs) || inputs.some((i) => typeof i !== 'string' || i.length === 0)) {
      throw new DecoratorError(decoratorMessages.badInputs(method, inputs));
    }
    for (const input of inputs) if (controlCharacterAt(input) >= 0) checkDecoratorName(input, decoratorMessages.onMethod(method), 'input');
    // Parameter defaults still make inputs optional when the source can be read.
    let parsed: ParameterSpec[] | undefined;
    try {
      parsed = parseParameters(fn);
    } catch {
      parsed = undefined; // destructured or rest parameters: any number of inputs can be meant
    }
    // Readable parameters must each get an input, except trailing ones with defaults.
    if (parsed && (inputs.length > parsed.length || parsed.slice(inputs.length).some((p) => !p.optional))) {
      throw new DecoratorError(decoratorMessages.inputsCount(method, inputs, parsed.map((p) => p.name)));
    }
    parsed ??= [];
    return Object.freeze(inputs.map((name, i) => Object.freeze({ name, optional: parsed[i]?.optional ?? false })));
  }
  try {
    // A copy of exactly the right length (the parser's list has spare capacity), kept for the class's life.
    return Object.freeze(parseParameters(fn).map((p) => Object.freeze(p)));
  } catch (e) {
    if (e instanceof ParameterParseError) throw new DecoratorError(decoratorMessages.unreadableParameters(method, e.reason, e.parameterText, decorator, fix));
    throw e;
  }
}
