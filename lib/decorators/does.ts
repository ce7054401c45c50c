/**
 * `@does(fn)`: the node runs `fn` instead of the method's body (Hamilton's `@does`).
 */
import { DecoratorError } from '../core/errors.js';
import type { FunctionCode, NodeSpec } from '../core/node.js';
import type { NodeGenerator, ResolveContext } from '../core/resolve/modifiers.js';
import { doesMessages } from './messages.js';
import { modifierDecorator, type MethodDecorator } from './record-modifier.js';

/**
 * The generate-stage modifier behind `@does`: the method's node, with `fn` as its code.
 *
 * @example
 * new DoesGenerator((...xs: number[]) => Math.max(...xs)).generate(node, ctx);
 */
export class DoesGenerator implements NodeGenerator {
  readonly stage = 'generate';

  constructor(readonly fn: (...args: never[]) => unknown) {}

  generate(node: NodeSpec, ctx: ResolveContext): NodeSpec[] {
    const code: { -readonly [K in keyof FunctionCode]: FunctionCode[K] } = { kind: 'function', ref: ctx.ref(this.fn), module: ctx.module, static: ctx.isStatic };
    if (node.code.kind !== 'op' && node.code.bind) code.bind = node.code.bind;
    return [{ ...node, code }];
  }
}

/**
 * Replaces the method's body with `fn`, called with the node's inputs
 * positionally, in the method's parameter order, and `this` = the module's
 * instance (its class for a static method). The method keeps the node's name,
 * inputs, doc and decorators; its body never runs. `fn` may be any function
 * (an arrow, a rest-parameter function, a bound or built-in one), since the
 * inputs come from the method's parameters, not from `fn`'s.
 *
 * @example
 * const sumAll = (...xs: number[]) => xs.reduce((a, b) => a + b, 0);
 * class Totals {
 *   @does(sumAll)
 *   @node()
 *   totalSpend(spendUs: number, spendUk: number): number { return 0; }
 * }
 */
export function does(fn: (...args: never[]) => unknown): MethodDecorator {
  return (value, context) => {
    if (typeof fn !== 'function') throw new DecoratorError(doesMessages.notAFunction(String(context.name), fn));
    modifierDecorator('@does', new DoesGenerator(fn))(value, context);
  };
}
