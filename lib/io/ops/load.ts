/**
 * The framework op `io.load`: a loader node (`@loadFrom`, `from`) reads its
 * file through loadData, so every failure is a DataLoadError naming the file,
 * the place in it, and the loader node with its `Class.method`.
 */
import { DataLoadError } from '../../core/errors.js';
import { registerOp } from '../../core/resolve/ops.js';
import { show } from '../../core/message-format.js';
import type { AdapterArgs } from '../adapter-options.js';
import { loadData } from '../load-data.js';
import { adapterMessages } from '../messages.js';
import { adapterCallable } from './adapter-call.js';

/** The op name of loader nodes. */
export const LOAD_OP = 'io.load';

/** Args of `io.load`: the format, the loader node (for messages) and how its options are filled. */
export interface LoadArgs extends AdapterArgs {
  readonly format: string;
  readonly node: string;
  readonly origin?: string;
}

/**
 * Loads the file that `options.path` names, in `a.format`, as the node `a.node`.
 *
 * @example
 * await loadAs({ path: 'sales.csv', columns: ['week'] }, { format: 'csv', node: 'sales.load_data.raw', keys: [], depCount: 0 });
 */
export function loadAs(options: Record<string, unknown>, a: LoadArgs): ReturnType<typeof loadData> {
  const { path, ...rest } = options;
  if (typeof path !== 'string' || path.length === 0) {
    return Promise.reject(new DataLoadError(adapterMessages.pathNotString('load', a.node, a.origin, path), show(path), a.format, a.node));
  }
  return loadData(path, { ...rest, format: a.format, node: a.node, origin: a.origin });
}

registerOp(LOAD_OP, { link: (a: LoadArgs) => adapterCallable(a, 0, (options) => loadAs(options, a)) });
