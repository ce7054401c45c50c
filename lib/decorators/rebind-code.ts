/**
 * Puts new parameter bindings on a node's code. When the code already binds
 * its function's parameters (a node an earlier stage made, such as `@does`
 * with a bound function), the new bindings fill the old ones' dependencies.
 * Shared by the parameterize family and `@parameterizeExtractColumns`.
 */
import { DecoratorError } from '../core/errors.js';
import type { Binding, CodeRef, NodeSpec } from '../core/node.js';
import type { ResolveContext } from '../core/resolve/modifiers.js';
import { parameterizeMessages } from './messages.js';

/**
 * The code of `node` once its dependencies are filled by `bind` (bindings over
 * the new dependencies, one per old dependency); unchanged when `bind` is absent.
 * A framework op's parameters cannot be bound: DecoratorError.
 *
 * @example
 * rebindCode(node, [{ dep: 0 }, { value: 3 }], ctx, '@parameterize'); // { kind: 'method', ..., bind: [{ dep: 0 }, { value: 3 }] }
 */
export function rebindCode(node: NodeSpec, bind: readonly Binding[] | undefined, ctx: ResolveContext, decorator: string): CodeRef {
  const code = node.code;
  if (bind === undefined) return code;
  if (code.kind === 'op') throw new DecoratorError(parameterizeMessages.cannotRebind(ctx.origin, decorator, node.name));
  return { ...code, bind: code.bind ? code.bind.map((b) => substitute(b, bind)) : bind };
}

/** `outer` with each dependency it reads replaced by how `inner` fills that dependency. */
function substitute(outer: Binding, inner: readonly Binding[]): Binding {
  if ('dep' in outer) return inner[outer.dep]!;
  if ('value' in outer) return outer;
  if ('group' in outer) return { group: outer.group.map((g) => substitute(g, inner)) };
  return { groupByKey: outer.groupByKey.map(([k, g]) => [k, substitute(g, inner)] as const) };
}
