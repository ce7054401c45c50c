/**
 * `@unpackFields` (Hamilton's `unpack_fields`): one node per position of the
 * array (tuple) a method returns; the method's own node stays and each
 * position's node reads it.
 */
import type { NodeSpec } from '../core/node.js';
import type { NodeExpander, ResolveContext } from '../core/resolve/modifiers.js';
import type { ElementArgs } from './ops/extract.js';
import { checkNotTaken, outputNames, readerNode } from './output-nodes.js';
import { modifierDecorator, type MethodDecorator } from './record-modifier.js';
// Registers the ops the nodes made here run.
import './ops/extract.js';

/**
 * The expander behind `@unpackFields`: plain data (the names, in position order).
 *
 * @example
 * new UnpackExpander(['low', 'high']).expand(node, ctx).map((n) => n.name); // ['bounds', 'low', 'high']
 */
export class UnpackExpander implements NodeExpander {
  readonly stage = 'expand';

  constructor(readonly names: readonly string[]) {}

  expand(node: NodeSpec, ctx: ResolveContext): NodeSpec[] {
    checkNotTaken('@unpackFields', ctx, [node.name], this.names);
    return [
      node,
      ...this.names.map((name, index) => {
        const args: ElementArgs = { name, index, node: node.name, origin: node.origin };
        return readerNode(name, 'field', node.name, { kind: 'op', op: 'decorators.element', args }, node);
      }),
    ];
  }
}

/**
 * Makes one node per position of the array (tuple) the method returns, named
 * in order; the method's node stays and each position's node reads it. The
 * array may be longer than the names; a shorter one is an error when the node
 * runs, naming the position and the array's length.
 *
 * @example
 * class Bounds {
 *   @unpackFields('low', 'high')
 *   @node()
 *   bounds(xs: Float64Array): [number, number] { return [Math.min(...xs), Math.max(...xs)]; }
 * }
 */
export function unpackFields(...names: string[]): MethodDecorator {
  return (value, context) => {
    const valid = outputNames('@unpackFields', String(context.name), names, "@unpackFields('a', 'b')");
    modifierDecorator('@unpackFields', new UnpackExpander(valid))(value, context);
  };
}
