/**
 * The framework op `io.selectData`: the node a `@dataloader` method is named
 * for, which hands on the data of the method's `[data, metadata]` pair.
 */
import { ExtractionError } from '../../core/errors.js';
import { registerOp } from '../../core/resolve/ops.js';
import { isPlainObject } from '../../core/values.js';
import { describeValue } from '../../core/describe-value.js';
import { dataloaderMessages } from '../messages.js';

/** The op name of a @dataloader's data node. */
export const SELECT_DATA_OP = 'io.selectData';

/** Args of `io.selectData`: the data node, the loader node it reads, their `Class.method`. */
export interface SelectDataArgs {
  readonly node: string;
  readonly loader: string;
  readonly origin?: string;
}

/**
 * The data of a `[data, metadata]` pair; an ExtractionError naming both nodes for anything else.
 *
 * @example
 * selectData([table, { rows: 3 }], { node: 'sales', loader: 'sales.loader', origin: 'Sales.sales' }); // table
 */
export function selectData(pair: unknown, a: SelectDataArgs): unknown {
  if (!Array.isArray(pair) || pair.length !== 2 || !isPlainObject(pair[1])) {
    throw new ExtractionError(dataloaderMessages.notAPair(a.node, a.loader, a.origin, describeValue(pair)), a.node, a.origin);
  }
  return pair[0];
}

registerOp(SELECT_DATA_OP, { link: (a: SelectDataArgs) => ({ fn: ((pair: unknown) => selectData(pair, a)) as (...args: never[]) => unknown }) });
