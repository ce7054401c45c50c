// Custom validators that throw, reject or return values that cannot be turned into text: the check fails
// (it never becomes a NodeExecutionError), and its message and log record are still written.
// Regression tests for an adversarial pass: such a validator made the validator node itself fail.
import { describe, expect, it } from '@jest/globals';
import { Builder, DataValidationError, checkOutputCustom, node, type ValidationResult, type Validator } from '../../lib/index.js';
import { capture, caught, revokedProxy, silent, unprintableValues } from '../support.js';

/** A module with one checked node `x` (= input a). */
function checked(validator: Validator) {
  class Checked {
    @checkOutputCustom(validator)
    @node()
    x(a: unknown) {
      return a;
    }
  }
  return Checked;
}

async function resultOf(validator: Validator): Promise<ValidationResult> {
  const dr = new Builder().withModules(checked(validator)).withLogger(silent).build();
  const out = await dr.execute([`x_${validator.name}`], { inputs: { a: 1 } });
  return out[`x_${validator.name}`] as ValidationResult;
}

describe('a custom validator that throws a value that cannot be turned into text', () => {
  it.each(unprintableValues())('%s (sync): the check fails with a message saying it threw', async (_, value) => {
    const result = await resultOf({ name: 'v', importance: 'warn', validate: () => { throw value; } });
    expect(result).toMatchObject({ node: 'x', validator: 'v', passed: false });
    expect(result.message).toMatch(/^Check `v` on node `x` \(Checked\.x\) threw .+\. A validator reports bad data/);
    expect(typeof result.diagnostics.error).toBe('string');
  });

  it.each(unprintableValues())('%s (rejected): the check fails with a message saying it threw', async (_, value) => {
    const result = await resultOf({ name: 'v', importance: 'warn', validate: () => Promise.reject(value) });
    expect(result).toMatchObject({ passed: false });
    expect(result.message).toContain('threw');
  });

  it.each(unprintableValues())("%s with importance 'fail': raises DataValidationError, not NodeExecutionError", async (_, value) => {
    const dr = new Builder().withModules(checked({ name: 'v', importance: 'fail', validate: () => { throw value; } })).withLogger(silent).build();
    const error = await caught(() => dr.execute(['x'], { inputs: { a: 1 } }));
    expect(error).toBeInstanceOf(DataValidationError);
    expect((error as DataValidationError).results.map((r) => r.validator)).toEqual(['v']);
  });

  it('is logged as one failed record, at level warn', async () => {
    const { logger, records } = capture();
    const dr = new Builder().withModules(checked({ name: 'v', importance: 'warn', validate: () => { throw Object.create(null); } })).withLogger(logger).build();
    await dr.execute(['x'], { inputs: { a: 1 } });
    expect(records).toEqual([expect.objectContaining({ level: 40, node: 'x', validator: 'v', passed: false })]);
  });
});

describe('a custom validator whose outcome cannot be read', () => {
  const outcomes: [string, () => unknown][] = [
    ['a revoked Proxy', () => revokedProxy()],
    ['an outcome whose `passed` getter throws', () => ({ get passed() { throw new Error('passed getter'); }, message: 'm' })],
    ['a promise of a revoked Proxy', () => Promise.resolve().then(() => revokedProxy())],
  ];

  it.each(outcomes)('%s: the check fails instead of the validator node', async (_, outcome) => {
    const result = await resultOf({ name: 'v', importance: 'warn', validate: outcome as Validator['validate'] });
    expect(result).toMatchObject({ node: 'x', validator: 'v', passed: false });
  });

  it('turns a message that is not a string into text', async () => {
    const message = Object.assign(Object.create(null) as object, { big: 1n });
    const result = await resultOf({ name: 'v', importance: 'warn', validate: () => ({ passed: true, message: message as unknown as string }) });
    expect(result).toMatchObject({ passed: true, message: '{"big":"1n"}' });
  });
});
