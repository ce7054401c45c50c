/**
 * `@extractColumns` (Hamilton's `extract_columns`): one node per column of the
 * arquero table a method returns; the method's own node stays and each column
 * node reads it.
 */
import { DecoratorError } from '../core/errors.js';
import type { NodeSpec } from '../core/node.js';
import type { NodeExpander, ResolveContext } from '../core/resolve/modifiers.js';
import { isPlainObject } from '../core/values.js';
import { extractMessages } from './messages.js';
import type { ColumnArgs } from './ops/extract.js';
import { checkNotTaken, outputNames, readerNode } from './output-nodes.js';
import { modifierDecorator, type MethodDecorator } from './record-modifier.js';
// Registers the ops the nodes made here run.
import './ops/extract.js';

/** Options of `@extractColumns`. */
export interface ExtractColumnsOptions {
  /** A value for every row of a column the table lacks; without it, a missing column is an error. */
  readonly fillWith?: unknown;
}

/**
 * The expander behind `@extractColumns`: plain data (the column names and the fill value).
 *
 * @example
 * new ColumnExpander(['a', 'b']).expand(node, ctx).map((n) => n.name); // ['features', 'a', 'b']
 */
export class ColumnExpander implements NodeExpander {
  readonly stage = 'expand';

  constructor(
    readonly columns: readonly string[],
    readonly fillWith?: unknown,
  ) {}

  expand(node: NodeSpec, ctx: ResolveContext): NodeSpec[] {
    checkNotTaken('@extractColumns', ctx, [node.name], this.columns);
    return [node, ...columnNodes(node, this.columns, '@extractColumns', { fillWith: this.fillWith })];
  }
}

/**
 * One `decorators.column` node per column of `table`'s value, with its tags, origin and doc.
 *
 * @example
 * columnNodes(tableNode, ['a', 'b'], '@extractColumns', {}); // nodes a and b, each reading tableNode
 */
export function columnNodes(
  table: NodeSpec,
  columns: readonly string[],
  decorator: string,
  extra: Pick<ColumnArgs, 'fillWith' | 'reassign'>,
): NodeSpec[] {
  return columns.map((column) => {
    const args: ColumnArgs = { column, node: table.name, origin: table.origin, decorator, ...definedOnly(extra) };
    return readerNode(column, 'column', table.name, { kind: 'op', op: 'decorators.column', args }, table);
  });
}

/**
 * Makes one node per column of the arquero table the method returns; the
 * method's node stays (named as before) and each column node reads it. Column
 * values are what `table.array(name)` gives, typed arrays staying typed. A
 * column the table lacks is an error when the node runs, unless `fillWith`
 * gives a value for its every row. Tags and checks apply to the column nodes
 * unless their `target` names the table node.
 *
 * @example
 * class Features {
 *   @extractColumns('spend', 'signups')
 *   @node()
 *   raw(path: string) { return aq.table({ spend: new Float64Array([1, 2]), signups: new Float64Array([3, 4]) }); }
 * }
 */
export function extractColumns(...args: [...columns: string[], options: ExtractColumnsOptions] | string[]): MethodDecorator {
  return (value, context) => {
    const method = String(context.name);
    const last = args[args.length - 1];
    const options = isPlainObject(last) ? (last as ExtractColumnsOptions) : {};
    const names = isPlainObject(last) ? args.slice(0, -1) : args;
    const unknown = Object.keys(options).filter((k) => k !== 'fillWith');
    if (unknown.length) throw new DecoratorError(extractMessages.badOptions('@extractColumns', method, options, ['fillWith']));
    const columns = outputNames('@extractColumns', method, names, "@extractColumns('a', 'b')");
    modifierDecorator('@extractColumns', new ColumnExpander(columns, options.fillWith))(value, context);
  };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
