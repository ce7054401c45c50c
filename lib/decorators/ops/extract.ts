/**
 * The framework ops of the extracting modifiers: `decorators.column` (a column
 * of a table), `decorators.field` (a field of an object) and
 * `decorators.element` (a position of a tuple). Their args are plain data, so
 * any process that imports hamilton-ts links the same nodes.
 */
import { ExtractionError } from '../../core/errors.js';
import { registerOp } from '../../core/resolve/ops.js';
import { isColumn, isTable } from '../../core/values.js';
import { describeValue } from '../../core/describe-value.js';
import { hasFieldType, type FieldType } from '../field-types.js';
import { extractMessages, withColumnsMessages } from '../messages.js';

/** Args of `decorators.column`: which column of which node's table. */
export interface ColumnArgs {
  readonly column: string;
  /** The node (or input) whose table it reads, for messages. */
  readonly node: string;
  readonly origin: string | undefined;
  /** The decorator that made the node, for messages. */
  readonly decorator: string;
  /** When set (not undefined), a missing column is this value on every row. */
  readonly fillWith?: unknown;
  /** When set, the table's columns are renamed to these names, in order, before `column` is taken. */
  readonly reassign?: readonly string[];
  /** True when `node` is a parameter of the method `origin` (`@withColumns`), not a node it makes. */
  readonly parameter?: boolean;
}

/** Args of `decorators.field`. */
export interface FieldArgs {
  readonly field: string;
  readonly type: FieldType;
  readonly node: string;
  readonly origin: string | undefined;
  /** When set (not undefined), a missing field is this value (unchecked). */
  readonly fillWith?: unknown;
}

/** Args of `decorators.element`. */
export interface ElementArgs {
  /** The output's name, for messages. */
  readonly name: string;
  readonly index: number;
  readonly node: string;
  readonly origin: string | undefined;
}

/**
 * A column of a table, as `table.array(name)` gives it, typed arrays staying
 * typed; an ExtractionError naming the node and its columns when it lacks one.
 *
 * @example
 * columnOf(aq.table({ a: new Float64Array([1, 2]) }), { column: 'a', node: 't', origin: 'C.t', decorator: '@extractColumns' }); // Float64Array [1, 2]
 */
export function columnOf(value: unknown, a: ColumnArgs): unknown {
  if (!isTable(value)) {
    const got = describeValue(value);
    const message = a.parameter ? withColumnsMessages.parameterNotATable(a.node, a.origin, got) : extractMessages.notATable(a.decorator, a.node, a.origin, got);
    throw new ExtractionError(message, a.node, a.origin);
  }
  let name = a.column;
  if (a.reassign) {
    const names = value.columnNames();
    if (names.length !== a.reassign.length) throw new ExtractionError(extractMessages.columnCount(a.node, a.origin, names, a.reassign), a.node, a.origin);
    name = names[a.reassign.indexOf(a.column)]!;
  }
  const data = value.column(name) as unknown;
  if (data === undefined) {
    if (a.fillWith !== undefined) return new Array(value.numRows()).fill(a.fillWith);
    const has = value.columnNames();
    const message = a.parameter
      ? withColumnsMessages.parameterMissingColumn(a.node, a.origin, name, has)
      : extractMessages.missingColumn(a.decorator, name, a.node, a.origin, has);
    throw new ExtractionError(message, a.node, a.origin);
  }
  // A copy (the table stays immutable), of the column's own typed array type when it has one.
  // A table that shows every row in order gives its data as stored: slicing it is what
  // `array` would make, an order of magnitude faster than its row-by-row scan.
  if (isColumn(data) && !value.isFiltered() && !value.isOrdered() && data.length === value.numRows()) return data.slice();
  const typed = ArrayBuffer.isView(data) && isColumn(data);
  return value.array(name, typed ? (data.constructor as Parameters<typeof value.array>[1]) : Array);
}

/**
 * A field of an object, checked against its declared type.
 *
 * @example
 * fieldOf({ a: 1 }, { field: 'a', type: 'number', node: 'o', origin: 'C.o' }); // 1
 */
export function fieldOf(value: unknown, a: FieldArgs): unknown {
  if (value === null || typeof value !== 'object' || isColumn(value) || isTable(value)) {
    throw new ExtractionError(extractMessages.notAnObject(a.node, a.origin, describeValue(value)), a.node, a.origin);
  }
  if (!hasField(value, a.field)) {
    if (a.fillWith !== undefined) return a.fillWith;
    throw new ExtractionError(extractMessages.missingField(a.field, a.node, a.origin, Object.keys(value)), a.node, a.origin);
  }
  const v = (value as Record<string, unknown>)[a.field];
  if (!hasFieldType(v, a.type)) throw new ExtractionError(extractMessages.wrongType(a.field, a.node, a.origin, a.type, describeValue(v)), a.node, a.origin);
  return v;
}

/**
 * One position of an array (a tuple).
 *
 * @example
 * elementOf([1, 'a'], { name: 'label', index: 1, node: 'pair', origin: 'C.pair' }); // 'a'
 */
export function elementOf(value: unknown, a: ElementArgs): unknown {
  if (!isColumn(value)) throw new ExtractionError(extractMessages.notATuple(a.node, a.origin, describeValue(value)), a.node, a.origin);
  if (a.index >= value.length) throw new ExtractionError(extractMessages.missingPosition(a.name, a.index, a.node, a.origin, value.length), a.node, a.origin);
  return value[a.index];
}

/** Own fields, and getters of a class; never what every object inherits (`toString` ...). */
function hasField(value: object, field: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, field) || (field in value && !(field in Object.prototype));
}

registerOp('decorators.column', { link: (args: ColumnArgs) => ({ fn: (table: unknown) => columnOf(table, args) }) });
registerOp('decorators.field', { link: (args: FieldArgs) => ({ fn: (object: unknown) => fieldOf(object, args) }) });
registerOp('decorators.element', { link: (args: ElementArgs) => ({ fn: (tuple: unknown) => elementOf(tuple, args) }) });
