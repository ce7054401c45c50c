/**
 * Values as bytes, for a trip through Redis to a worker on another process or
 * host: arquero tables become Arrow IPC streams; everything else is written by
 * Node's structured serializer (`v8.serialize`), which keeps typed arrays,
 * dates, maps, sets, bigints, `undefined` and NaN exactly. Values that would
 * not come back as they left (functions, symbols, instances of user classes,
 * which would lose their methods) are refused with the path to the culprit.
 * Driver and workers must run the same Node major version (the serializer's format).
 *
 * This file is the whole codec: one place to unify with other transports.
 */
import { deserialize, serialize } from 'node:v8';
import { loadArquero } from '../../core/lazy/arquero.js';
import { isTable } from '../../core/values.js';

/** Why a value cannot be encoded: `path` locates the culprit inside it (`value.a[2]`). */
export class ValueEncodeError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

type Path = (string | number)[];

interface Frame {
  readonly data: unknown;
  /** Where each table was (`data` holds null there) and its Arrow IPC stream. */
  readonly tables: readonly { readonly path: Path; readonly ipc: Uint8Array }[];
}

/** Built-in objects the serializer keeps as they are, by their tag (which, unlike instanceof, holds across realms). */
const KEPT = new Set(['[object Date]', '[object RegExp]', '[object Map]', '[object Set]', '[object ArrayBuffer]', '[object Error]', '[object Boolean]', '[object Number]', '[object String]']);

/**
 * The bytes of a value; a ValueEncodeError naming the path when it cannot travel.
 *
 * @example
 * const bytes = await encodeValue({ spend: new Float64Array([1, 2]), table: aq.table({ a: [1] }) });
 */
export async function encodeValue(value: unknown): Promise<Buffer> {
  const tables: { path: Path; ipc: Uint8Array }[] = [];
  const found: { path: Path; table: unknown }[] = [];
  const data = strip(value, ['value'], found, new Set());
  if (found.length) {
    const aq = await loadArquero();
    for (const f of found) tables.push({ path: f.path.slice(1), ipc: aq.toArrowIPC(f.table as never, { format: 'stream' }) });
  }
  return serialize({ data, tables } satisfies Frame);
}

/**
 * The value again, tables rebuilt as arquero tables.
 *
 * @example
 * const value = await decodeValue(bytes);
 */
export async function decodeValue(bytes: Uint8Array): Promise<unknown> {
  const frame = deserialize(bytes) as Frame;
  if (!frame.tables.length) return frame.data;
  const aq = await loadArquero();
  let data = frame.data;
  for (const t of frame.tables) {
    // A copy at offset 0: inside the deserialized buffer the bytes may not be aligned as Arrow's arrays need.
    const table = aq.fromArrow(new Uint8Array(t.ipc));
    if (t.path.length === 0) data = table;
    else {
      let holder = data as Record<string | number, unknown>;
      for (const key of t.path.slice(0, -1)) holder = holder[key] as Record<string | number, unknown>;
      holder[t.path[t.path.length - 1]!] = table;
    }
  }
  return data;
}

/** The value with each table replaced by null (containers on a table's path copied); refuses what cannot travel. */
function strip(v: unknown, path: Path, found: { path: Path; table: unknown }[], visiting: Set<object>): unknown {
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'function') throw new ValueEncodeError(`${pathText(path)} is a function`);
    if (typeof v === 'symbol') throw new ValueEncodeError(`${pathText(path)} is a symbol`);
    return v;
  }
  if (ArrayBuffer.isView(v) || KEPT.has(Object.prototype.toString.call(v))) return v;
  if (isTable(v)) {
    found.push({ path: [...path], table: v });
    return null;
  }
  const isArray = Array.isArray(v);
  const proto = Object.getPrototypeOf(v) as unknown;
  // A plain object's prototype is some realm's Object.prototype, whose own prototype is null.
  if (!isArray && proto !== null && Object.getPrototypeOf(proto) !== null) {
    const name = (v as { constructor?: { name?: string } }).constructor?.name ?? 'unknown';
    throw new ValueEncodeError(`${pathText(path)} is an instance of class ${name}, which would arrive without its class and methods`);
  }
  if (visiting.has(v)) return v; // a cycle: the serializer keeps it
  visiting.add(v);
  const before = found.length;
  const keys: (string | number)[] | undefined = isArray ? undefined : Object.keys(v);
  const n = keys ? keys.length : (v as unknown[]).length;
  let out: Record<string | number, unknown> | undefined;
  for (let k = 0; k < n; k++) {
    const key = keys ? keys[k]! : k;
    const x = (v as Record<string | number, unknown>)[key];
    // Most elements of a big column are numbers or strings: nothing to look at.
    if (x === null || (typeof x !== 'object' && typeof x !== 'function' && typeof x !== 'symbol')) continue;
    path.push(key);
    const y = strip(x, path, found, visiting);
    path.pop();
    if (y !== x) (out ??= (isArray ? [...(v as unknown[])] : { ...v }) as Record<string | number, unknown>)[key] = y;
  }
  visiting.delete(v);
  return found.length > before && out ? out : v;
}

function pathText(path: Path): string {
  return path.map((p, k) => (k === 0 ? String(p) : typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join('');
}
