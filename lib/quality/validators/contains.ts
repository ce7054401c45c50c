/**
 * `contains: 'x' | ['x', 'y']`: every string contains every substring (Hamilton's contains_validator).
 */
import type { Importance } from '../result.js';
import type { Validator, ValidatorOutcome } from '../validator.js';
import { validatorMessages as m } from '../validator-messages.js';
import { safely } from './outcome.js';
import { checkSubstrings } from './substrings.js';

/**
 * Checks that a string, or every string of a column, contains each substring.
 * null and undefined elements of a column are skipped; other non-strings fail.
 *
 * @example
 * new ContainsValidator(['@'], 'warn').validate(['a@b.c', 'nobody']).passed; // false
 */
export class ContainsValidator implements Validator {
  readonly name = 'contains_validator';
  readonly description: string;

  constructor(
    readonly substrings: readonly string[],
    readonly importance: Importance,
  ) {
    this.description = `Validates that every string contains ${m.substrings.list(substrings, 'and')}.`;
  }

  validate(value: unknown): ValidatorOutcome {
    return safely(this.name, () => checkSubstrings(value, this.substrings, 'contains'));
  }
}
