/**
 * The validation result record, as data quality uses it. The type lives in core
 * because DataValidationError carries it; this module is its home for lib/quality.
 */
export type { Importance, Diagnostics, ValidationResult } from '../core/validation-result.js';
