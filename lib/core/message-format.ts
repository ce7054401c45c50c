/**
 * The one place where foreign values become text: names, values and thrown
 * things, for every message and log line, in core and quality alike.
 *
 * Everything here is total: whatever the value (a null-prototype object
 * holding a bigint, a throwing getter or toString, a revoked Proxy, a cycle),
 * it returns a string and never throws. An error path that throws while
 * describing an error loses the original failure, and inside a promise
 * callback it can leave a run that never settles.
 */
import { isColumn } from './values.js';

const CONTROL = /[\u0000-\u001f\u007f]/g;

/**
 * A string with its control characters (U+0000 to U+001F, and DEL) written as
 * `\uXXXX`, so that a message shows where they are instead of breaking its line.
 *
 * @example
 * printable('a\nb'); // 'a\\u000ab'
 */
export function printable(s: string): string {
  return s.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A name in backticks (control characters shown as `\uXXXX`).
 *
 * @example
 * q('spend'); // '`spend`'
 */
export const q = (s: string): string => `\`${typeof s === 'string' ? printable(s) : showValue(s)}\``;

/**
 * A node with its origin: "`x` (Class.method)", or just "`x`".
 *
 * @example
 * at('spend', 'Marketing.spend'); // '`spend` (Marketing.spend)'
 */
export const at = (name: string, origin: string | undefined): string => (origin ? `${q(name)} (${origin})` : q(name));

const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** Arrays longer than this are shown by their first elements only (JSON of a million values is not a message). */
const MAX_ELEMENTS = 20;

/**
 * A short text of any value: numbers as JavaScript prints them, bigints with
 * `n`, strings quoted (as JSON), Dates in ISO form, typed arrays by type and
 * length, functions by name, other objects as JSON; cut to `max` characters.
 * Never throws.
 *
 * @example
 * showValue(7.2); // '7.2'
 * showValue(2n ** 64n); // '18446744073709551616n'
 * showValue(Object.assign(Object.create(null), { n: 1n })); // '{"n":"1n"}'
 */
export function showValue(value: unknown, max = 80): string {
  try {
    switch (typeof value) {
      case 'number':
      case 'boolean':
      case 'undefined':
        return String(value);
      case 'bigint':
        return cut(`${value}n`, max);
      case 'string':
        return cut(JSON.stringify(value), max);
      case 'symbol':
        return cut(printable(Symbol.prototype.toString.call(value)), max);
      case 'function':
        return cut(`function ${printable(String(value.name || '(anonymous)'))}`, max);
    }
    if (value === null) return 'null';
    if (isDate(value)) return dateText(value);
    if (ArrayBuffer.isView(value) && isColumn(value)) return `${typeName(value)}(${(value as ArrayLike<unknown>).length})`;
    const shown = Array.isArray(value) && value.length > MAX_ELEMENTS ? value.slice(0, MAX_ELEMENTS) : value;
    const json = JSON.stringify(shown, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    if (json === undefined) return opaque(value);
    return cut(shown === value ? json : `${json.slice(0, -1)},…]`, max);
  } catch {
    return opaque(value);
  }
}

/**
 * `showValue` at the length core messages use (80 characters).
 *
 * @example
 * show({ a: 1 }); // '{"a":1}'
 */
export const show = (v: unknown): string => showValue(v, 80);

/**
 * A thrown value as text: an error as "Name: message", anything else as
 * `showValue` gives it. An error whose name or message cannot be read says so.
 * Never throws.
 *
 * @example
 * errorText(new TypeError('bad')); // 'TypeError: bad'
 * errorText(Object.create(null)); // '{}'
 */
export function errorText(e: unknown): string {
  if (!isErrorLike(e)) return showValue(e);
  const name = textOf(() => e.name) ?? 'Error';
  const message = textOf(() => e.message);
  return message === undefined ? `${name} (its message cannot be read)` : `${name}: ${message}`;
}

/**
 * A thrown value's message: an error's `message`, anything else as `showValue`
 * gives it. Never throws.
 *
 * @example
 * errorMessage(new TypeError('bad')); // 'bad'
 */
export function errorMessage(e: unknown): string {
  if (!isErrorLike(e)) return showValue(e);
  return textOf(() => e.message) ?? '(the message cannot be read)';
}

/**
 * True for an Error, also one from another realm; never throws (a revoked Proxy is not an error).
 *
 * @example
 * isErrorLike(new RangeError('x')); // true
 */
export function isErrorLike(e: unknown): e is Error {
  try {
    return e instanceof Error || (typeof e === 'object' && e !== null && Object.prototype.toString.call(e) === '[object Error]');
  } catch {
    return false;
  }
}

/**
 * The name of an object's class, or undefined for plain objects, objects
 * without a readable constructor, and anonymous classes. Never throws.
 *
 * @example
 * className(new Map()); // 'Map'
 * className({}); // undefined
 */
export function className(o: unknown): string | undefined {
  try {
    const ctor = (o as { constructor?: unknown }).constructor;
    if (typeof ctor !== 'function' || ctor === Object) return undefined;
    const name: unknown = ctor.name;
    return typeof name === 'string' && name !== '' ? printable(name) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The built-in type of an object ('Array', 'Float64Array', 'Date' ...), read
 * from its built-in tag so that it works across realms. Never throws.
 *
 * @example
 * typeName(new Int32Array(1)); // 'Int32Array'
 */
export function typeName(value: object): string {
  try {
    return Object.prototype.toString.call(value).slice(8, -1);
  } catch {
    return 'Object';
  }
}

/**
 * True for a Date, also one from another realm. Never throws.
 *
 * @example
 * isDate(new Date()); // true
 */
export function isDate(value: unknown): value is Date {
  try {
    return value instanceof Date || (typeof value === 'object' && value !== null && typeName(value) === 'Date' && hasTimeValue(value));
  } catch {
    return false;
  }
}

/** A tag can lie (Symbol.toStringTag); only a real Date has a time value. */
function hasTimeValue(value: object): boolean {
  try {
    Date.prototype.getTime.call(value);
    return true;
  } catch {
    return false;
  }
}

function dateText(d: Date): string {
  const t = Date.prototype.getTime.call(d);
  return Number.isNaN(t) ? 'Invalid Date' : new Date(t).toISOString();
}

/** Reads a property that may be a throwing getter; strings as they are, other values shown. */
function textOf(read: () => unknown): string | undefined {
  try {
    const v = read();
    if (v === undefined) return undefined;
    return typeof v === 'string' ? v : showValue(v);
  } catch {
    return undefined;
  }
}

function opaque(value: unknown): string {
  try {
    return Object.prototype.toString.call(value);
  } catch {
    return '[unreadable value]';
  }
}
