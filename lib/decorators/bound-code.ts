/**
 * Gives a node's code new parameter bindings (from `bindParameters`), over
 * bindings it may already have.
 */
import { DecoratorError } from '../core/errors.js';
import type { Binding, CodeRef, NodeSpec } from '../core/node.js';
import type { ResolveContext } from '../core/resolve/modifiers.js';
import { parameterizeExtractMessages } from './messages.js';
import { withBindings } from './rebind-code.js';

/**
 * The code of `node` once `bind` fills its current dependencies from the new
 * ones; a code that already had bindings gets them composed; unchanged when
 * `bind` is absent. A framework op's parameters cannot be bound: DecoratorError.
 *
 * @example
 * boundCode(node, [{ dep: 0 }, { value: 3 }], ctx, '@parameterizeExtractColumns'); // { kind: 'method', ..., bind: [{ dep: 0 }, { value: 3 }] }
 */
export function boundCode(node: NodeSpec, bind: readonly Binding[] | undefined, ctx: ResolveContext, decorator: string): CodeRef {
  const code = node.code;
  if (bind === undefined) return code;
  if (code.kind === 'op') throw new DecoratorError(parameterizeExtractMessages.cannotBind(ctx.origin, decorator, node.name));
  return withBindings(code, bind);
}
