/**
 * Outcomes shared by every built-in validator: the guard that turns an
 * unexpected exception into a failed outcome, and the answer for a table
 * given to a per-value check.
 */
import type { ColumnTable } from 'arquero';
import { errorText } from '../../core/message-format.js';
import { validatorMessages } from '../validator-messages.js';
import type { ValidatorOutcome } from '../validator.js';

/**
 * Runs a check; if reading the data throws (a throwing getter, a revoked
 * Proxy), the check fails with the error in its message instead of throwing.
 *
 * @example
 * safely('range_validator', () => ({ passed: true, message: 'ok' }));
 */
export function safely(validator: string, check: () => ValidatorOutcome): ValidatorOutcome {
  try {
    return check();
  } catch (error) {
    const text = errorText(error);
    return { passed: false, message: validatorMessages.unreadable(validator, text), diagnostics: { error: text } };
  }
}

/**
 * The failed outcome of a per-value check given a whole table: it names the
 * table's columns and shows how to check one of them.
 *
 * @example
 * notForTables(aq.table({ a: [1] }), 'range', '[0, 1]'); // { passed: false, message: '... columns: { a: { range: [0, 1] } } ...' }
 */
export function notForTables(table: ColumnTable, option: string, example: string): ValidatorOutcome {
  const columns = table.columnNames();
  return {
    passed: false,
    message: validatorMessages.table(option, example, columns),
    diagnostics: { rows: table.numRows(), columns: columns.slice(0, 20) },
  };
}
