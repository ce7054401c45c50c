/**
 * The validation result record: returned by validator nodes, logged by pino,
 * collected by the report hook, carried by DataValidationError. One shape
 * everywhere, no reshaping in between.
 */

/** How a failed check is handled: 'warn' logs and continues, 'fail' raises DataValidationError. */
export type Importance = 'warn' | 'fail';

/** Counts and samples explaining a result (rows checked, failures, first failing indices ...). */
export type Diagnostics = Readonly<Record<string, unknown>>;

/**
 * One check's result on one node's output.
 *
 * @example
 * const r: ValidationResult = { node: 'x', validator: 'range_validator', importance: 'warn', passed: true, message: 'ok', diagnostics: {} };
 */
export interface ValidationResult {
  /** The checked node. */
  readonly node: string;
  /** The validator's name, e.g. 'range_validator'. */
  readonly validator: string;
  readonly importance: Importance;
  readonly passed: boolean;
  readonly message: string;
  readonly diagnostics: Diagnostics;
  /** For per-column table checks: the column. */
  readonly column?: string;
}
