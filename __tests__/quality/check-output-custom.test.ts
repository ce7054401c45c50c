import { describe, expect, it } from '@jest/globals';
import { Builder, DataValidationError, DecoratorError, checkOutput, checkOutputCustom, node, type Validator } from '../../lib/index.js';
import { silent } from '../support.js';

const even: Validator = {
  name: 'even_validator',
  importance: 'warn',
  description: 'Every value is even.',
  appliesTo: (v) => typeof v === 'number',
  validate: (v) => {
    const ok = (v as number) % 2 === 0;
    return { passed: ok, message: ok ? 'even' : `${String(v)} is odd`, diagnostics: { value: v } };
  },
};

/** A module with one checked node `x` (= input a). */
function checked(...validators: Validator[]) {
  class C {
    @checkOutputCustom(...validators)
    @node()
    x(a: unknown) {
      return a;
    }
  }
  return C;
}

async function resultOf(validator: Validator, a: unknown) {
  const dr = new Builder().withModules(checked(validator)).withLogger(silent).build();
  const out = await dr.execute([`x_${validator.name}`], { inputs: { a } });
  return out[`x_${validator.name}`] as { passed: boolean; message: string; diagnostics: Record<string, unknown> };
}

describe('@checkOutputCustom', () => {
  it('adds a validator node x_<name> documented with the validator description', () => {
    const dr = new Builder().withModules(checked(even)).withLogger(silent).build();
    const info = dr.listAvailableVariables().find((n) => n.name === 'x_even_validator');
    expect(info).toMatchObject({ doc: 'Every value is even.', dependencies: [{ name: 'x_raw', optional: false }] });
  });

  it('returns what a sync validator reports, with node, validator and importance added', async () => {
    const dr = new Builder().withModules(checked(even)).withLogger(silent).build();
    const out = await dr.execute(['x_even_validator'], { inputs: { a: 3 } });
    expect(out.x_even_validator).toEqual({
      node: 'x',
      validator: 'even_validator',
      importance: 'warn',
      passed: false,
      message: '3 is odd',
      diagnostics: { value: 3 },
    });
  });

  it('awaits an async validator', async () => {
    const slowPositive: Validator = {
      name: 'slow_positive_validator',
      importance: 'fail',
      validate: (v) => new Promise((resolve) => setTimeout(() => resolve({ passed: (v as number) > 0, message: 'checked later' }), 5)),
    };
    await expect(resultOf(slowPositive, 4)).resolves.toMatchObject({ passed: true, message: 'checked later', diagnostics: {} });
    const dr = new Builder().withModules(checked(slowPositive)).withLogger(silent).build();
    await expect(dr.execute(['x'], { inputs: { a: -1 } })).rejects.toThrow(DataValidationError);
  });

  it('fails, naming the node and its origin, when the validator does not apply to the output', async () => {
    const r = await resultOf(even, 'seven');
    expect(r.passed).toBe(false);
    expect(r.message).toBe(
      'Check `even_validator` does not apply to the output of node `x` (C.x), which is a string. ' +
        'Use a check that fits this kind of value, or change what C.x returns.',
    );
    expect(r.diagnostics).toEqual({ value: 'a string' });
  });

  it('fails instead of crashing when the validator throws', async () => {
    const broken: Validator = {
      name: 'broken_validator',
      importance: 'warn',
      validate: () => {
        throw new TypeError('cannot read length');
      },
    };
    const r = await resultOf(broken, 1);
    expect(r).toMatchObject({ passed: false, diagnostics: { error: 'TypeError: cannot read length' } });
    expect(r.message).toContain('Check `broken_validator` on node `x` (C.x) threw TypeError: cannot read length.');
    expect(r.message).toContain('fix the validator so it does not throw');
  });

  it('fails instead of crashing when an async validator rejects, or appliesTo throws', async () => {
    const rejecting: Validator = { name: 'rejecting_validator', importance: 'warn', validate: () => Promise.reject(new Error('offline')) };
    const picky: Validator = {
      name: 'picky_validator',
      importance: 'warn',
      appliesTo: () => {
        throw new Error('no idea');
      },
      validate: () => ({ passed: true, message: 'ok' }),
    };
    await expect(resultOf(rejecting, 1)).resolves.toMatchObject({ passed: false, diagnostics: { error: 'Error: offline' } });
    await expect(resultOf(picky, 1)).resolves.toMatchObject({ passed: false, diagnostics: { error: 'Error: no idea' } });
  });

  it('fails when validate returns something other than an outcome', async () => {
    const sloppy = { name: 'sloppy_validator', importance: 'warn', validate: () => true } as unknown as Validator;
    const r = await resultOf(sloppy, 1);
    expect(r.passed).toBe(false);
    expect(r.message).toBe("Check `sloppy_validator` on node `x` (C.x) returned true, not { passed: boolean, message: string }. Fix the validator's validate().");
  });

  it('a broken validator with importance fail stops the run with DataValidationError', async () => {
    const broken: Validator = { name: 'broken_validator', importance: 'fail', validate: () => { throw new Error('boom'); } };
    const dr = new Builder().withModules(checked(broken)).withLogger(silent).build();
    const e = (await dr.execute(['x'], { inputs: { a: 1 } }).catch((err: unknown) => err)) as DataValidationError;
    expect(e).toBeInstanceOf(DataValidationError);
    expect(e.results).toHaveLength(1);
    expect(e.results[0]!.message).toContain('threw Error: boom');
  });

  it('stacks with @checkOutput on one x_raw', () => {
    class Both {
      @checkOutput({ range: [0, 10] })
      @checkOutputCustom(even)
      @node()
      x(a: number) {
        return a;
      }
    }
    const dr = new Builder().withModules(Both).withLogger(silent).build();
    const x = dr.listAvailableVariables().find((n) => n.name === 'x');
    expect(x!.dependencies.map((d) => d.name)).toEqual(['x_raw', 'x_range_validator', 'x_even_validator']);
  });
});

describe('@checkOutputCustom arguments are checked when the class is defined', () => {
  const define = (...validators: unknown[]) => () => checked(...(validators as Validator[]));

  it('needs at least one validator', () => {
    expect(define()).toThrow(DecoratorError);
    expect(define()).toThrow('@checkOutputCustom on method `x` has no validators.');
  });

  it('rejects a value that is not a Validator, saying which argument and why', () => {
    expect(define(even, null)).toThrow('@checkOutputCustom on method `x`: argument 2 is not a Validator (got null).');
    expect(define({ name: '', importance: 'warn', validate: () => ({ passed: true, message: '' }) })).toThrow('its name must be a non-empty string');
    expect(define({ name: 'v', importance: 'error', validate: () => ({ passed: true, message: '' }) })).toThrow("v: importance must be 'warn' or 'fail'");
    expect(define({ name: 'v', importance: 'warn' })).toThrow('v: validate must be a function');
    expect(define({ name: 'v', importance: 'warn', validate: () => ({ passed: true, message: '' }), appliesTo: true })).toThrow(
      'v: appliesTo must be a function when given',
    );
  });
});
