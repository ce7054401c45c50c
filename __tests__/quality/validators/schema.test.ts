import { describe, expect, it, jest } from '@jest/globals';
import * as aq from 'arquero';
import { Ajv } from 'ajv';
import { SchemaValidator } from '../../../lib/quality/validators/schema.js';

type Outcome = { passed: boolean; message: string; diagnostics: Record<string, unknown> };
const person = {
  type: 'object',
  required: ['name', 'age'],
  properties: { name: { type: 'string', minLength: 1 }, age: { type: 'number', minimum: 0 } },
  additionalProperties: false,
};
const check = (schema: object, value: unknown) => new SchemaValidator(schema, 'warn').validate(value) as Outcome;

describe('schema_validator', () => {
  it('is named schema_validator', () => {
    expect(new SchemaValidator({}, 'warn').name).toBe('schema_validator');
  });

  it('checks each row of a table as an object', () => {
    const r = check(person, aq.table({ name: ['ann', 'bob'], age: [31, 45] }));
    expect(r).toMatchObject({ passed: true, message: 'All 2 rows match the schema.', diagnostics: { rows: 2, failures: 0 } });
  });

  it('reports failing rows with their index, path and ajv message', () => {
    const r = check(person, aq.table({ name: ['ann', '', 'cy'], age: [31, -1, 2] }));
    expect(r.passed).toBe(false);
    expect(r.message).toBe('1 of 3 rows does not match the schema (first at row 1: /name must NOT have fewer than 1 characters; /age must be >= 0).');
    expect(r.diagnostics).toMatchObject({
      rows: 3,
      failures: 1,
      errors: [
        { index: 1, instancePath: '/name', message: '/name must NOT have fewer than 1 characters' },
        { index: 1, instancePath: '/age', message: '/age must be >= 0' },
      ],
    });
  });

  it('keeps at most five errors', () => {
    const r = check(person, aq.table({ name: Array(10).fill(''), age: Array(10).fill(-1) }));
    expect(r.diagnostics['failures']).toBe(10);
    expect((r.diagnostics['errors'] as unknown[]).length).toBe(5);
  });

  it('names an extra column that additionalProperties forbids', () => {
    const r = check(person, aq.table({ name: ['a'], age: [1], email: ['x'] }));
    expect(r.message).toContain('must NOT have additional properties (email)');
  });

  it('treats a null cell as a value and an undefined cell as missing', () => {
    const r = check(person, aq.table({ name: ['a', null, undefined], age: [1, 2, 3] }));
    expect(r.diagnostics['failures']).toBe(2);
    expect((r.diagnostics['errors'] as { message: string }[]).map((e) => e.message)).toEqual(["/name must be string", "the value must have required property 'name'"]);
  });

  it('checks the rows a filtered table shows', () => {
    const t = aq.table({ name: ['ann', ''], age: [1, 2] }).filter((d: { age: number }) => d.age < 2);
    expect(check(person, t).passed).toBe(true);
  });

  it('checks each element of a column', () => {
    const r = check({ type: 'number', maximum: 1 }, new Float64Array([0.5, 2, 1]));
    expect(r).toMatchObject({ passed: false, diagnostics: { rows: 3, failures: 1, errors: [{ index: 1, instancePath: '', message: 'the value must be <= 1' }] } });
    expect(check(person, [{ name: 'a', age: 1 }]).passed).toBe(true);
    expect(check({ type: 'integer' }, new BigInt64Array([1n])).passed).toBe(false);
  });

  it('checks a scalar value itself', () => {
    expect(check(person, { name: 'a', age: 1 })).toMatchObject({ passed: true, message: 'The value matches the schema.' });
    const r = check(person, { name: 'a' });
    expect(r.passed).toBe(false);
    expect(r.message).toBe("The value does not match the schema: the value must have required property 'age'.");
  });

  it('passes an empty table and an empty column with rows 0', () => {
    expect(check(person, aq.table({ name: [], age: [] }))).toMatchObject({ passed: true, diagnostics: { rows: 0 } });
    expect(check(person, [])).toMatchObject({ passed: true, diagnostics: { rows: 0 } });
  });

  it('fails instead of throwing when a property getter throws', () => {
    const evil = { name: 'a', get age(): number { throw new Error('boom'); } };
    const r = check(person, [evil]);
    expect(r.passed).toBe(false);
    expect(r.message).toContain('Error: boom');
  });

  it('compiles its schema once, when created', () => {
    const compile = jest.spyOn(Ajv.prototype, 'compile');
    try {
      const v = new SchemaValidator({ type: 'object', properties: { z: { type: 'number' } } }, 'warn');
      const calls = compile.mock.calls.length;
      expect(calls).toBe(1);
      for (let i = 0; i < 3; i++) v.validate(aq.table({ z: [i] }));
      expect(compile.mock.calls.length).toBe(calls);
    } finally {
      compile.mockRestore();
    }
  });

  it('accepts two different schemas with the same $id', () => {
    const a = new SchemaValidator({ $id: 'https://example.com/same', type: 'number' }, 'warn');
    const b = new SchemaValidator({ $id: 'https://example.com/same', type: 'string' }, 'warn');
    expect((a.validate(1) as Outcome).passed).toBe(true);
    expect((b.validate('x') as Outcome).passed).toBe(true);
    expect((b.validate(1) as Outcome).passed).toBe(false);
  });
});
