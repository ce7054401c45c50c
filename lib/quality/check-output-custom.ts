import { DecoratorError } from '../core/errors.js';
import { q } from '../core/message-format.js';
import { controlCharacterAt } from '../core/names.js';
import { modifierDecorator, type MethodDecorator } from '../decorators/record-modifier.js';
import { assertStandardDecorator } from '../decorators/standard-decorator.js';
import { dqDecoratorMessages } from './messages.js';
import { DataQualityTransformer } from './validation-transformer.js';
import type { Validator } from './validator.js';

/**
 * Checks a node's output with your own validators: each becomes a validator
 * node `x_<name>`, logged and acted on exactly like the built-in checks.
 * Stacks with @checkOutput (one shared `x_raw`).
 *
 * @example
 * const positive: Validator = {
 *   name: 'positive_validator',
 *   importance: 'fail',
 *   validate: (v) => ({ passed: (v as number) > 0, message: `${String(v)} must be positive` }),
 * };
 * class Heights {
 *   @checkOutputCustom(positive)
 *   @node()
 *   heightStdDev(height: Float64Array) { return standardDeviation(height); }
 * }
 */
export function checkOutputCustom(...validators: Validator[]): MethodDecorator {
  return function (value: Function, context: ClassMethodDecoratorContext): void {
    assertStandardDecorator('@checkOutputCustom', arguments);
    const where = `@checkOutputCustom on method ${q(String(context.name))}`;
    if (validators.length === 0) throw new DecoratorError(dqDecoratorMessages.noValidators(where));
    validators.forEach((v, i) => {
      const problem = validatorProblem(v);
      if (problem) throw new DecoratorError(dqDecoratorMessages.notAValidator(where, i, problem));
    });
    const modifier = new DataQualityTransformer(Object.freeze(validators.map((validator) => Object.freeze({ validator }))));
    modifierDecorator('@checkOutputCustom', modifier)(value, context);
  };
}

/** What is wrong with a would-be Validator, or undefined when it is one. */
function validatorProblem(v: unknown): string | undefined {
  if (v === null || typeof v !== 'object') return `got ${v === null ? 'null' : typeof v}`;
  const { name, importance, validate, appliesTo } = v as Partial<Validator>;
  if (typeof name !== 'string' || name.trim() === '') return 'its name must be a non-empty string';
  if (controlCharacterAt(name) >= 0) return `its name ${q(name)} holds a control character (U+0000 to U+001F), which no node name may hold`;
  if (importance !== 'warn' && importance !== 'fail') return `${name}: importance must be 'warn' or 'fail'`;
  if (typeof validate !== 'function') return `${name}: validate must be a function`;
  if (appliesTo !== undefined && typeof appliesTo !== 'function') return `${name}: appliesTo must be a function when given`;
  return undefined;
}
