import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import * as aq from 'arquero';
import { DecoratorError } from '../../../lib/core/errors.js';
import { CHECK_KEYS, createValidators, validateCheckOptions, type CheckOptions } from '../../../lib/quality/validators/registry.js';

const WHERE = '@checkOutput on method `heights`';
const EVERY_CHECK: CheckOptions = {
  range: [-5, 5],
  dataType: 'number',
  allowNaNs: false,
  maxFractionNaNs: 0.1,
  valuesIn: [1, 2, 'a'],
  meanInRange: [0, 1],
  maxStandardDev: 2,
  allowNull: false,
  equalTo: 1,
  contains: 'a',
  doesNotContain: ['b', 'c'],
  schema: { type: 'object', properties: { a: { type: 'number' } } },
};

/** The DecoratorError message validateCheckOptions throws for `checks`. */
function problem(checks: unknown): string {
  try {
    validateCheckOptions(checks, WHERE);
  } catch (e) {
    expect(e).toBeInstanceOf(DecoratorError);
    expect((e as Error).message.startsWith(WHERE)).toBe(true);
    return (e as Error).message;
  }
  throw new Error(`no error for ${JSON.stringify(checks)}`);
}

describe('CHECK_KEYS', () => {
  it('lists every check option', () => {
    expect([...CHECK_KEYS].sort()).toEqual(Object.keys(EVERY_CHECK).sort());
  });
});

