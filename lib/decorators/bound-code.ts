/**
 * Gives a node's code new parameter bindings (from `bindParameters`), over
 * bindings it may already have.
 */
import { DecoratorError } from '../core/errors.js';
import type { Binding, CodeRef, NodeSpec } from '../core/node.js';
import type { ResolveContext } from '../core/resolve/modifiers.js';
import { parameterizeExtractMessages } from './messages.js';

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
  return { ...code, bind: code.bind ? code.bind.map((b) => compose(b, bind)) : bind };
}

/** `b` read a dependency by index; that dependency is now filled by `by[index]`. */
function compose(b: Binding, by: readonly Binding[]): Binding {
  if ('dep' in b) return by[b.dep]!;
  if ('value' in b) return b;
  if ('group' in b) return { group: b.group.map((g) => compose(g, by)) };
  return { groupByKey: b.groupByKey.map(([k, g]) => [k, compose(g, by)] as const) };
}
