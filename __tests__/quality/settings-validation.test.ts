// withDataQuality and ValidationReporter options are checked when given: a setting that would silently
// switch checks off or stop them failing is an InvalidInputsError naming the setting and what is allowed.
// Regression tests for an adversarial pass: importance 'error' made 'fail' checks stop failing, and
// enabled: undefined turned every check off.
import { describe, expect, it } from '@jest/globals';
import { Builder, DataValidationError, InvalidInputsError, ValidationReporter, checkOutput, node, type DataQualitySettings } from '../../lib/index.js';
import { caught, silent, thrownBy } from '../support.js';

class Heights {
  @checkOutput({ range: [0, 1], importance: 'fail' })
  @node()
  x(a: number) {
    return a;
  }
}

const withDataQuality = (...settings: unknown[]) => {
  const b = new Builder().withModules(Heights).withLogger(silent);
  for (const s of settings) b.withDataQuality(s as Partial<DataQualitySettings>);
  return b;
};

describe('withDataQuality', () => {
  it.each([
    [{ importance: 'error' }, "importance must be 'warn' (every failed check is logged and the run goes on) or 'fail'", 'got "error"'],
    [{ importance: null }, "importance must be 'warn'", 'got null'],
    [{ enabled: undefined }, 'enabled must be true (checks run) or false (no check is added)', 'got undefined'],
    [{ enabled: 'false' }, 'enabled must be true', 'got "false"'],
    [{ enable: false }, 'unknown setting `enable`. The settings are enabled (true or false', ''],
    [null, 'withDataQuality takes an object { enabled?: true | false, importance?: ', 'got null'],
  ])('rejects %p with an InvalidInputsError naming the setting', (settings, what, got) => {
    const error = thrownBy(() => withDataQuality(settings));
    expect(error).toBeInstanceOf(InvalidInputsError);
    expect((error as Error).message).toContain(what);
    expect((error as Error).message).toContain(got);
  });

  it("keeps 'fail' checks failing after a rejected setting", async () => {
    const builder = new Builder().withModules(Heights).withLogger(silent);
    expect(() => builder.withDataQuality({ importance: 'error' as 'fail' })).toThrow(InvalidInputsError);
    await expect(caught(() => builder.build().execute(['x'], { inputs: { a: 5 } }))).resolves.toBeInstanceOf(DataValidationError);
  });

  it('forces importance, and importance: undefined restores each check its own', async () => {
    await expect(withDataQuality({ importance: 'warn' }).build().execute(['x'], { inputs: { a: 5 } })).resolves.toEqual({ x: 5 });
    const restored = withDataQuality({ importance: 'warn' }, { importance: undefined }).build();
    await expect(caught(() => restored.execute(['x'], { inputs: { a: 5 } }))).resolves.toBeInstanceOf(DataValidationError);
  });

  it('turns checks off only with enabled: false', () => {
    const names = (b: Builder) => b.build().listAvailableVariables().map((n) => n.name);
    expect(names(withDataQuality({ enabled: false }))).toEqual(['a', 'x']);
    expect(names(withDataQuality({ enabled: false }, { enabled: true }))).toContain('x_range_validator');
  });
});

describe('ValidationReporter options', () => {
  it.each([0, -1, 2.5, Number.NaN, '3'])('rejects maxRuns %p with an InvalidInputsError', (maxRuns) => {
    const error = thrownBy(() => new ValidationReporter({ maxRuns: maxRuns as number }));
    expect(error).toBeInstanceOf(InvalidInputsError);
    expect((error as Error).message).toContain('ValidationReporter: maxRuns must be a whole number of at least 1');
  });
});
