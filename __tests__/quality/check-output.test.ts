import { describe, expect, it } from '@jest/globals';
import { table } from 'arquero';
import { Builder, DecoratorError, FrameworkTags, checkOutput, checkOutputCustom, node, tag, type NodeInfo, type Validator } from '../../lib/index.js';
import { classCheckedWith, silent } from '../support.js';

const deps = (info: NodeInfo | undefined) => info?.dependencies.map((d) => d.name);
const byName = (infos: NodeInfo[]) => new Map(infos.map((i) => [i.name, i]));

describe('@checkOutput node injection', () => {
  class Heights {
    @checkOutput({ range: [0, 10], importance: 'warn' })
    @node({ doc: 'Twice a.' })
    x(a: number) {
      return a * 2;
    }

    @node()
    y(x: number) {
      return x + 1;
    }
  }

  it('turns x into x_raw, one validator node per check, and a final x', () => {
    const dr = new Builder().withModules(Heights).withLogger(silent).build();
    const nodes = byName(dr.listAvailableVariables());
    expect([...nodes.keys()].sort()).toEqual(['a', 'x', 'x_range_validator', 'x_raw', 'y']);
    expect(deps(nodes.get('x_raw'))).toEqual(['a']);
    expect(deps(nodes.get('x_range_validator'))).toEqual(['x_raw']);
    expect(deps(nodes.get('x'))).toEqual(['x_raw', 'x_range_validator']);
    expect(deps(nodes.get('y'))).toEqual(['x']);
  });

  it('tags the raw node and the validator node so tools can tell them apart', () => {
    const nodes = byName(new Builder().withModules(Heights).withLogger(silent).build().listAvailableVariables());
    expect(nodes.get('x_raw')!.tags).toEqual({ [FrameworkTags.role]: 'raw' });
    expect(nodes.get('x_range_validator')!.tags).toEqual({
      'hamilton.data_quality.contains_dq_results': 'true',
      'hamilton.data_quality.source_node': 'x',
    });
    expect(nodes.get('x')!.tags).toEqual({});
  });

  it('keeps origin and doc on the raw and final nodes, and the origin on validator nodes', () => {
    const nodes = byName(new Builder().withModules(Heights).withLogger(silent).build().listAvailableVariables());
    expect(nodes.get('x_raw')).toMatchObject({ origin: 'Heights.x', doc: 'Twice a.' });
    expect(nodes.get('x')).toMatchObject({ origin: 'Heights.x', doc: 'Twice a.' });
    expect(nodes.get('x_range_validator')!.origin).toBe('Heights.x');
  });

  it('returns the raw value from x and lets downstream nodes read it', async () => {
    const dr = new Builder().withModules(Heights).withLogger(silent).build();
    await expect(dr.execute(['x', 'y'], { inputs: { a: 3 } })).resolves.toEqual({ x: 6, y: 7 });
  });

  it('lets a validator node be requested as an output, returning exactly the result record', async () => {
    const dr = new Builder().withModules(Heights).withLogger(silent).build();
    const { x_range_validator: result } = await dr.execute(['x_range_validator'], { inputs: { a: 30 } });
    expect(result).toEqual({
      node: 'x',
      validator: 'range_validator',
      importance: 'warn',
      passed: false,
      message: expect.any(String),
      diagnostics: expect.any(Object),
    });
    expect(Object.keys(result as object).sort()).toEqual(['diagnostics', 'importance', 'message', 'node', 'passed', 'validator']);
  });

  it('checks the resolved value of an async method, and of a static one', async () => {
    class Async {
      @checkOutput({ range: [0, 1] })
      @node()
      async later(a: number) {
        await new Promise((r) => setTimeout(r, 1));
        return a;
      }

      @checkOutput({ dataType: 'string' })
      @node()
      static label() {
        return 'tall';
      }
    }
    const dr = new Builder().withModules(Async).withLogger(silent).build();
    const out = await dr.execute(['later', 'later_range_validator', 'label_data_type_validator'], { inputs: { a: 0.5 } });
    expect(out.later).toBe(0.5);
    expect(out.later_range_validator).toMatchObject({ passed: true });
    expect(out.label_data_type_validator).toMatchObject({ passed: true });
  });

  it('applies @tag to the final node only, as Hamilton does', () => {
    class Tagged {
      @tag({ owner: 'data-science' })
      @checkOutput({ range: [0, 1] })
      @node()
      z(a: number) {
        return a;
      }
    }
    const dr = new Builder().withModules(Tagged).withLogger(silent).build();
    expect(dr.listAvailableVariables({ tags: { owner: 'data-science' } }).map((n) => n.name)).toEqual(['z']);
  });

  it('draws validator nodes as checks in toDot', () => {
    const dot = new Builder().withModules(Heights).withLogger(silent).build().toDot();
    const line = (name: string) => dot.split('\n').find((l) => l.trimStart().startsWith(`"${name}" [`))!;
    expect(line('x_range_validator')).toContain('<I>check</I>');
    expect(line('x_raw')).not.toContain('<I>check</I>');
    expect(line('x')).not.toContain('<I>check</I>');
    expect(dot).toContain('"x_raw" -> "x_range_validator"');
    expect(dot).toContain('"x_range_validator" -> "x"');
  });
});

