/**
 * `@dataloader()` (Hamilton's `dataloader`): a method that loads data itself
 * and returns the pair `[data, metadata]`. It makes two nodes: `<name>.loader`
 * (role 'loader', the method, whose value is the pair) and `<name>`, the data,
 * which is what other nodes read.
 */
import type { NodeSpec } from '../core/node.js';
import type { NodeGenerator, ResolveContext } from '../core/resolve/modifiers.js';
import { SELECT_DATA_OP, type SelectDataArgs } from '../io/ops/select-data.js';
import { modifierDecorator } from './record-modifier.js';

/** What a `@dataloader` method returns: the data and a plain object describing the load. */
export type DataloaderResult<D = unknown> = readonly [data: D, metadata: object];

/**
 * The generator behind `@dataloader`: the method as `<name>.loader`, and `<name>` handing on its data.
 *
 * @example
 * new DataloaderGenerator().generate(node, ctx).map((n) => n.name); // ['sales.loader', 'sales']
 */
export class DataloaderGenerator implements NodeGenerator {
  readonly stage = 'generate';

  generate(node: NodeSpec, ctx: ResolveContext): NodeSpec[] {
    const loader = `${node.name}.loader`;
    const args: SelectDataArgs = { node: node.name, loader, origin: ctx.origin };
    const data: { -readonly [K in keyof NodeSpec]: NodeSpec[K] } = {
      name: node.name,
      role: 'final',
      code: { kind: 'op', op: SELECT_DATA_OP, args },
      dependencies: [{ name: loader, optional: false }],
      tags: node.tags,
      origin: ctx.origin,
    };
    if (node.doc !== undefined) data.doc = node.doc;
    const tags = {
      ...node.tags,
      'hamilton.data_loader': 'true',
      'hamilton.data_loader.has_metadata': 'true',
      'hamilton.data_loader.node': node.name,
      'hamilton.data_loader.classname': ctx.origin,
    };
    return [{ ...node, name: loader, role: 'loader', tags }, data];
  }
}

/**
 * Marks a method that loads data itself (Hamilton's `dataloader`). It returns
 * `[data, metadata]` (annotate the return type as a pair: TypeScript infers an
 * array otherwise); other nodes read its name and get the data, and
 * `<name>.loader` gives the pair, metadata included.
 *
 * @example
 * class Sales {
 *   @dataloader()
 *   @node()
 *   async sales(salesPath: string): Promise<[ColumnTable, { path: string; rows: number }]> {
 *     const table = await loadData(salesPath);
 *     return [table, { path: salesPath, rows: table.numRows() }];
 *   }
 * }
 */
export function dataloader() {
  const record = modifierDecorator('@dataloader', new DataloaderGenerator());
  return function dataloaderDecorator<This, Args extends unknown[], D>(
    value: (this: This, ...args: Args) => DataloaderResult<D> | Promise<DataloaderResult<D>>,
    context: ClassMethodDecoratorContext<This>,
  ): void {
    record(value, context as unknown as ClassMethodDecoratorContext);
  };
}
