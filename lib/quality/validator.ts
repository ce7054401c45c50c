/**
 * The public Validator interface: what every check implements, built-in
 * (`@checkOutput` options) or custom (`@checkOutputCustom`).
 */
import type { Diagnostics, Importance } from './result.js';

/** What `validate` returns; the framework adds node, validator, importance (and column). */
export interface ValidatorOutcome {
  readonly passed: boolean;
  readonly message: string;
  readonly diagnostics?: Diagnostics;
}

/**
 * A data-quality check. Its node is `<node>_<name>`.
 *
 * @example
 * const positive: Validator = {
 *   name: 'positive_validator',
 *   importance: 'warn',
 *   description: 'Every value is above zero.',
 *   appliesTo: (v) => typeof v === 'number',
 *   validate: (v) => ({ passed: (v as number) > 0, message: (v as number) > 0 ? 'positive' : `${String(v)} is not positive` }),
 * };
 */
export interface Validator {
  /** Snake-case name, ending in `_validator` by convention; names the validator node. */
  readonly name: string;
  readonly importance: Importance;
  readonly description?: string;
  /** Which values it can check; when false for the node's output, the check fails with a clear message. Default: any value. */
  appliesTo?(value: unknown): boolean;
  /** Checks a value. Must not throw for bad data: report a failed outcome instead. */
  validate(value: unknown): ValidatorOutcome | Promise<ValidatorOutcome>;
}
