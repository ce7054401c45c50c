// Every error: extends HamiltonError, is named after its class, and its message names the culprit and says what to do.
import { describe, expect, it } from '@jest/globals';
import {
  Builder,
  CycleError,
  DataValidationError,
  DecoratorError,
  Driver,
  DuplicateNodeError,
  GraphError,
  HamiltonError,
  InvalidInputsError,
  MissingInputsError,
  NodeExecutionError,
  ResultBuilderError,
  TableResult,
  UnknownNodeError,
  checkOutput,
  node,
  tag,
} from '../../lib/index.js';
import { silent } from '../support.js';

/** Runs `fn` (sync or async) and returns what it threw or rejected with. */
async function caught(fn: () => unknown): Promise<Error> {
  try {
    await fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error, none was thrown');
}

class Spend {
  @node()
  spendPerSignup(spend: number, signups: number) {
    if (signups === 0) throw new Error('no signups');
    return spend / signups;
  }

  @checkOutput({ range: [0, 1], importance: 'fail' })
  @node()
  share(spendPerSignup: number) {
    return spendPerSignup;
  }
}
// Typed `Driver<unknown>` (untyped names): these scenarios make the mistakes the compiler would catch, to check the run-time errors.
const driver = (result = false): Driver<unknown> => {
  const b = new Builder().withModules(Spend).withLogger(silent);
  return result ? b.withResultBuilder(new TableResult()).build() : b.build();
};

/** One real way to get each error, what its message must name, and the fix it must suggest. */
const scenarios: { error: Function; parent: Function; raise: () => unknown; names: string[]; fix: RegExp }[] = [
  {
    error: DecoratorError,
    parent: HamiltonError,
    raise: () => {
      class Features {
        @node()
        norm(...xs: number[]) {
          return xs;
        }
      }
      return Features;
    },
    names: ['`norm`', '...xs'],
    fix: /@node\(\{ inputs: \[/,
  },
  {
    error: DecoratorError,
    parent: HamiltonError,
    raise: () => {
      class Features {
        @tag({ owner: 'x' })
        helper() {
          return 1;
        }
      }
      return new Builder().withModules(Features).build();
    },
    names: ['Features.helper', '@tag'],
    fix: /Add @node\(\) to Features\.helper/,
  },
  {
    error: CycleError,
    parent: GraphError,
    raise: () => {
      class Loop {
        @node()
        a(b: number) {
          return b;
        }

        @node()
        b(a: number) {
          return a;
        }
      }
      return new Builder().withModules(Loop).build();
    },
    names: ['`a` (Loop.a)', '`b` (Loop.b)'],
    fix: /Break the cycle/,
  },
  {
    error: DuplicateNodeError,
    parent: GraphError,
    raise: () => {
      class One {
        @node()
        x() {
          return 1;
        }
      }
      class Two {
        @node()
        x() {
          return 2;
        }
      }
      return new Builder().withModules(One, Two).build();
    },
    names: ['`x`', 'One.x', 'Two.x'],
    fix: /Rename one of them, or call allowModuleOverrides\(\)/,
  },
  {
    error: UnknownNodeError,
    parent: GraphError,
    raise: () => driver().execute(['spendPerSignp']),
    names: ['`spendPerSignp`', '`spendPerSignup`'],
    fix: /Check the spelling, or list the nodes with listAvailableVariables\(\)/,
  },
  {
    error: MissingInputsError,
    parent: HamiltonError,
    raise: () => driver().execute(['spendPerSignup'], { inputs: { spend: 1 } }),
    names: ['`signups`', '`spendPerSignup` (Spend.spendPerSignup)'],
    fix: /Pass it in execute\(outputs, \{ inputs: \{ \.\.\. \} \}\)/,
  },
  {
    error: InvalidInputsError,
    parent: HamiltonError,
    raise: () => driver().execute(['share'], { inputs: { spend: 1, signups: 1, spendPerSignup: 3 } }),
    names: ['`spendPerSignup` (Spend.spendPerSignup)'],
    fix: /pass it in overrides instead/,
  },
  {
    error: NodeExecutionError,
    parent: HamiltonError,
    raise: () => driver().execute(['spendPerSignup'], { inputs: { spend: 1, signups: 0 } }),
    names: ['`spendPerSignup` (Spend.spendPerSignup)', 'no signups'],
    fix: /fix Spend\.spendPerSignup or its inputs/,
  },
  {
    error: DataValidationError,
    parent: HamiltonError,
    raise: () => driver().execute(['share'], { inputs: { spend: 5, signups: 1 } }),
    names: ['`share` (Spend.share)', 'range_validator'],
    fix: /Fix the data or Spend\.share; to log and continue instead, set importance: 'warn'/,
  },
  {
    error: ResultBuilderError,
    parent: HamiltonError,
    raise: () => new TableResult().build({ a: [1, 2], b: [1] }, ['a', 'b']),
    names: ['`a`: 2', '`b`: 1'],
    fix: /Request columns of one length, or use DictResult/,
  },
];

describe('errors', () => {
  it.each(scenarios.map((s) => [s.error.name, s] as const))('%s extends HamiltonError and is named after its class', async (_, s) => {
    const error = await caught(s.raise);
    expect(error).toBeInstanceOf(s.error);
    expect(error).toBeInstanceOf(s.parent);
    expect(error).toBeInstanceOf(HamiltonError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(s.error.name);
    expect(String(error).startsWith(`${s.error.name}: `)).toBe(true);
  });

  it.each(scenarios.map((s) => [s.error.name, s.names.join(', '), s] as const))('%s names %s and says what to do', async (_, __, s) => {
    const { message } = await caught(s.raise);
    for (const n of s.names) expect(message).toContain(n);
    expect(message).toMatch(s.fix);
  });

  it('makes GraphError the parent of the graph errors', () => {
    expect(new GraphError('m').name).toBe('GraphError');
    expect(Object.getPrototypeOf(CycleError.prototype)).toBe(GraphError.prototype);
    expect(Object.getPrototypeOf(DuplicateNodeError.prototype)).toBe(GraphError.prototype);
    expect(Object.getPrototypeOf(UnknownNodeError.prototype)).toBe(GraphError.prototype);
  });

  it('names a subclass of a hamilton-ts error after the subclass', () => {
    class MyPlatformError extends HamiltonError {}
    expect(new MyPlatformError('m').name).toBe('MyPlatformError');
  });

  it('does not wrap a DataValidationError in a NodeExecutionError', async () => {
    const error = await caught(() => driver().execute(['share'], { inputs: { spend: 5, signups: 1 } }));
    expect(error).not.toBeInstanceOf(NodeExecutionError);
    expect(error).toMatchObject({ node: 'share', origin: 'Spend.share' });
    expect((error as DataValidationError).results.length).toBeGreaterThan(0);
  });

  it('keeps the original error of a failed node as `cause`, with the node and origin as fields', async () => {
    const error = await caught(() => driver().execute(['spendPerSignup'], { inputs: { spend: 1, signups: 0 } }));
    expect(error).toMatchObject({ node: 'spendPerSignup', origin: 'Spend.spendPerSignup' });
    expect((error.cause as Error).message).toBe('no signups');
  });

  it('exposes the structured details of graph and input errors as fields', async () => {
    const unknown = (await caught(() => driver().execute(['spendPerSignp']))) as UnknownNodeError;
    expect(unknown.names).toEqual(['spendPerSignp']);
    expect(unknown.suggestions).toEqual({ spendPerSignp: ['spendPerSignup'] });
    const missing = (await caught(() => driver().execute(['share']))) as MissingInputsError;
    expect(missing.missing).toEqual({ spend: ['spendPerSignup'], signups: ['spendPerSignup'] });
  });
});
