/**
 * The field types `@extractFields` checks at run time, by name.
 */
import { isColumn, isTable } from '../core/values.js';

/** A field type of `@extractFields`. */
export type FieldType = 'number' | 'string' | 'boolean' | 'object' | 'array' | 'table' | 'any';

const CHECKS: Readonly<Record<FieldType, (v: unknown) => boolean>> = {
  number: (v) => typeof v === 'number',
  string: (v) => typeof v === 'string',
  boolean: (v) => typeof v === 'boolean',
  // Columns have their own type; tables, dates and class instances are objects.
  object: (v) => v !== null && typeof v === 'object' && !isColumn(v),
  array: (v) => isColumn(v),
  table: (v) => isTable(v),
  any: () => true,
};

/**
 * Every field type name, in the order the docs list them.
 *
 * @example
 * FIELD_TYPES.includes('number'); // true
 */
export const FIELD_TYPES: readonly FieldType[] = Object.freeze(Object.keys(CHECKS) as FieldType[]);

/**
 * True for a field type name.
 *
 * @example
 * isFieldType('number'); // true
 */
export function isFieldType(t: unknown): t is FieldType {
  return typeof t === 'string' && Object.prototype.hasOwnProperty.call(CHECKS, t);
}

/**
 * True when `v` is of field type `type`: 'number' (NaN included), 'string',
 * 'boolean', 'object' (any non-null object but a column), 'array' (an Array
 * or a typed array), 'table' (an arquero table) or 'any'.
 *
 * @example
 * hasFieldType(new Float64Array(2), 'array'); // true
 */
export function hasFieldType(v: unknown, type: FieldType): boolean {
  return CHECKS[type](v);
}
