/**
 * What kind of value something is, in a way that holds across realms: values
 * deserialized from a worker thread or a file (and values under test runners
 * that evaluate code in their own context) have another realm's prototypes, so
 * built-ins are told apart by their internal tag, never by `instanceof`.
 */
import { isTable } from '../../core/values.js';

/** The kinds of values the execution platform tells apart. */
export type ValueKind =
  | 'null'
  | 'undefined'
  | 'boolean'
  | 'number'
  | 'string'
  | 'bigint'
  | 'symbol'
  | 'function'
  | 'array'
  | 'typed-array'
  | 'data-view'
  | 'array-buffer'
  | 'shared-array-buffer'
  | 'date'
  | 'regexp'
  | 'map'
  | 'set'
  | 'error'
  | 'table'
  | 'plain-object'
  | 'instance';

const TAGS: Readonly<Record<string, ValueKind>> = {
  '[object ArrayBuffer]': 'array-buffer',
  '[object SharedArrayBuffer]': 'shared-array-buffer',
  '[object Date]': 'date',
  '[object RegExp]': 'regexp',
  '[object Map]': 'map',
  '[object Set]': 'set',
  '[object Error]': 'error',
};

/**
 * The kind of a value.
 *
 * @example
 * kindOf(new Float64Array(2)); // 'typed-array'
 * kindOf(new (class Point {})()); // 'instance'
 */
export function kindOf(v: unknown): ValueKind {
  if (v === null) return 'null';
  const t = typeof v;
  if (t !== 'object') return t === 'function' ? 'function' : (t as ValueKind);
  if (Array.isArray(v)) return 'array';
  if (ArrayBuffer.isView(v)) return Object.prototype.toString.call(v) === '[object DataView]' ? 'data-view' : 'typed-array';
  if (isTable(v)) return 'table';
  const tagged = TAGS[Object.prototype.toString.call(v)];
  if (tagged) return tagged;
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto === null) return 'plain-object';
  // Some realm's Object.prototype: its own prototype is null and its constructor is that realm's Object.
  if (Object.getPrototypeOf(proto) === null && (proto as { constructor?: { name?: string } }).constructor?.name === 'Object') return 'plain-object';
  return 'instance';
}

/**
 * The class name of an instance, for messages.
 *
 * @example
 * className(new (class Point {})()); // 'Point'
 */
export function className(v: unknown): string {
  try {
    const name = (Object.getPrototypeOf(v) as { constructor?: { name?: string } } | null)?.constructor?.name;
    return name || 'an anonymous class';
  } catch {
    return 'an unknown class';
  }
}

/**
 * A path into a value as text: `value.rows[3].name`.
 *
 * @example
 * pathText(['rows', 3, 'name']); // 'value.rows[3].name'
 */
export function pathText(path: readonly (string | number)[]): string {
  let s = 'value';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`;
  return s;
}
