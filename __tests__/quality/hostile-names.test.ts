// Data quality with names that are also Object.prototype members, and with control characters.
// Regression tests for an adversarial pass: ValidationReporter threw `nodes[r.node].push is not a function`
// for a checked node named `toString` or `constructor`.
import { describe, expect, it } from '@jest/globals';
import { table } from 'arquero';
import { Builder, DecoratorError, ValidationReporter, checkOutput, checkOutputCustom, node, type Validator } from '../../lib/index.js';
import { classCheckedWith, silent, thrownBy } from '../support.js';

const NAMES = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'];

describe.each(NAMES)('a checked node named %s', (name) => {
  class Checked {
    @checkOutput({ range: [0, 1] })
    @node({ name })
    value() {
      return 0.5;
    }
  }

  it('is reported by ValidationReporter under its own name', async () => {
    const reporter = new ValidationReporter();
    await new Builder().withModules(Checked).withAdapters(reporter).withLogger(silent).build().execute([name]);
    const report = reporter.report();
    expect(Object.keys(report.nodes)).toEqual([name]);
    expect(report.nodes[name]!.map((r) => [r.node, r.validator, r.passed])).toEqual([[name, 'range_validator', true]]);
    expect(reporter.format()).toContain(`${name}  range_validator`);
  });

  it('gets its validator nodes named after it', () => {
    const names = new Builder().withModules(Checked).withLogger(silent).build().listAvailableVariables().map((n) => n.name);
    expect(names).toEqual([`${name}_raw`, `${name}_range_validator`, name]);
  });
});

describe('per-column checks on columns named like Object.prototype members', () => {
  it.each(['constructor', 'toString'])('check column %s', async (column) => {
    class Table {
      @checkOutput({ columns: { [column]: { range: [0, 1] as const } } })
      @node()
      scores() {
        return table({ [column]: [0.1, 2] });
      }
    }
    const dr = new Builder().withModules(Table).withLogger(silent).build();
    const out = await dr.execute([`scores_${column}_range_validator`]);
    expect(out[`scores_${column}_range_validator`]).toMatchObject({ column, passed: false });
  });

  it('say the column is missing when the table lacks it, instead of finding a prototype member', async () => {
    class Table {
      @checkOutput({ columns: { constructor: { range: [0, 1] as const } } })
      @node()
      scores() {
        return table({ a: [0.1] });
      }
    }
    const out = await new Builder().withModules(Table).withLogger(silent).build().execute(['scores_constructor_range_validator']);
    expect(out.scores_constructor_range_validator).toMatchObject({ passed: false, diagnostics: { columns: ['a'] } });
  });
});

describe('check options named like Object.prototype members', () => {
  it('an unknown check `constructor` is reported as unknown, with no prototype member as suggestion', () => {
    const error = thrownBy(() => classCheckedWith(JSON.parse('{"constructor": 1}')));
    expect(error).toBeInstanceOf(DecoratorError);
    const message = (error as Error).message;
    expect(message).toContain('unknown check `constructor`');
    expect(message).not.toMatch(/function|native code/);
  });

  it("dataType: 'constructor' suggests no prototype member", () => {
    const message = (thrownBy(() => classCheckedWith({ dataType: 'constructor' })) as Error).message;
    expect(message).toContain('dataType must be one of');
    expect(message).not.toMatch(/function|native code/);
  });
});

describe('control characters in data-quality names', () => {
  it('in a custom validator name are a DecoratorError', () => {
    const bad: Validator = { name: 'range\nvalidator', importance: 'warn', validate: () => ({ passed: true, message: '' }) };
    const error = thrownBy(() => {
      class C {
        @checkOutputCustom(bad)
        @node()
        x() {
          return 1;
        }
      }
      return C;
    });
    expect(error).toBeInstanceOf(DecoratorError);
    expect((error as Error).message).toContain('its name `range\\u000avalidator` holds a control character');
  });

  it('in a column of @checkOutput({ columns }) are a DecoratorError', () => {
    const error = thrownBy(() => classCheckedWith({ columns: { 'a\tb': { range: [0, 1] } } }));
    expect(error).toBeInstanceOf(DecoratorError);
    expect((error as Error).message).toContain('column `a\\u0009b` contains the control character U+0009');
  });
});
