/**
 * The body of a validator node: runs one check on the raw value and always
 * returns a ValidationResult. A validator that throws, rejects, returns
 * something odd, or does not apply to the value gives a failed result instead,
 * so bad data never crashes the run.
 */
import { errorText, showValue } from '../core/message-format.js';
import { isThenable } from '../core/run/call-node.js';
import { isTable } from '../core/values.js';
import { describeValue } from '../core/describe-value.js';
import { checkMessages } from './messages.js';
import type { Diagnostics, Importance, ValidationResult } from './result.js';
import type { Validator, ValidatorOutcome } from './validator.js';

/**
 * One validator node's prepared check: everything it needs, fixed when the
 * graph is built. Validator nodes share the function `runCheck` and carry
 * their CheckRunner as `thisArg`, so a graph of thousands of checks allocates
 * one small object per check, not a set of closures.
 *
 * @example
 * const runner = new CheckRunner('x', 'C.x', validator, 'warn');
 * await runner.run(rawValue); // { node: 'x', validator: 'range_validator', ... }
 */
export class CheckRunner {
  constructor(
    /** The checked node (the final `x`). */
    readonly node: string,
    readonly origin: string | undefined,
    readonly validator: Validator,
    /** The importance the result reports (the validator's own, unless the driver forces one). */
    readonly importance: Importance,
    /** For per-column checks on a table. */
    readonly column?: string,
  ) {}

  /** Checks the raw value (or its column); never throws. */
  run(raw: unknown): ValidationResult | Promise<ValidationResult> {
    const { column } = this;
    if (column === undefined) return this.check(raw);
    if (!isTable(raw)) return this.cannotRead(raw);
    const names = raw.columnNames();
    if (!names.includes(column)) {
      const { node, origin, validator } = this;
      return this.result(false, checkMessages.noSuchColumn(node, origin, validator.name, column, names), { columns: names });
    }
    return this.check(raw.array(column));
  }

  private check(value: unknown): ValidationResult | Promise<ValidationResult> {
    const { node, origin, validator, column } = this;
    try {
      if (validator.appliesTo && !validator.appliesTo(value)) {
        const kind = describeValue(value);
        return this.result(false, checkMessages.doesNotApply(node, origin, validator.name, column, kind), { value: kind });
      }
      const out = validator.validate(value);
      return isThenable(out) ? Promise.resolve(out).then((o) => this.fromOutcome(o), (e: unknown) => this.threw(e)) : this.fromOutcome(out);
    } catch (error) {
      return this.threw(error);
    }
  }

  private cannotRead(raw: unknown): ValidationResult {
    const { node, origin, validator, column } = this;
    const kind = describeValue(raw);
    return this.result(false, checkMessages.notATable(node, origin, validator.name, column!, kind), { value: kind });
  }

  private fromOutcome(outcome: unknown): ValidationResult {
    // The outcome is foreign: its fields may be throwing getters, or it may be a revoked Proxy.
    let passed: unknown, message: unknown, diagnostics: unknown;
    try {
      const o = outcome as ValidatorOutcome | null | undefined;
      if (o && typeof o === 'object') ({ passed, message, diagnostics } = o);
    } catch (error) {
      return this.threw(error);
    }
    if (typeof passed !== 'boolean') {
      const { node, origin, validator } = this;
      return this.result(false, checkMessages.badOutcome(node, origin, validator.name, outcome), {});
    }
    const details = diagnostics && typeof diagnostics === 'object' ? (diagnostics as Diagnostics) : {};
    return this.result(passed, typeof message === 'string' ? message : message == null ? '' : showValue(message), details);
  }

  private threw(error: unknown): ValidationResult {
    const { node, origin, validator, column } = this;
    return this.result(false, checkMessages.threw(node, origin, validator.name, column, error), { error: errorText(error) });
  }

  private result(passed: boolean, message: string, diagnostics: Diagnostics): ValidationResult {
    const { node, validator, importance, column } = this;
    return column === undefined
      ? { node, validator: validator.name, importance, passed, message, diagnostics }
      : { node, validator: validator.name, importance, passed, message, diagnostics, column };
  }
}

/**
 * The function of every validator node; `this` is the node's CheckRunner.
 *
 * @example
 * const def = { name: 'x_range_validator', fn: runCheck, thisArg: new CheckRunner(spec), dependencies: [{ name: 'x_raw', optional: false }], tags: {} };
 */
export function runCheck(this: CheckRunner, raw: unknown): ValidationResult | Promise<ValidationResult> {
  return this.run(raw);
}
