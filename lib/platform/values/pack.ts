/**
 * Values made ready to leave this thread, for a worker thread or a cache file:
 * arquero tables become Arrow IPC bytes, and everything else must be plain data
 * that structured cloning (and `v8.serialize`) keeps as it is. A class instance
 * would silently arrive as a plain object without its methods, and a function
 * would fail deep inside postMessage, so both are refused here, with the path
 * to the culprit.
 */
import { loadArquero } from '../../core/lazy/arquero.js';
import type { ColumnTable } from 'arquero';
import { className, kindOf, pathText } from './kind.js';

/** A value ready to be cloned: its plain data, and the tables taken out of it. */
export interface PackedValue {
  readonly data: unknown;
  /** Each table's place in `data` (where `data` holds null) and its Arrow IPC stream bytes. */
  readonly tables: readonly PackedTable[];
}

/** One table taken out of a packed value. */
export interface PackedTable {
  readonly path: readonly (string | number)[];
  readonly ipc: Uint8Array;
}

/** What packing reports besides the packed value. */
export interface PackOptions {
  /** Called with every typed array, DataView and ArrayBuffer met (to choose what to transfer). */
  readonly onBuffer?: (b: ArrayBufferView | ArrayBuffer) => void;
}

/** The outcome of packing: the packed value, or where and why it cannot be packed. */
export type PackResult = { readonly ok: true; readonly packed: PackedValue } | { readonly ok: false; readonly reason: string };

/**
 * Packs a value: tables anywhere inside arrays and plain objects become Arrow
 * IPC bytes; the value itself is not changed (containers on a table's path are copied).
 *
 * @example
 * const r = packValue({ t: aq.table({ a: [1, 2] }), n: 3 });
 * if (r.ok) worker.postMessage(r.packed);
 */
export function packValue(value: unknown, options: PackOptions = {}): PackResult {
  const onBuffer = options.onBuffer;
  const tables: PackedTable[] = [];
  const visiting = new Set<object>();
  const path: (string | number)[] = [];
  let failure: string | undefined;

  const walk = (v: unknown): unknown => {
    const kind = kindOf(v);
    switch (kind) {
      case 'array':
        return walkArray(v as unknown[]);
      case 'plain-object':
        return walkObject(v as Record<string, unknown>);
      case 'table':
        try {
          tables.push({ path: [...path], ipc: (v as ColumnTable).toArrowIPC({ format: 'stream' }) });
        } catch (e) {
          failure = `${pathText(path)} is an arquero table that cannot be written as Arrow (${e instanceof Error ? e.message : String(e)})`;
        }
        return null;
      case 'map':
      case 'set':
        for (const x of v as Iterable<unknown>) checkOnly(x);
        return v;
      case 'typed-array':
      case 'data-view':
      case 'array-buffer':
        onBuffer?.(v as ArrayBufferView | ArrayBuffer);
        return v;
      case 'function':
        failure = `${pathText(path)} is a function`;
        return v;
      case 'symbol':
        failure = `${pathText(path)} is a symbol`;
        return v;
      case 'instance':
        failure = `${pathText(path)} is an instance of class ${className(v)}, which would lose its class and methods`;
        return v;
      default:
        return v;
    }
  };

  // Inside a Map or a Set nothing is rewritten: anything that would need it is refused.
  const checkOnly = (x: unknown): void => {
    const before = tables.length;
    walk(x);
    if (tables.length > before) {
      tables.length = before;
      failure ??= `${pathText(path)} holds an arquero table inside a Map or a Set`;
    }
  };

  const walkArray = (a: unknown[]): unknown => {
    if (visiting.has(a)) return a;
    visiting.add(a);
    let out: unknown[] | undefined;
    for (let i = 0; i < a.length && failure === undefined; i++) {
      const x = a[i];
      // Numbers, strings and other primitives need no look (long numeric arrays stay cheap).
      if (x === null || (typeof x !== 'object' && typeof x !== 'function' && typeof x !== 'symbol')) continue;
      path.push(i);
      const y = walk(x);
      path.pop();
      if (y !== x) (out ??= a.slice())[i] = y;
    }
    visiting.delete(a);
    return out ?? a;
  };

  const walkObject = (o: Record<string, unknown>): unknown => {
    if (visiting.has(o)) return o;
    visiting.add(o);
    let out: Record<string, unknown> | undefined;
    for (const key of Object.keys(o)) {
      if (failure !== undefined) break;
      const x = o[key];
      if (x === null || (typeof x !== 'object' && typeof x !== 'function' && typeof x !== 'symbol')) continue;
      path.push(key);
      const y = walk(x);
      path.pop();
      if (y !== x) {
        out ??= copyObject(o);
        Object.defineProperty(out, key, { value: y, enumerable: true, writable: true, configurable: true });
      }
    }
    visiting.delete(o);
    return out ?? o;
  };

  const data = walk(value);
  return failure === undefined ? { ok: true, packed: { data, tables } } : { ok: false, reason: failure };
}

/**
 * The value a packed value stands for: tables come back as arquero tables
 * backed by Arrow columns. `packed.data` must be a copy (as structured cloning
 * or deserializing gives): it is filled in place.
 *
 * @example
 * const value = await unpackValue(message.packed);
 */
export async function unpackValue(packed: PackedValue): Promise<unknown> {
  let data = packed.data;
  // arquero loads on first use: only a value holding tables needs it.
  const aq = packed.tables.length ? await loadArquero() : undefined;
  for (const t of packed.tables) {
    const table = aq!.fromArrow(arrowBytes(t.ipc));
    if (t.path.length === 0) {
      data = table;
      continue;
    }
    let holder = data as Record<string | number, unknown>;
    for (let k = 0; k < t.path.length - 1; k++) holder = holder[t.path[k]!] as Record<string | number, unknown>;
    holder[t.path[t.path.length - 1]!] = table;
  }
  return data;
}

/**
 * Arrow IPC bytes as Arrow readers need them: a Uint8Array of this realm (bytes
 * that crossed a thread may carry another realm's class) starting at an offset
 * that is a multiple of 8 (column views are Int32Arrays and Float64Arrays over it).
 *
 * @example
 * fromArrow(arrowBytes(fileBytes.subarray(headerEnd)));
 */
export function arrowBytes(bytes: Uint8Array): Uint8Array {
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return bytes.byteOffset % 8 === 0 ? view : view.slice();
}

function copyObject(o: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = Object.getPrototypeOf(o) === null ? Object.create(null) : {};
  for (const key of Object.keys(o)) Object.defineProperty(copy, key, { value: o[key], enumerable: true, writable: true, configurable: true });
  return copy;
}
