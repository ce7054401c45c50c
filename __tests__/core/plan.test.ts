// Planning: which nodes an execution needs, and what it refuses before anything runs (planExecution, validateExecution).
import { describe, expect, it } from '@jest/globals';
import {
  Builder,
  GraphError,
  InvalidInputsError,
  MissingInputsError,
  UnknownNodeError,
  node,
  planExecution,
  type ExecutionPlan,
} from '../../lib/index.js';
import { silent, thrownBy } from '../support.js';

let calls = 0;

class Pipeline {
  @node()
  cleaned(raw: number[]) {
    calls++;
    return raw.filter((v) => v >= 0);
  }

  @node()
  total(cleaned: number[]) {
    calls++;
    return cleaned.reduce((a, b) => a + b, 0);
  }

  @node()
  count(cleaned: number[]) {
    calls++;
    return cleaned.length;
  }

  @node()
  mean(total: number, count: number) {
    calls++;
    return total / count;
  }

  @node()
  weighted(mean: number, weight: number) {
    calls++;
    return mean * weight;
  }

  @node()
  scaled(total: number, scale = 1) {
    calls++;
    return total * scale;
  }

  @node()
  report(total: number, scale: number, title: string) {
    calls++;
    return `${title}: ${total * scale}`;
  }
}

const dr = new Builder().withModules(Pipeline).withConfig({ weight: 2 }).withLogger(silent).build();
const computed = (plan: ExecutionPlan) => Array.from(plan.compute, (i) => plan.graph.nodes[i]!.name);

describe('planExecution', () => {
  it('plans only the nodes the outputs need, dependencies first', () => {
    const plan = planExecution(dr.graph, ['mean'], { inputs: { raw: [] } });
    const order = computed(plan);
    expect([...order].sort()).toEqual(['cleaned', 'count', 'mean', 'total']);
    expect(order[0]).toBe('cleaned');
    expect(order[order.length - 1]).toBe('mean');
  });

  it('plans a node needed by several outputs once', () => {
    expect(computed(planExecution(dr.graph, ['total', 'count', 'mean'], { inputs: { raw: [] } })).filter((n) => n === 'cleaned')).toHaveLength(1);
  });

  it('drops an overridden node and what only it needs, keeping shared upstream', () => {
    expect(computed(planExecution(dr.graph, ['mean'], { overrides: { total: 10 }, inputs: { raw: [] } })).sort()).toEqual(['cleaned', 'count', 'mean']);
    expect(computed(planExecution(dr.graph, ['mean'], { overrides: { total: 10, count: 2 } }))).toEqual(['mean']);
  });

  it('needs no inputs for the upstream of an overridden node', () => {
    expect(() => planExecution(dr.graph, ['weighted'], { overrides: { mean: 1 } })).not.toThrow();
  });

  it('seeds the plan with inputs, config and overrides', () => {
    const plan = planExecution(dr.graph, ['weighted'], { overrides: { mean: 1.5 } });
    expect(plan.values[dr.graph.indexOf('weight')!]).toBe(2);
    expect(plan.values[dr.graph.indexOf('mean')!]).toBe(1.5);
  });

  it('computes nothing and needs nothing for an output that is overridden', () => {
    expect(computed(planExecution(dr.graph, ['mean'], { overrides: { mean: 3 } }))).toEqual([]);
  });
});

describe('unknown names', () => {
  it('are an UnknownNodeError naming every unknown output, with close names as suggestions', () => {
    const error = thrownBy(() => planExecution(dr.graph, ['totl', 'mean', 'weigted'], { inputs: { raw: [] } }));
    expect(error).toBeInstanceOf(UnknownNodeError);
    expect(error).toBeInstanceOf(GraphError);
    expect((error as UnknownNodeError).names).toEqual(['totl', 'weigted']);
    expect((error as UnknownNodeError).suggestions.totl).toContain('total');
    expect((error as UnknownNodeError).suggestions.weigted).toContain('weighted');
    expect((error as Error).message).toContain('`totl` (did you mean `total`');
    expect((error as Error).message).toContain('listAvailableVariables()');
  });

  it('suggest nothing when no name is close', () => {
    const error = thrownBy(() => planExecution(dr.graph, ['completelyDifferent'])) as UnknownNodeError;
    expect(error.suggestions).toEqual({ completelyDifferent: [] });
    expect(error.message).not.toContain('did you mean');
  });

  it('are an UnknownNodeError in overrides too', () => {
    const error = thrownBy(() => planExecution(dr.graph, ['total'], { overrides: { cleand: [] } }));
    expect(error).toBeInstanceOf(UnknownNodeError);
    expect((error as UnknownNodeError).names).toEqual(['cleand']);
  });

  it('in inputs are ignored, as in Hamilton', () => {
    expect(() => planExecution(dr.graph, ['total'], { inputs: { raw: [], somethingElse: 1 } })).not.toThrow();
  });
});

