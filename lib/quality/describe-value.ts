import { isColumn, isTable } from '../core/values.js';

/**
 * A short description of a value's kind and size, for messages about values a
 * check cannot read (never the value itself, which may be large or private).
 *
 * @example
 * describeValue(new Float64Array(3)); // 'a Float64Array of 3 values'
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (isTable(value)) {
    const names = value.columnNames();
    return `an arquero table of ${value.numRows()} rows (columns ${names.join(', ') || 'none'})`;
  }
  if (isColumn(value)) return `${article(value.constructor.name)} of ${value.length} values`;
  if (value instanceof Date) return 'a Date';
  if (typeof value === 'object') {
    const ctor = (value as object).constructor;
    return ctor && ctor !== Object ? `an object (${ctor.name || 'anonymous class'})` : 'an object';
  }
  return article(typeof value);
}

function article(word: string): string {
  return `${/^[aeiouAEIOU]/.test(word) ? 'an' : 'a'} ${word}`;
}