describe('createValidators', () => {
  it('creates one validator per option, named as in Hamilton, in the order written', () => {
    const names = createValidators(EVERY_CHECK, 'warn').map((v) => v.name);
    expect(names).toEqual([
      'range_validator',
      'data_type_validator',
      'allow_nans_validator',
      'max_fraction_nans_validator',
      'values_in_validator',
      'mean_in_range_validator',
      'max_standard_dev_validator',
      'allow_null_validator',
      'equal_to_validator',
      'contains_validator',
      'does_not_contain_validator',
      'schema_validator',
    ]);
    expect(createValidators({ valuesIn: [1], range: [0, 1] }, 'warn').map((v) => v.name)).toEqual(['values_in_validator', 'range_validator']);
  });

  it('gives every validator the importance', () => {
    expect(createValidators(EVERY_CHECK, 'fail').every((v) => v.importance === 'fail')).toBe(true);
  });

  it('creates nothing for allowNaNs: true, allowNull: true and undefined options', () => {
    expect(createValidators({ allowNaNs: true, allowNull: true, range: undefined }, 'warn')).toEqual([]);
  });

  it('reads one substring as a list of one', () => {
    const [v] = createValidators({ contains: '@' }, 'warn');
    expect(v!.validate('a@b')).toMatchObject({ passed: true });
    expect(v!.validate('ab')).toMatchObject({ passed: false });
  });

  it('rejects invalid options', () => {
    expect(() => createValidators({ range: [2, 1] }, 'warn')).toThrow(DecoratorError);
  });

  it('gives validators that never throw and always return JSON-safe results, whatever the data', () => {
    const validators = createValidators(EVERY_CHECK, 'warn');
    const value = fc.oneof(
      fc.anything({ withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withMap: true, withSet: true, withBoxedValues: true }),
      fc.array(fc.oneof(fc.double(), fc.string(), fc.constantFrom(null, undefined, NaN, Infinity, 2n ** 64n))),
      fc.float64Array(),
      fc.int32Array(),
      fc.bigInt64Array(),
      fc.constant(aq.table({ a: [1, NaN], b: ['x', null] })),
    );
    fc.assert(
      fc.property(value, (v) => {
        for (const validator of validators) {
          const r = validator.validate(v) as { passed: unknown; message: unknown; diagnostics?: unknown };
          expect(typeof r.passed).toBe('boolean');
          expect(typeof r.message).toBe('string');
          expect(JSON.parse(JSON.stringify(r.diagnostics))).toEqual(r.diagnostics);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps infinite option values in diagnostics as strings', () => {
    const [range, std] = createValidators({ range: [-Infinity, Infinity], maxStandardDev: Infinity }, 'warn');
    expect(range!.validate([1])).toMatchObject({ passed: true, diagnostics: { range: ['-Infinity', 'Infinity'] } });
    expect(std!.validate([1, 2])).toMatchObject({ passed: true, diagnostics: { maxStandardDev: 'Infinity' } });
  });
});

describe('validateCheckOptions', () => {
  it('accepts every check with valid values, and undefined ones', () => {
    expect(() => validateCheckOptions(EVERY_CHECK, WHERE)).not.toThrow();
    expect(() => validateCheckOptions({ range: [-Infinity, Infinity], maxFractionNaNs: 0, maxStandardDev: 0, equalTo: undefined }, WHERE)).not.toThrow();
  });

  it('reports an unknown key even when its value is undefined', () => {
    expect(problem({ range: undefined, rang: undefined })).toContain('unknown check `rang`');
  });

  it('rejects checks that are not an object', () => {
    for (const bad of [null, 5, [{ range: [0, 1] }], 'range']) expect(problem(bad)).toContain('must be an object');
  });

  it('rejects an unknown key and suggests the close one', () => {
    expect(problem({ rnage: [0, 1] })).toContain('unknown check `rnage` (did you mean `range`?)');
    expect(problem({ datatype: 'number' })).toContain('did you mean `dataType`?');
  });

  it("suggests the camelCase name for Hamilton's snake_case options", () => {
    expect(problem({ data_type: 'number' })).toContain('did you mean `dataType`?');
    expect(problem({ allow_nans: false })).toContain('did you mean `allowNaNs`?');
    expect(problem({ max_fraction_nans: 0.1 })).toContain('did you mean `maxFractionNaNs`?');
    expect(problem({ allow_none: false })).toContain('did you mean `allowNull`?');
    expect(problem({ importance: 'warn' })).toContain('The checks are range, dataType,');
  });

  it('rejects a range that is not two numbers', () => {
    for (const bad of [[0], [0, 1, 2], ['0', 1], [0, NaN], 5, [0n, 1n]]) expect(problem({ range: bad })).toContain('range must be [min, max]');
    expect(problem({ meanInRange: [0] })).toContain('meanInRange must be [min, max]');
  });

  it('rejects a range whose min exceeds its max and shows the fix', () => {
    expect(problem({ range: [5, -5] })).toContain('range is [5, -5], but min must not exceed max. Write [-5, 5].');
    expect(problem({ meanInRange: [1, 0] })).toContain('meanInRange is [1, 0]');
  });

  it('rejects an unknown dataType and suggests the name it means', () => {
    expect(problem({ dataType: 'float' })).toContain("(did you mean 'number'?)");
    expect(problem({ dataType: 'int' })).toContain("(did you mean 'integer'?)");
    expect(problem({ dataType: 'strng' })).toContain("(did you mean 'string'?)");
    expect(problem({ dataType: Number })).toContain("dataType must be one of 'number', 'integer'");
  });

  it('rejects non-boolean allowNaNs and allowNull', () => {
    expect(problem({ allowNaNs: 'no' })).toContain('allowNaNs must be true or false');
    expect(problem({ allowNull: 0 })).toContain('allowNull must be true or false');
  });

  it('rejects a maxFractionNaNs outside [0, 1]', () => {
    for (const bad of [-0.1, 5, NaN, '0.1']) expect(problem({ maxFractionNaNs: bad })).toContain('maxFractionNaNs must be a fraction from 0 to 1 (5% is 0.05)');
  });

  it('rejects a negative or non-number maxStandardDev', () => {
    for (const bad of [-1, NaN, '1']) expect(problem({ maxStandardDev: bad })).toContain('maxStandardDev must be a number >= 0');
  });

  it('rejects an empty or non-array valuesIn', () => {
    for (const bad of [[], 'a', new Set(['a'])]) expect(problem({ valuesIn: bad })).toContain('valuesIn must be a non-empty array');
  });

  it('rejects empty or non-string substrings', () => {
    for (const bad of ['', [], [''], [1], 5]) expect(problem({ contains: bad })).toContain('contains must be a non-empty string');
    expect(problem({ doesNotContain: [null] })).toContain('doesNotContain must be a non-empty string');
  });

  it('rejects a schema that is not an object', () => {
    for (const bad of [true, 'object', [], null]) expect(problem({ schema: bad })).toContain('schema must be a JSON Schema object');
  });

  it('rejects an invalid JSON Schema with ajv\'s reason', () => {
    expect(problem({ schema: { type: 'nombre' } })).toContain('the schema cannot be used: schema is invalid: data/type must be equal to one of the allowed values');
    expect(problem({ schema: { type: 'number', minimun: 0 } })).toContain('unknown keyword: "minimun"');
    expect(problem({ schema: { $ref: '#/definitions/missing' } })).toContain("can't resolve reference");
  });

  it('rejects a string format, which no plugin checks, and points to pattern', () => {
    expect(problem({ schema: { type: 'string', format: 'email' } })).toContain('use `pattern` with a regular expression instead of `format`');
  });

  it('rejects an async schema', () => {
    expect(problem({ schema: { $async: true, type: 'number' } })).toContain('async schema');
  });
});

describe('the public entry', () => {
  it('exports createValidators so built-in checks can be reused in @checkOutputCustom', async () => {
    const api = await import('../../../lib/index.js');
    const [range] = api.createValidators({ range: [0, 1] }, 'fail');
    expect(range!.name).toBe('range_validator');
    expect((await range!.validate([0.5, 2])).passed).toBe(false);
    expect(api.CHECK_KEYS).toContain('schema');
  });
});
