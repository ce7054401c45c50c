/**
 * Safe renderings of checked values: short text for messages and JSON-safe
 * samples for diagnostics. Data is arbitrary (cycles, bigints, throwing
 * getters or toString), so every rendering falls back instead of throwing.
 */
import { isColumn, isTable } from '../../core/values.js';

const MAX_MESSAGE_CHARS = 40;
/** As Hamilton's string validators: long strings are cut to 100 characters in diagnostics. */
const MAX_DIAGNOSTIC_CHARS = 100;

const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * A short text of a value for a message: numbers as JS prints them, bigints with `n`,
 * strings quoted, Dates in ISO form, objects as (cut) JSON.
 *
 * @example
 * showValue(7.2); // '7.2'
 * showValue(2n ** 64n); // '18446744073709551616n'
 * showValue('abc'); // '"abc"'
 */
export function showValue(value: unknown): string {
  try {
    switch (typeof value) {
      case 'number':
      case 'boolean':
      case 'undefined':
        return String(value);
      case 'bigint':
        return `${value}n`;
      case 'string':
        return cut(JSON.stringify(value), MAX_MESSAGE_CHARS);
      case 'symbol':
        return value.toString();
      case 'function':
        return `function ${value.name || '(anonymous)'}`;
    }
    if (value === null) return 'null';
    if (isDate(value)) return dateText(value);
    if (ArrayBuffer.isView(value) && isColumn(value)) return `${typeName(value)}(${(value as ArrayLike<unknown>).length})`;
    const json = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    return cut(json ?? Object.prototype.toString.call(value), MAX_MESSAGE_CHARS);
  } catch {
    return opaque(value);
  }
}

/**
 * A value as it may appear in diagnostics (which pino logs as JSON): numbers
 * that JSON cannot hold (NaN, ±Infinity), bigints and Dates become strings,
 * long strings are cut, other objects become their short text.
 *
 * @example
 * jsonSafe(NaN); // 'NaN'
 * jsonSafe(10n); // '10'
 */
export function jsonSafe(value: unknown): unknown {
  switch (typeof value) {
    case 'number':
      // -0 would come back from JSON as 0; NaN and ±Infinity would come back as null.
      return Number.isFinite(value) ? value + 0 : String(value);
    case 'bigint':
      return String(value);
    case 'string':
      return cut(value, MAX_DIAGNOSTIC_CHARS);
    case 'boolean':
      return value;
    case 'undefined':
      return 'undefined';
  }
  if (value === null) return null;
  return showValue(value);
}

/**
 * The kind of a value with its article, for messages: 'a number', 'NaN', 'null', 'a string', 'a Date', 'an array' ...
 *
 * @example
 * kindOf('x'); // 'a string'
 */
export function kindOf(value: unknown): string {
  try {
    switch (typeof value) {
      case 'number':
        return Number.isNaN(value) ? 'NaN' : 'a number';
      case 'bigint':
        return 'a bigint';
      case 'string':
        return 'a string';
      case 'boolean':
        return 'a boolean';
      case 'undefined':
        return 'undefined';
      case 'symbol':
        return 'a symbol';
      case 'function':
        return 'a function';
    }
    if (value === null) return 'null';
    if (isDate(value)) return Number.isNaN(value.getTime()) ? 'an Invalid Date' : 'a Date';
    if (Array.isArray(value)) return 'an array';
    if (isColumn(value)) return `a ${typeName(value)}`;
    if (isTable(value)) return 'an arquero table';
    return 'an object';
  } catch {
    return 'an object';
  }
}

/**
 * The constructor-like name of a column ('Array', 'Float64Array' ...), read from
 * its built-in tag so that it works across realms and cannot be spoofed by a getter.
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
 * True for a Date, also one from another realm.
 *
 * @example
 * isDate(new Date()); // true
 */
export function isDate(value: unknown): value is Date {
  return value instanceof Date || (typeof value === 'object' && value !== null && typeName(value) === 'Date' && hasTimeValue(value));
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

function opaque(value: unknown): string {
  try {
    return Object.prototype.toString.call(value);
  } catch {
    return '[object]';
  }
}
