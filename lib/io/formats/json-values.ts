/**
 * JSON text for table values, and JSON parsing that keeps big integers.
 *
 * JSON has one number type. A bigint is written as an integer literal with all
 * its digits; on reading, an integer literal beyond ±(2^53 - 1) becomes a
 * bigint where the runtime lets a reviver see the literal's source text
 * (Node 21 and later), and an imprecise number on Node 20. Dates are written
 * as ISO 8601 strings (UTC) and read back as Dates; NaN and ±Infinity, which
 * JSON cannot hold, are written as null, like `undefined`.
 */
import { isColumn } from '../../core/values.js';

/**
 * One value as JSON text.
 *
 * @example
 * jsonText({ id: 2n ** 60n, at: new Date(0) }); // '{"id":1152921504606846976,"at":"1970-01-01T00:00:00.000Z"}'
 */
export function jsonText(v: unknown): string {
  switch (typeof v) {
    case 'string': return JSON.stringify(v);
    case 'number': return Number.isFinite(v) ? String(v) : 'null';
    case 'bigint': return v.toString();
    case 'boolean': return v ? 'true' : 'false';
    case 'undefined': case 'function': case 'symbol': return 'null';
  }
  if (v === null) return 'null';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'null' : `"${v.toISOString()}"`;
  if (isColumn(v)) return `[${Array.from(v as ArrayLike<unknown>, jsonText).join(',')}]`;
  const toJSON = (v as { toJSON?: () => unknown }).toJSON;
  if (typeof toJSON === 'function') return jsonText(toJSON.call(v));
  const fields: string[] = [];
  for (const [key, value] of Object.entries(v as object)) {
    if (value !== undefined && typeof value !== 'function' && typeof value !== 'symbol') fields.push(`${JSON.stringify(key)}:${jsonText(value)}`);
  }
  return `{${fields.join(',')}}`;
}

/**
 * Does JSON.parse give a reviver the source text of each literal (Node 21+)?
 *
 * @example
 * JSON_SOURCE_TEXT; // false on Node 20, true on Node 24
 */
export const JSON_SOURCE_TEXT: boolean = (() => {
  let seen = false;
  JSON.parse('1', (_key, value, context?: { source?: string }) => {
    seen = typeof context?.source === 'string';
    return value;
  });
  return seen;
})();

// An integer beyond 2^53 has at least 16 digits; text without such a run needs no reviver.
const LONG_DIGITS = /\d{16}/;
const INTEGER = /^-?\d+$/;

function keepBigIntegers(_key: string, value: unknown, context?: { source?: string }): unknown {
  if (typeof value === 'number' && !Number.isSafeInteger(value) && context?.source !== undefined && INTEGER.test(context.source)) {
    return BigInt(context.source);
  }
  return value;
}

/**
 * JSON.parse that turns integer literals beyond 2^53 into bigints (where the runtime allows it).
 *
 * @example
 * parseJson('[12345678901234567890]'); // [12345678901234567890n] on Node 21+
 */
export function parseJson(text: string): unknown {
  return JSON_SOURCE_TEXT && LONG_DIGITS.test(text) ? JSON.parse(text, keepBigIntegers as never) : JSON.parse(text);
}