describe('missing inputs', () => {
  it('are a MissingInputsError listing every missing input and the planned nodes needing it', () => {
    const error = thrownBy(() => planExecution(dr.graph, ['report', 'weighted'], { overrides: { mean: 1 } }));
    expect(error).toBeInstanceOf(MissingInputsError);
    expect((error as MissingInputsError).missing).toEqual({
      raw: ['cleaned'],
      scale: ['report'],
      title: ['report'],
    });
    const message = (error as Error).message;
    expect(message).toContain('3 inputs are missing');
    expect(message).toContain('`raw`, needed by `cleaned` (Pipeline.cleaned)');
    expect(message).toContain('`scale`, needed by `report` (Pipeline.report)');
    expect(message).toContain('`title`, needed by `report` (Pipeline.report)');
    expect(message).toContain('execute(outputs, { inputs:');
  });

  it('do not count an optional dependency: its default applies', () => {
    expect(() => planExecution(dr.graph, ['scaled'], { inputs: { raw: [] } })).not.toThrow();
  });

  it('include an input requested as an output and not given (it used to come back undefined)', () => {
    const error = thrownBy(() => planExecution(dr.graph, ['raw', 'total'], {}));
    expect((error as MissingInputsError).missing).toEqual({ raw: ['cleaned'] });
    const alone = thrownBy(() => planExecution(dr.graph, ['scale'], {}));
    expect((alone as MissingInputsError).missing).toEqual({ scale: [] });
    expect((alone as Error).message).toContain('`scale`, requested as an output');
    expect(planExecution(dr.graph, ['scale'], { inputs: { scale: 2 } }).values[dr.graph.indexOf('scale')!]).toBe(2);
  });

  it('name only the nodes that require an input, not those with a default for it', () => {
    const error = thrownBy(() => planExecution(dr.graph, ['scaled', 'report'], { inputs: { raw: [], title: 't' } }));
    expect((error as MissingInputsError).missing).toEqual({ scale: ['report'] });
  });
});

describe('inputs that clash', () => {
  it('reject an input that is also a config key, as Hamilton does', () => {
    const error = thrownBy(() => planExecution(dr.graph, ['weighted'], { inputs: { raw: [], weight: 3 } }));
    expect(error).toBeInstanceOf(InvalidInputsError);
    expect((error as Error).message).toContain('Input `weight` is also a config key');
  });

  it('reject an input naming a computed node, pointing to overrides', () => {
    const error = thrownBy(() => planExecution(dr.graph, ['mean'], { inputs: { raw: [], total: 5 } }));
    expect(error).toBeInstanceOf(InvalidInputsError);
    expect((error as Error).message).toContain('`total` (Pipeline.total)');
    expect((error as Error).message).toContain('pass it in overrides instead');
  });

  it('reject outputs that are not a list of names', () => {
    expect(() => planExecution(dr.graph, 'mean' as unknown as string[])).toThrow(InvalidInputsError);
  });
});

describe('validateExecution', () => {
  it('throws what execute would throw, and runs nothing', async () => {
    calls = 0;
    const cases: [string[], object, Function][] = [
      [['mean'], {}, MissingInputsError],
      [['meen'], { inputs: { raw: [] } }, UnknownNodeError],
      [['weighted'], { inputs: { raw: [], weight: 1 } }, InvalidInputsError],
    ];
    for (const [outputs, options, errorClass] of cases) {
      const validated = thrownBy(() => dr.validateExecution(outputs, options));
      expect(validated).toBeInstanceOf(errorClass);
      const executed = await dr.execute(outputs, options).then(() => undefined, (e: unknown) => e);
      expect(executed).toBeInstanceOf(errorClass);
      expect((executed as Error).message).toBe((validated as Error).message);
    }
    expect(calls).toBe(0);
  });

  it('returns quietly for a valid request, running nothing', () => {
    calls = 0;
    expect(dr.validateExecution(['weighted', 'scaled'], { inputs: { raw: [1, 2] } })).toBeUndefined();
    expect(calls).toBe(0);
  });

  it('takes overrides into account', () => {
    expect(() => dr.validateExecution(['weighted'], { overrides: { mean: 1 } })).not.toThrow();
  });
});