describe('stacked data-quality decorators', () => {
  const positive: Validator = {
    name: 'positive_validator',
    importance: 'warn',
    validate: (v) => ({ passed: (v as number) > 0, message: 'positive' }),
  };

  class Stacked {
    @checkOutput({ range: [0, 10], importance: 'warn' })
    @checkOutputCustom(positive)
    @checkOutput({ range: [0, 100], importance: 'fail' })
    @checkOutput({ range: [0, 1000], importance: 'warn' })
    @node()
    x(a: number) {
      return a;
    }
  }

  it('share one x_raw and number repeated validator names _1, _2 in source order', async () => {
    const dr = new Builder().withModules(Stacked).withLogger(silent).build();
    const nodes = byName(dr.listAvailableVariables());
    expect([...nodes.keys()].filter((n) => n.endsWith('_raw'))).toEqual(['x_raw']);
    expect(deps(nodes.get('x'))).toEqual(['x_raw', 'x_range_validator', 'x_positive_validator', 'x_range_validator_1', 'x_range_validator_2']);
    // a = 50: only the [0, 10] check fails, which proves which range each name got.
    const out = await dr.execute(['x_range_validator', 'x_range_validator_1', 'x_range_validator_2'], { inputs: { a: 50 } });
    expect(out).toMatchObject({
      x_range_validator: { passed: false, importance: 'warn' },
      x_range_validator_1: { passed: true, importance: 'fail' },
      x_range_validator_2: { passed: true, importance: 'warn' },
    });
  });
});

describe('per-column checks on tables', () => {
  class Tables {
    @checkOutput({ columns: { a: { range: [0, 2] }, b: { dataType: 'string' } }, importance: 'warn' })
    @node()
    t() {
      return table({ a: [1, 2, 3], b: ['u', 'v', 'w'] });
    }

    @checkOutput({ columns: { c: { range: [0, 1] } } })
    @node()
    missing() {
      return table({ a: [1] });
    }

    @checkOutput({ columns: { a: { range: [0, 1] } } })
    @node()
    notATable() {
      return [1, 2];
    }
  }

  it('names per-column validator nodes x_<column>_<validator> and puts the column in the result', async () => {
    const dr = new Builder().withModules(Tables).withLogger(silent).build();
    expect(deps(byName(dr.listAvailableVariables()).get('t'))).toEqual(['t_raw', 't_a_range_validator', 't_b_data_type_validator']);
    const out = await dr.execute(['t_a_range_validator', 't_b_data_type_validator']);
    expect(out.t_a_range_validator).toMatchObject({ node: 't', validator: 'range_validator', column: 'a', passed: false });
    expect(out.t_b_data_type_validator).toMatchObject({ node: 't', validator: 'data_type_validator', column: 'b', passed: true });
  });

  it('fails a check on a column the table lacks, naming the column and the columns it has', async () => {
    const dr = new Builder().withModules(Tables).withLogger(silent).build();
    const { missing_c_range_validator: r } = await dr.execute(['missing_c_range_validator']);
    expect(r).toMatchObject({ node: 'missing', column: 'c', passed: false, diagnostics: { columns: ['a'] } });
    expect((r as { message: string }).message).toMatch(/column `c`.*`missing` \(Tables\.missing\) has only `a`/);
  });

  it('fails a per-column check when the node does not return a table', async () => {
    const dr = new Builder().withModules(Tables).withLogger(silent).build();
    const { notATable_a_range_validator: r } = await dr.execute(['notATable_a_range_validator']);
    expect(r).toMatchObject({ passed: false, column: 'a' });
    expect((r as { message: string }).message).toContain('needs node `notATable` (Tables.notATable) to return an arquero table, but it returned an Array of 2 values');
  });
});

describe('driver-wide data-quality settings', () => {
  class Checked {
    @checkOutput({ range: [0, 1], importance: 'fail' })
    @node()
    x(a: number) {
      return a;
    }
  }

  it('adds no validator nodes at all when checks are turned off', async () => {
    const dr = new Builder().withModules(Checked).withLogger(silent).withDataQuality({ enabled: false }).build();
    expect(dr.listAvailableVariables().map((n) => n.name).sort()).toEqual(['a', 'x']);
    expect(deps(byName(dr.listAvailableVariables()).get('x'))).toEqual(['a']);
    await expect(dr.execute(['x'], { inputs: { a: 5 } })).resolves.toEqual({ x: 5 });
  });

  it('forces every check to the given importance', async () => {
    const dr = new Builder().withModules(Checked).withLogger(silent).withDataQuality({ importance: 'warn' }).build();
    await expect(dr.execute(['x'], { inputs: { a: 5 } })).resolves.toEqual({ x: 5 });
    const { x_range_validator: r } = await dr.execute(['x_range_validator'], { inputs: { a: 5 } });
    expect(r).toMatchObject({ importance: 'warn', passed: false });
  });
});

describe('@checkOutput options are checked when the class is defined', () => {
  const define = (options: unknown) => () => classCheckedWith(options);

  it('rejects options that are not an object, naming the method', () => {
    expect(define(null)).toThrow(DecoratorError);
    expect(define(null)).toThrow('@checkOutput on method `x`: options must be an object');
  });

  it('rejects an unknown importance', () => {
    expect(define({ range: [0, 1], importance: 'error' })).toThrow("importance must be 'warn' (log and continue) or 'fail'");
  });

  it('rejects options without any check', () => {
    expect(define({ importance: 'warn' })).toThrow(/@checkOutput on method `x` has no checks\. Add at least one of range, /);
  });

  it('rejects columns that are not a map of checks', () => {
    expect(define({ columns: [] })).toThrow('columns must map column names to checks');
    expect(define({ columns: { a: {} } })).toThrow('@checkOutput on method `x`, column `a` has no checks');
  });

  it('passes bad check values to the check validation, which raises a DecoratorError', () => {
    expect(define({ range: 'wide' })).toThrow(DecoratorError);
  });
});
