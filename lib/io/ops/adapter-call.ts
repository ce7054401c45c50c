/**
 * The callable of a loader or saver node: its dependency values, filled into
 * the op's parameters by the node's bindings, become the options object again.
 */
import type { Callable } from '../../core/node.js';
import { setOwn } from '../../core/names.js';
import { bound } from '../../core/resolve/link.js';
import type { AdapterArgs } from '../adapter-options.js';

/**
 * A callable that rebuilds the options (after `offset` leading parameters, the
 * saved value for a saver) and hands them to `run` with the first parameter
 * and what follows the options (the NodeContext of a node that asks for one).
 *
 * @example
 * adapterCallable({ keys: ['path'], depCount: 1 }, 0, (options) => loadData(options.path as string));
 */
export function adapterCallable(args: AdapterArgs, offset: 0 | 1, run: (options: Record<string, unknown>, first: unknown, context: unknown) => unknown): Callable {
  const { keys } = args;
  const fn = (...params: unknown[]): unknown => {
    const options: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++) setOwn(options, keys[k]!, params[k + offset]);
    return run(options, params[0], params[keys.length + offset]);
  };
  const callable: Callable = { fn: fn as Callable['fn'] };
  return args.bind ? bound(callable, args.bind, args.depCount) : callable;
}
