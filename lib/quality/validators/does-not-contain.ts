/**
 * `doesNotContain: 'x' | ['x', 'y']`: no string contains any of the substrings
 * (Hamilton's does_not_contain_validator).
 */
import type { Importance } from '../result.js';
import type { Validator, ValidatorOutcome } from '../validator.js';
import { validatorMessages as m } from '../validator-messages.js';
import { safely } from './outcome.js';
import { checkSubstrings } from './substrings.js';

/**
 * Checks that a string, or every string of a column, contains none of the substrings.
 * null and undefined elements of a column are skipped; other non-strings fail.
 *
 * @example
 * new DoesNotContainValidator(['TODO'], 'warn').validate('done').passed; // true
 */
export class DoesNotContainValidator implements Validator {
  readonly name = 'does_not_contain_validator';
  readonly description: string;

  constructor(
    readonly substrings: readonly string[],
    readonly importance: Importance,
  ) {
    this.description = `Validates that no string contains ${m.substrings.list(substrings, 'or')}.`;
  }

  validate(value: unknown): ValidatorOutcome {
    return safely(this.name, () => checkSubstrings(value, this.substrings, 'doesNotContain'));
  }
}
