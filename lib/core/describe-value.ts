/**
 * How messages speak of a value they cannot show: its kind and size. Used by
 * the checks, the modifiers' framework ops and the data loaders alike, so it
 * lives in core.
 */
import { className, typeName } from './message-format.js';
import { isColumn, isTable } from './values.js';

/**
 * A short description of a value's kind and size, for messages about values a
 * check cannot read (never the value itself, which may be large or private).
 * Never throws: a value that cannot be inspected is "an object".
 *
 * @example
 * describeValue(new Float64Array(3)); // 'a Float64Array of 3 values'
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  try {
    if (isTable(value)) {
      const names = value.columnNames();
      return `an arquero table of ${value.numRows()} rows (columns ${names.join(', ') || 'none'})`;
    }
    if (isColumn(value)) return `${article(typeName(value))} of ${value.length} values`;
    if (value instanceof Date) return 'a Date';
    if (typeof value === 'object') {
      const name = className(value);
      return name ? `an object (${name})` : 'an object';
    }
    return article(typeof value);
  } catch {
    return typeof value === 'function' ? 'a function' : 'an object';
  }
}

function article(word: string): string {
  return `${/^[aeiouAEIOU]/.test(word) ? 'an' : 'a'} ${word}`;
}
