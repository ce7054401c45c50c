/**
 * Pieces shared by the modifiers that make one node per column, field or
 * position of another node's value: checking the output names, and making the
 * reader nodes.
 */
import { DecoratorError } from '../core/errors.js';
import type { NodeRole, NodeSpec, OpCode, Tags } from '../core/node.js';
import type { ResolveContext } from '../core/resolve/modifiers.js';
import { extractMessages } from './messages.js';

/**
 * Checks output names when the class is defined: non-empty strings, each once,
 * at least one, and not a list passed where names were meant.
 *
 * @example
 * outputNames('@extractColumns', 'features', ['a', 'b'], "@extractColumns('a', 'b')"); // ['a', 'b']
 */
export function outputNames(decorator: string, method: string, names: readonly unknown[], example: string): readonly string[] {
  if (names.length === 1 && Array.isArray(names[0])) throw new DecoratorError(extractMessages.listGiven(decorator, method));
  if (names.length === 0) throw new DecoratorError(extractMessages.noNames(decorator, method, example));
  const seen = new Set<string>();
  for (const n of names) {
    if (typeof n !== 'string' || n.length === 0) throw new DecoratorError(extractMessages.badName(decorator, method, n));
    if (seen.has(n)) throw new DecoratorError(extractMessages.duplicateName(decorator, method, n));
    seen.add(n);
  }
  return Object.freeze([...(names as string[])]);
}

/**
 * When the graph is built: no output may take the name of a node the method
 * itself keeps (the node whose value the outputs read).
 *
 * @example
 * checkNotTaken('@extractColumns', ctx, ['features'], ['a', 'b']);
 */
export function checkNotTaken(decorator: string, ctx: ResolveContext, taken: readonly string[], names: readonly string[]): void {
  for (const n of names) if (taken.includes(n)) throw new DecoratorError(extractMessages.nameIsNode(decorator, ctx.origin, n));
}

/**
 * A node that reads one other node (or input) and runs a framework op on its value.
 *
 * @example
 * readerNode('a', 'column', 'features', { kind: 'op', op: 'decorators.column', args }, { tags: {}, origin: 'C.features' });
 */
export function readerNode(
  name: string,
  role: NodeRole,
  reads: string,
  code: OpCode,
  like: { readonly tags: Tags; readonly origin?: string; readonly doc?: string },
): NodeSpec {
  const spec: { -readonly [K in keyof NodeSpec]: NodeSpec[K] } = {
    name,
    role,
    code,
    dependencies: [{ name: reads, optional: false }],
    tags: like.tags,
  };
  if (like.origin !== undefined) spec.origin = like.origin;
  if (like.doc !== undefined) spec.doc = like.doc;
  return spec;
}
