/**
 * Recognises a decorator called the legacy way. With `experimentalDecorators:
 * true` in tsconfig.json, TypeScript (and tsx, esbuild) call a method decorator
 * as `(target, propertyKey, descriptor)` instead of the standard
 * `(value, context)`; hamilton-ts's decorators need the standard call, so they
 * say what to change rather than fail somewhere inside.
 */
import { DecoratorError } from '../core/errors.js';
import { decoratorMessages } from '../core/messages.js';

/**
 * Throws a DecoratorError naming the method and the tsconfig fix when `args`
 * are a legacy decorator call; does nothing for a standard one.
 *
 * @example
 * return function (value: Function, context: ClassMethodDecoratorContext) {
 *   assertStandardDecorator('@node', arguments);
 *   // ... context is a ClassMethodDecoratorContext here
 * };
 */
export function assertStandardDecorator(decorator: string, args: ArrayLike<unknown>): void {
  const context = args[1];
  if (typeof context === 'object' && context !== null && typeof (context as { kind?: unknown }).kind === 'string') return;
  throw new DecoratorError(decoratorMessages.legacyDecorator(decorator, legacyOrigin(args[0], context)));
}

/** `Class.method` from a legacy call's target (a prototype, or the class for a static method) and key. */
function legacyOrigin(target: unknown, key: unknown): string | undefined {
  if (typeof key !== 'string' && typeof key !== 'symbol') return undefined;
  const owner = typeof target === 'function' ? target : (target as { constructor?: { name?: string } } | null)?.constructor;
  const className = typeof owner === 'function' && owner.name ? owner.name : undefined;
  return className ? `${className}.${String(key)}` : String(key);
}
