/**
 * Every data-quality message: decorator misuse (load time), checks that could
 * not run (in failed results), failed 'fail' checks (DataValidationError), and
 * the short text of each log record. Each names the node, its origin
 * `Class.method`, the validator, and what to do.
 */
import { at, errorText, q, show } from '../core/message-format.js';
import type { ValidationResult } from './result.js';

const onColumn = (column: string | undefined) => (column === undefined ? '' : ` on column ${q(column)}`);

/** Load-time misuse of @checkOutput / @checkOutputCustom. */
export const dqDecoratorMessages = {
  notAnObject: (where: string, options: unknown) =>
    `${where}: options must be an object of checks, e.g. { range: [0, 1], importance: 'warn' }; got ${show(options)}.`,
  badTarget: (where: string, target: unknown) =>
    `${where}: target must be a node name, a non-empty list of node names, or 'all'; got ${show(target)}.`,
  badImportance: (where: string, importance: unknown) =>
    `${where}: importance must be 'warn' (log and continue) or 'fail' (raise DataValidationError); got ${show(importance)}.`,
  noChecks: (where: string, keys: readonly string[]) =>
    `${where} has no checks. Add at least one of ${keys.join(', ')}, or per-column checks in { columns: { name: { ... } } }.`,
  badColumns: (where: string, columns: unknown) =>
    `${where}: columns must map column names to checks, e.g. { columns: { age: { range: [0, 120] } } }; got ${show(columns)}.`,
  noValidators: (where: string) => `${where} has no validators. Pass at least one: @checkOutputCustom(myValidator).`,
  notAValidator: (where: string, index: number, problem: string) =>
    `${where}: argument ${index + 1} is not a Validator (${problem}). ` +
    `A Validator is { name: 'my_validator', importance: 'warn' | 'fail', validate(value) { return { passed, message }; } }.`,
};

/** Messages of failed results for checks that could not run on the value. */
export const checkMessages = {
  doesNotApply: (node: string, origin: string | undefined, validator: string, column: string | undefined, value: string) =>
    `Check ${q(validator)}${onColumn(column)} does not apply to the output of node ${at(node, origin)}, which is ${value}. ` +
    `Use a check that fits this kind of value, or change what ${origin ?? 'the node'} returns.`,
  threw: (node: string, origin: string | undefined, validator: string, column: string | undefined, error: unknown) =>
    `Check ${q(validator)}${onColumn(column)} on node ${at(node, origin)} threw ${errorText(error)}. ` +
    `A validator reports bad data as { passed: false, message }; fix the validator so it does not throw.`,
  badOutcome: (node: string, origin: string | undefined, validator: string, outcome: unknown) =>
    `Check ${q(validator)} on node ${at(node, origin)} returned ${show(outcome)}, not { passed: boolean, message: string }. ` +
    `Fix the validator's validate().`,
  notATable: (node: string, origin: string | undefined, validator: string, column: string, value: string) =>
    `Check ${q(validator)} on column ${q(column)} needs node ${at(node, origin)} to return an arquero table, but it returned ${value}. ` +
    `Move the check out of { columns }, or return a table.`,
  noSuchColumn: (node: string, origin: string | undefined, validator: string, column: string, columns: readonly string[]) =>
    `Check ${q(validator)} is for column ${q(column)}, but the table returned by node ${at(node, origin)} has ` +
    `${columns.length ? `only ${columns.map(q).join(', ')}` : 'no columns'}. Fix the column name in @checkOutput({ columns }).`,
};

/** The message of DataValidationError. */
export const failureMessages = {
  failed: (node: string, origin: string | undefined, failures: readonly ValidationResult[]) =>
    `Node ${at(node, origin)} failed ${failures.length === 1 ? 'a data-quality check' : `${failures.length} data-quality checks`} with importance 'fail':\n` +
    failures.map((r) => `  - ${r.validator}${onColumn(r.column)}: ${r.message}`).join('\n') +
    `\nFix the data or ${origin ?? 'the node'}; to log and continue instead, set importance: 'warn' on the check ` +
    `(or withDataQuality({ importance: 'warn' }) on the Builder).`,
};

/**
 * The short `msg` of a result's log record; the record's fields carry the details.
 *
 * @example
 * logLine(result); // 'data quality: heightZeroMeanUnitVariance range_validator failed'
 */
export function logLine(r: ValidationResult): string {
  const target = r.column === undefined ? r.node : `${r.node}.${r.column}`;
  return `data quality: ${target} ${r.validator} ${r.passed ? 'passed' : 'failed'}`;
}
