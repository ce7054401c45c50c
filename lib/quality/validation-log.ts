/**
 * How a validation result is logged: one pino record per check, carrying
 * exactly the result's fields plus the run id.
 */
import type { Logger } from 'pino';
import { logLine } from './messages.js';
import type { ValidationResult } from './result.js';

/** The pino level of a result: passes are info, failed warn checks warn, failed fail checks error. */
export type ValidationLogLevel = 'info' | 'warn' | 'error';

/**
 * The level a result is logged at.
 *
 * @example
 * levelOf({ ...result, passed: false, importance: 'fail' }); // 'error'
 */
export function levelOf(r: ValidationResult): ValidationLogLevel {
  if (r.passed) return 'info';
  return r.importance === 'fail' ? 'error' : 'warn';
}

/**
 * The fields of a result's log record: the result's own fields, then `runId`.
 *
 * @example
 * logRecordOf(result, runId); // { node, validator, importance, passed, message, diagnostics, runId }
 */
export function logRecordOf(r: ValidationResult, runId: string): ValidationResult & { readonly runId: string } {
  // Listed field by field so that nothing else a result object might carry reaches the log.
  return r.column === undefined
    ? { node: r.node, validator: r.validator, importance: r.importance, passed: r.passed, message: r.message, diagnostics: r.diagnostics, runId }
    : { node: r.node, validator: r.validator, importance: r.importance, passed: r.passed, message: r.message, diagnostics: r.diagnostics, column: r.column, runId };
}

/**
 * Logs one result. Does nothing (and builds nothing) when the logger's level
 * hides it, so passing checks cost almost nothing under the default 'warn' logger.
 *
 * @example
 * logValidationResult(dr.logger, runId, result);
 */
export function logValidationResult(logger: Logger, runId: string, r: ValidationResult): void {
  const level = levelOf(r);
  if (!logger.isLevelEnabled(level)) return;
  logger[level](logRecordOf(r, runId), logLine(r));
}
