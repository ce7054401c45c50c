// Run-time input checks (Builder.withInputChecks): an input of the wrong kind is an InvalidInputsError before anything runs.
import { describe, expect, it } from '@jest/globals';
import { table } from 'arquero';
import { Builder, InvalidInputsError, NodeExecutionError, node, type InputKinds } from '../../lib/index.js';
import { isOfKind } from '../../lib/core/run/input-kinds.js';
import { silent, thrownBy } from '../support.js';

const runs: string[] = [];

class Marketing {
  @node()
  spendPerSignup(spend: Float64Array, signups: Float64Array): Float64Array {
    runs.push('spendPerSignup');
    return spend.map((s, i) => s / signups[i]!);
  }

  @node()
  label(region: string): string {
    runs.push('label');
    return region.toUpperCase();
  }

  @node()
  rows(survey: { numRows(): number }, options: { scale: number }): number {
    runs.push('rows');
    return survey.numRows() * options.scale;
  }
}

const kinds: InputKinds = { spend: 'column', signups: 'column', region: 'string', survey: 'table', options: 'object' };
const checked = () => new Builder().withModules(Marketing).withInputChecks(kinds).withLogger(silent).build();
const spend = Float64Array.of(10, 20);
const signups = Float64Array.of(1, 2);

describe('withInputChecks', () => {
  it('rejects a scalar where a column is declared, before any node runs, naming the node that reads it', async () => {
    runs.length = 0;
    const error = await checked().execute(['spendPerSignup'], { inputs: { spend: 'abc', signups } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputsError);
    expect((error as Error).message).toContain('`spend` is a string ("abc"), but `spendPerSignup` (Marketing.spendPerSignup) reads it as a column');
    expect((error as Error).message).toContain('Pass a value of the declared kind, or fix the kinds given to withInputChecks.');
    expect(runs).toEqual([]);
  });

  it('lists every input of the wrong kind at once: number vs string, table vs plain object', () => {
    const error = thrownBy(() =>
      checked().validateExecution(['label', 'rows'], { inputs: { region: 3, survey: { numRows: () => 1 }, options: table({ a: [1] }) } }),
    ) as Error;
    expect(error).toBeInstanceOf(InvalidInputsError);
    expect(error.message).toMatch(/^3 inputs are not of the kind/);
    expect(error.message).toContain('`region` is a number (3), but `label` (Marketing.label) reads it as a string');
    expect(error.message).toContain('`survey` is an object ({}), but `rows` (Marketing.rows) reads it as a table');
    expect(error.message).toContain('`options` is a table');
  });

  it('accepts inputs of the declared kinds and runs as usual', async () => {
    const out = await checked().execute(['spendPerSignup', 'label', 'rows'], {
      inputs: { spend, signups, region: 'us', survey: table({ a: [1, 2] }), options: { scale: 3 } },
    });
    expect(out).toEqual({ spendPerSignup: Float64Array.of(10, 10), label: 'US', rows: 6 });
  });

  it('checks only inputs read by the nodes that will run', async () => {
    // `region` is wrong, but only `spendPerSignup` was asked for.
    await expect(checked().execute(['spendPerSignup'], { inputs: { spend, signups, region: 3 } })).resolves.toBeDefined();
  });

  it('checks nothing without withInputChecks: the mistake surfaces inside the node', async () => {
    const plain = new Builder().withModules(Marketing).withLogger(silent).build();
    await expect(plain.execute(['label'], { inputs: { region: 3 } })).rejects.toThrow(NodeExecutionError);
  });

  it('rejects unknown kinds when they are declared', () => {
    expect(() => new Builder().withInputChecks({ spend: 'array' } as never)).toThrow(
      /withInputChecks: input `spend` has kind "array", which is not one of 'column', 'table', 'object', 'scalar', 'number', 'string', 'boolean', 'bigint'/,
    );
    expect(() => new Builder().withInputChecks(null as never)).toThrow(InvalidInputsError);
  });
});

describe('kinds', () => {
  it.each([
    ['column', [1], true],
    ['column', new Float64Array(1), true],
    ['column', 1, false],
    ['table', table({ a: [1] }), true],
    ['table', { a: [1] }, false],
    ['object', { a: 1 }, true],
    ['object', [1], false],
    ['scalar', 'x', true],
    ['scalar', [1], false],
    ['number', 1, true],
    ['number', '1', false],
    ['string', 'a', true],
    ['boolean', false, true],
    ['bigint', 1n, true],
    ['bigint', 1, false],
    ['number', null, true],
    ['column', undefined, true],
  ] as const)('%s accepts %p: %p', (kind, value, expected) => {
    expect(isOfKind(kind, value)).toBe(expected);
  });
});
