/**
 * `@datasaver()` (Hamilton's `datasaver`): a method that saves data itself and
 * returns a plain object describing what it saved. Its node keeps its name and
 * becomes a saver (role 'saver', drawn as one, with Hamilton's saver tags).
 */
import type { NodeSpec } from '../core/node.js';
import type { NodeDecorator, ResolveContext } from '../core/resolve/modifiers.js';
import { modifierDecorator } from './record-modifier.js';

/**
 * The decorator behind `@datasaver`: the method's final nodes become savers.
 * It applies after every other decorator (order 10), so tags see the node as it was.
 *
 * @example
 * new DatasaverDecorator().decorate(nodes, new Set(['saveFeatures']), ctx);
 */
export class DatasaverDecorator implements NodeDecorator {
  readonly stage = 'decorate';
  readonly order = 10;

  decorate(nodes: readonly NodeSpec[], targets: ReadonlySet<string>, ctx: ResolveContext): NodeSpec[] {
    return nodes.map((n) =>
      targets.has(n.name)
        ? { ...n, role: 'saver', tags: { ...n.tags, 'hamilton.data_saver': 'true', 'hamilton.data_saver.classname': ctx.origin } }
        : n,
    );
  }
}

/**
 * Marks a method that saves data itself (Hamilton's `datasaver`); it returns
 * a plain object of metadata (`{ path, rows }` ...), which requesting its node gives.
 *
 * @example
 * class Reports {
 *   @datasaver()
 *   @node()
 *   async saveReport(report: ColumnTable, reportPath: string): Promise<{ path: string; rows: number }> {
 *     await writeFile(reportPath, report.toCSV());
 *     return { path: reportPath, rows: report.numRows() };
 *   }
 * }
 */
export function datasaver() {
  const record = modifierDecorator('@datasaver', new DatasaverDecorator());
  return function datasaverDecorator<This, Args extends unknown[]>(
    value: (this: This, ...args: Args) => object | Promise<object>,
    context: ClassMethodDecoratorContext<This>,
  ): void {
    record(value, context as unknown as ClassMethodDecoratorContext);
  };
}
