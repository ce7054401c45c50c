/**
 * The framework op `io.combine`: the node `<id>_build_result` of a saver that
 * saves several nodes (`to(..., { dependencies: [a, b] })`) joins their values
 * with a result builder, by default into one arquero table (TableResult).
 */
import { nameRecord, setOwn } from '../../core/names.js';
import { registerOp } from '../../core/resolve/ops.js';
import type { ResultBuilder } from '../../core/run/results/result-builder.js';
import { TableResult } from '../../core/run/results/table-result.js';

/** The op name of combining nodes. */
export const COMBINE_OP = 'io.combine';

/** Args of `io.combine`: the dependencies' names, in order, and the result builder (a reference), when not TableResult. */
export interface CombineArgs {
  readonly names: readonly string[];
  readonly builder?: string;
}

const TABLE = new TableResult();

/**
 * The values of `names` joined by `builder`, after its `prepare()`.
 *
 * @example
 * await combine([[1, 2], [3, 4]], ['a', 'b'], new TableResult()); // a table with columns a and b
 */
export async function combine(values: readonly unknown[], names: readonly string[], builder: ResultBuilder<unknown>): Promise<unknown> {
  await builder.prepare?.();
  const outputs = nameRecord<unknown>();
  names.forEach((name, k) => setOwn(outputs, name, values[k]));
  return builder.build(outputs, names);
}

registerOp(COMBINE_OP, {
  link(a: CombineArgs, ctx) {
    const builder = a.builder === undefined ? TABLE : (ctx.ref(a.builder) as ResultBuilder<unknown>);
    return { fn: ((...values: unknown[]) => combine(values, a.names, builder)) as (...args: never[]) => unknown };
  },
});
