/**
 * Safe renderings of checked values: short text for messages and JSON-safe
 * samples for diagnostics. Data is arbitrary (cycles, bigints, throwing
 * getters or toString), so every rendering falls back instead of throwing;
 * the text itself comes from core's message-format, the one place that
 * formats foreign values.
 */
import { isDate, showValue as show, typeName } from '../../core/message-format.js';
import { isColumn, isTable } from '../../core/values.js';

const MAX_MESSAGE_CHARS = 40;
/** As Hamilton's string validators: long strings are cut to 100 characters in diagnostics. */
const MAX_DIAGNOSTIC_CHARS = 100;

const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export { isDate, typeName };

/**
 * A short text of a value for a message (core's `showValue`, cut to 40 characters).
 *
 * @example
 * showValue(7.2); // '7.2'
 * showValue(2n ** 64n); // '18446744073709551616n'
 * showValue('abc'); // '"abc"'
 */
export const showValue = (value: unknown): string => show(value, MAX_MESSAGE_CHARS);

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
