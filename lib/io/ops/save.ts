/**
 * The framework op `io.save`: a saver node (`@saveTo`, `to`) writes the value
 * of the node it saves through saveData (atomically), or stages it for its
 * materialize run, and returns the metadata `{ path, format, rows, bytes, hash }`.
 */
import { DataSaveError } from '../../core/errors.js';
import { show } from '../../core/message-format.js';
import type { NodeContext } from '../../core/node.js';
import { registerOp } from '../../core/resolve/ops.js';
import { isPlainObject } from '../../core/values.js';
import type { AdapterArgs } from '../adapter-options.js';
import { adapterMessages } from '../messages.js';
import { saveData, stageData, type SaveResult, type TableLike } from '../save-data.js';
import type { SaveStaging } from '../staging.js';
import { adapterCallable } from './adapter-call.js';

/** The op name of saver nodes. */
export const SAVE_OP = 'io.save';

/** Args of `io.save`: the format, the saver and the node it saves (for messages), how its options are filled. */
export interface SaveArgs extends AdapterArgs {
  readonly format: string;
  /** The saver node. */
  readonly node: string;
  /** The node whose value is saved (a column is saved as a one-column table of that name). */
  readonly saves: string;
  readonly origin?: string;
  /** A reference to the SaveStaging of a materialize run: the save is staged, not put in place. */
  readonly staging?: string;
}

/**
 * Saves `saved` to `options.path` in `a.format`; a column becomes a table with
 * one column named after the saved node.
 *
 * @example
 * await saveAs(table, { path: 'out/f.csv' }, { format: 'csv', node: 'save.f', saves: 'f', keys: ['path'], depCount: 2 });
 */
export async function saveAs(saved: unknown, options: Record<string, unknown>, a: SaveArgs, staging?: SaveStaging, signal?: AbortSignal): Promise<SaveResult> {
  const { path, ...rest } = options;
  if (typeof path !== 'string' || path.length === 0) {
    throw new DataSaveError(adapterMessages.pathNotString('save', a.node, a.origin, path), show(path), a.format, a.node);
  }
  const table = (isLoneColumn(saved) ? { [a.saves]: saved } : saved) as TableLike;
  const saveOptions = { ...rest, format: a.format, node: a.node, origin: a.origin, saves: a.saves, ...(signal ? { signal } : {}) };
  if (!staging) return saveData(table, path, saveOptions);
  return staging.stage(() => stageData(table, path, saveOptions));
}

/** A typed array, or an array that is not a list of row objects. */
function isLoneColumn(v: unknown): boolean {
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return true;
  return Array.isArray(v) && v.length > 0 && !v.every(isRow);
}

/** An object literal (what saveData reads as a row). */
const isRow = (r: unknown): boolean => isPlainObject(r) && [Object.prototype, null].includes(Object.getPrototypeOf(r));

registerOp(SAVE_OP, {
  link(a: SaveArgs, ctx) {
    const staging = a.staging === undefined ? undefined : (ctx.ref(a.staging) as SaveStaging);
    // Saver nodes ask for their NodeContext (needsContext): its signal stops a write when the run stops.
    return adapterCallable(a, 1, (options, saved, context) => saveAs(saved, options, a, staging, (context as NodeContext | undefined)?.signal));
  },
});
