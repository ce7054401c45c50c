/**
 * `@parameterizeExtractColumns` (Hamilton's `parameterize_extract_columns`):
 * `@parameterize` and `@extractColumns` in one. Each entry binds the method's
 * parameters one way, making table node `name__k`, and names the columns
 * taken out of that table.
 */
import { DecoratorError } from '../core/errors.js';
import type { NodeSpec } from '../core/node.js';
import type { NodeExpander, ResolveContext } from '../core/resolve/modifiers.js';
import { isPlainObject } from '../core/values.js';
import { bindParameters } from './bind-parameters.js';
import { isDependency, type DependencySpec } from './dependencies.js';
import { columnNodes } from './extract-columns.js';
import { extractMessages, parameterizeExtractMessages } from './messages.js';
import { checkNotTaken, outputNames } from './output-nodes.js';
import { modifierDecorator, type MethodDecorator } from './record-modifier.js';
import { rebindCode } from './rebind-code.js';

/** One parameterization (Hamilton's `ParameterizedExtract`): the columns it makes, and how the parameters are bound. */
export interface ParameterizedExtract {
  /** The column nodes, in the table's column order (or by name, with `reassignColumns: false`). */
  readonly outputs: readonly string[];
  /** Parameter name → value(x), source('node'), configuration('key') or group(...); others stay dependencies. */
  readonly inputs?: Readonly<Record<string, DependencySpec>>;
}

/** Options of `@parameterizeExtractColumns`, given after the entries. */
export interface ParameterizeExtractColumnsOptions {
  /**
   * true (default, as in Hamilton): the outputs name the table's columns in
   * order, whatever their names; false: the outputs are the names of columns to take.
   */
  readonly reassignColumns?: boolean;
}

/**
 * The expander behind `@parameterizeExtractColumns`: plain data (the entries and the option).
 *
 * @example
 * new ParameterizedColumnExpander([{ outputs: ['a'], inputs: { x: source('u') } }], true).expand(node, ctx);
 */
export class ParameterizedColumnExpander implements NodeExpander {
  readonly stage = 'expand';

  constructor(
    readonly extracts: readonly ParameterizedExtract[],
    readonly reassignColumns: boolean,
  ) {}

  expand(node: NodeSpec, ctx: ResolveContext): NodeSpec[] {
    const decorator = '@parameterizeExtractColumns';
    const tableNames = this.extracts.map((_, k) => `${node.name}__${k}`);
    const nodes: NodeSpec[] = [];
    this.extracts.forEach((extract, k) => {
      checkNotTaken(decorator, ctx, tableNames, extract.outputs);
      const bound = bindParameters(node.dependencies, extract.inputs ?? {}, ctx, decorator);
      const code = rebindCode(node, bound.bind, ctx, decorator);
      const table: NodeSpec = { ...node, name: tableNames[k]!, dependencies: bound.dependencies, code };
      nodes.push(table, ...columnNodes(table, extract.outputs, decorator, this.reassignColumns ? { reassign: extract.outputs } : {}));
    });
    return nodes;
  }
}

/**
 * Binds the method's parameters several ways, as `@parameterize` does, and
 * takes columns out of each resulting table, as `@extractColumns` does: entry
 * `k` makes the table node `name__k` and one node per output. By default the
 * outputs name the table's columns in order (Hamilton's `reassign_columns`);
 * with `{ reassignColumns: false }` they are the names of the columns to take.
 *
 * @example
 * class Regions {
 *   @parameterizeExtractColumns(
 *     { outputs: ['usSpend', 'usSignups'], inputs: { raw: source('usRaw') } },
 *     { outputs: ['ukSpend', 'ukSignups'], inputs: { raw: source('ukRaw') } },
 *   )
 *   @node()
 *   cleaned(raw: ColumnTable) { return raw.select('spend', 'signups'); }
 * }
 */
export function parameterizeExtractColumns(
  ...args: [...extracts: ParameterizedExtract[], options: ParameterizeExtractColumnsOptions] | ParameterizedExtract[]
): MethodDecorator {
  return (value, context) => {
    const method = String(context.name);
    const last = args[args.length - 1] as unknown;
    const hasOptions = isPlainObject(last) && !('outputs' in last);
    const options = (hasOptions ? last : {}) as ParameterizeExtractColumnsOptions;
    const extracts = (hasOptions ? args.slice(0, -1) : args) as unknown[];
    const unknown = Object.keys(options).filter((k) => k !== 'reassignColumns');
    if (unknown.length || (options.reassignColumns !== undefined && typeof options.reassignColumns !== 'boolean')) {
      throw new DecoratorError(extractMessages.badOptions('@parameterizeExtractColumns', method, options, ['reassignColumns']));
    }
    if (extracts.length === 0) throw new DecoratorError(parameterizeExtractMessages.noExtracts(method));
    const valid = extracts.map((e, k) => validExtract(method, e, k));
    // Outputs are node names: one name across all entries.
    outputNames('@parameterizeExtractColumns', method, valid.flatMap((e) => e.outputs), '');
    modifierDecorator('@parameterizeExtractColumns', new ParameterizedColumnExpander(valid, options.reassignColumns ?? true))(value, context);
  };
}

function validExtract(method: string, e: unknown, k: number): ParameterizedExtract {
  if (!isPlainObject(e) || !Array.isArray(e.outputs) || Object.keys(e).some((key) => key !== 'outputs' && key !== 'inputs')) {
    throw new DecoratorError(parameterizeExtractMessages.badExtract(method, k, e));
  }
  const outputs = outputNames('@parameterizeExtractColumns', method, e.outputs as unknown[], "{ outputs: ['a', 'b'] }");
  if (e.inputs === undefined) return Object.freeze({ outputs });
  if (!isPlainObject(e.inputs)) throw new DecoratorError(parameterizeExtractMessages.badExtract(method, k, e));
  for (const [param, d] of Object.entries(e.inputs)) if (!isDependency(d)) throw new DecoratorError(parameterizeExtractMessages.badInput(method, k, param, d));
  return Object.freeze({ outputs, inputs: Object.freeze({ ...(e.inputs as Record<string, DependencySpec>) }) });
}
