/**
 * `schema: JSONSchema`: values match a JSON Schema, checked with ajv (the
 * counterpart of Hamilton's pandera and pydantic schema validators). Each row
 * of an arquero table is checked as an object, each element of a column, else
 * the value itself.
 */
import type { ColumnTable } from 'arquero';
import type { ValidateFunction } from 'ajv';
import type { Importance } from '../result.js';
import type { Validator, ValidatorOutcome } from '../validator.js';
import { validatorMessages as m } from '../validator-messages.js';
import { jsonSafe } from './describe.js';
import { SAMPLE_LIMIT, shapeOf, type ColumnLike } from './elements.js';
import { compileSchema, schemaErrorText } from './json-schema.js';
import { safely } from './outcome.js';

/** One schema violation in diagnostics; `index` is the row or element. */
interface SchemaError {
  readonly index?: number;
  readonly instancePath: string;
  readonly message: string;
}

/** Collects failures, keeping the first few errors and the first failing row's messages. */
class Failures {
  count = 0;
  first = -1;
  firstTexts: string[] = [];
  readonly errors: SchemaError[] = [];

  add(index: number | undefined, check: ValidateFunction): void {
    if (this.count++ === 0) {
      this.first = index ?? -1;
      this.firstTexts = (check.errors ?? []).slice(0, 3).map(schemaErrorText);
    }
    for (const e of check.errors ?? []) {
      if (this.errors.length >= SAMPLE_LIMIT) return;
      const error = { instancePath: e.instancePath, message: schemaErrorText(e) };
      this.errors.push(index === undefined ? error : { index, ...error });
    }
  }
}

/**
 * Checks values against a JSON Schema, compiled once here with the shared Ajv instance (allErrors).
 *
 * @example
 * const v = new SchemaValidator({ type: 'object', required: ['age'], properties: { age: { type: 'number', minimum: 0 } } }, 'fail');
 * v.validate(aq.table({ age: [3, -1] })).passed; // false: row 1, /age must be >= 0
 */
export class SchemaValidator implements Validator {
  readonly name = 'schema_validator';
  readonly description = 'Validates each row of a table, each element of a column, or the value, against a JSON Schema.';
  private readonly check: ValidateFunction;

  constructor(
    readonly schema: object,
    readonly importance: Importance,
  ) {
    this.check = compileSchema(schema);
  }

  validate(value: unknown): ValidatorOutcome {
    return safely(this.name, () => {
      const shape = shapeOf(value);
      if (shape === 'table') return this.checkRows(value as ColumnTable);
      if (shape === 'column') return this.checkElements(value as ColumnLike);
      const failures = new Failures();
      if (!this.check(value)) failures.add(undefined, this.check);
      const passed = failures.count === 0;
      return {
        passed,
        message: passed ? m.schema.valuePasses() : m.schema.valueFails(failures.firstTexts),
        diagnostics: { rows: 1, failures: failures.count, ...(passed ? {} : { errors: failures.errors, value: jsonSafe(value) }) },
      };
    });
  }

  private checkRows(table: ColumnTable): ValidatorOutcome {
    const names = table.columnNames();
    const columns = names.map((n) => table.array(n) as ColumnLike);
    const rows = table.numRows();
    // One row object, refilled for each row: ajv keeps nothing, and the object keeps one hidden class.
    // fromEntries defines own properties, so a column named `__proto__` cannot change the row's prototype.
    const row: Record<string, unknown> = Object.fromEntries(names.map((n) => [n, undefined]));
    const failures = new Failures();
    const check = this.check;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < names.length; j++) row[names[j]!] = columns[j]![i];
      if (!check(row)) failures.add(i, check);
    }
    return this.outcome('row', rows, failures);
  }

  private checkElements(column: ColumnLike): ValidatorOutcome {
    const failures = new Failures();
    const check = this.check;
    for (let i = 0, n = column.length; i < n; i++) if (!check(column[i])) failures.add(i, check);
    return this.outcome('element', column.length, failures);
  }

  private outcome(unit: 'row' | 'element', rows: number, failures: Failures): ValidatorOutcome {
    if (failures.count === 0) return { passed: true, message: m.schema.allPass(unit, rows), diagnostics: { rows, failures: 0 } };
    return {
      passed: false,
      message: m.schema.someFail(unit, failures.count, rows, failures.first, failures.firstTexts),
      diagnostics: { rows, failures: failures.count, errors: failures.errors },
    };
  }
}
