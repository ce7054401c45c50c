/**
 * How values cross between the main thread and a pool worker.
 *
 * Results coming back from a worker are transferred, not copied: the worker
 * hands the value to the run and keeps nothing of it, so each typed array that
 * owns its whole buffer moves over at no cost. Arguments sent to a worker are
 * copied: the main thread may still read them (other nodes, hooks, the
 * caller's inputs, the results), and transferring would empty them there.
 * Tables cross as Arrow IPC bytes, which are always fresh and always moved.
 */
import { packValue, type PackedValue, type PackResult } from '../values/pack.js';

/** A packed value and the buffers to transfer with it. */
export interface Outgoing {
  readonly packed: PackedValue;
  readonly transfer: ArrayBuffer[];
}

/**
 * Packs a value to send, choosing what to transfer: table bytes always, and
 * with `moveBuffers`, every ArrayBuffer that a typed array (or DataView) of the
 * value covers entirely (a view on part of a buffer, a SharedArrayBuffer and a
 * Node Buffer, which may share a pooled buffer, are copied).
 *
 * @example
 * const out = outgoing(result, true);
 * if (out.ok) return move({ [transferableSymbol]: out.value.transfer, [valueSymbol]: out.value.packed });
 */
export function outgoing(value: unknown, moveBuffers: boolean): { ok: true; value: Outgoing } | { ok: false; reason: string } {
  const buffers = new Set<ArrayBuffer>();
  const onBuffer = moveBuffers ? (b: ArrayBufferView | ArrayBuffer) => addIfOwned(buffers, b) : undefined;
  const packed: PackResult = packValue(value, onBuffer ? { onBuffer } : {});
  if (!packed.ok) return packed;
  for (const t of packed.packed.tables) buffers.add(t.ipc.buffer as ArrayBuffer);
  return { ok: true, value: { packed: packed.packed, transfer: [...buffers] } };
}

function addIfOwned(buffers: Set<ArrayBuffer>, b: ArrayBufferView | ArrayBuffer): void {
  if (!ArrayBuffer.isView(b)) {
    if (Object.prototype.toString.call(b) === '[object ArrayBuffer]') buffers.add(b);
    return;
  }
  const buffer = b.buffer;
  if (Object.prototype.toString.call(buffer) !== '[object ArrayBuffer]') return; // shared: nothing to move
  if (isNodeBuffer(b)) return;
  if (b.byteOffset !== 0 || b.byteLength !== buffer.byteLength) return;
  buffers.add(buffer as ArrayBuffer);
}

function isNodeBuffer(b: ArrayBufferView): boolean {
  return typeof (globalThis as { Buffer?: { isBuffer(v: unknown): boolean } }).Buffer?.isBuffer === 'function' && globalThis.Buffer.isBuffer(b);
}
