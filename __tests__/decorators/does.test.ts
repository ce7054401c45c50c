// @does(fn): the node runs fn instead of the method's body, with the node's inputs positionally.
import { describe, expect, it } from '@jest/globals';
import {
  Builder,
  DecoratorError,
  NodeExecutionError,
  checkOutput,
  config,
  does,
  node,
  parameterize,
  source,
  tag,
  value,
} from '../../lib/index.js';
import { silent, thrownBy } from '../support.js';
import { build } from './support.js';

const unused = (): never => {
  throw new Error('the method body must not run');
};

const sumAll = (...xs: number[]) => xs.reduce((a, b) => a + b, 0);
function minusFirst(this: unknown, a: number, b: number) {
  return [a - b, this];
}

class Totals {
  @does(sumAll)
  @node({ doc: 'Sum of both regions.' })
  totalSpend(spendUs: number, spendUk: number): number {
    return unused();
  }

  @does(minusFirst)
  @node()
  difference(b: number, a: number): [number, unknown] {
    return unused();
  }

  @does(minusFirst)
  @node()
  static staticDifference(a: number, b: number): [number, unknown] {
    return unused();
  }

  @does(Math.max)
  @node()
  biggest(a: number, b: number, c: number): number {
    return unused();
  }

  @does(async (x: number) => {
    await new Promise((r) => setTimeout(r, 1));
    return x * 2;
  })
  @node()
  later(x: number): Promise<number> {
    return unused();
  }

  @does((x: number, pad: number = 7) => x + pad)
  @node()
  padded(x: number, pad = 100): number {
    return unused();
  }
}

describe('@does', () => {
  it("keeps the method's node: name, inputs, doc and origin", () => {
    const info = build({}, Totals).listAvailableVariables().find((n) => n.name === 'totalSpend');
    expect(info).toMatchObject({ origin: 'Totals.totalSpend', doc: 'Sum of both regions.' });
    expect(info!.dependencies.map((d) => d.name)).toEqual(['spendUs', 'spendUk']);
    expect(build({}, Totals).toDot()).toContain('"spendUk" -> "totalSpend"');
  });

  it("calls fn with the inputs positionally, in the method's parameter order, never the body", async () => {
    const dr = build({}, Totals);
    const result = await dr.execute(['totalSpend', 'difference', 'biggest'], { inputs: { spendUs: 1, spendUk: 2, a: 10, b: 3, c: 4 } });
    expect(result.totalSpend).toBe(3);
    // difference(b, a): fn's first argument is the method's first parameter, `b`.
    expect((result.difference as unknown[])[0]).toBe(-7);
    expect(result.biggest).toBe(10);
  });

  it('calls fn with this = the module instance, or the class for a static method', async () => {
    const dr = new Builder().withModules(new Totals()).withLogger(silent).build();
    const { difference, staticDifference } = await dr.execute(['difference', 'staticDifference'] as string[], { inputs: { a: 5, b: 1 } });
    expect((difference as unknown[])[1]).toBeInstanceOf(Totals);
    expect(staticDifference).toEqual([4, Totals]);
  });

  it('awaits an async fn', async () => {
    await expect(build({}, Totals).execute(['later'], { inputs: { x: 4 } })).resolves.toEqual({ later: 8 });
  });

  it("passes undefined for an optional input nothing provides, so fn's own default applies", async () => {
    const dr = build({}, Totals);
    await expect(dr.execute(['padded'], { inputs: { x: 1 } })).resolves.toEqual({ padded: 8 });
    await expect(dr.execute(['padded'], { inputs: { x: 1, pad: 2 } })).resolves.toEqual({ padded: 3 });
  });

  it("wraps fn's error with the node and its origin", async () => {
    class Failing {
      @does(() => {
        throw new Error('boom');
      })
      @node()
      broken(): number {
        return 0;
      }
    }
    const error = await build({}, Failing).execute(['broken']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeExecutionError);
    expect((error as NodeExecutionError).origin).toBe('Failing.broken');
    expect(((error as NodeExecutionError).cause as Error).message).toBe('boom');
  });

  it("ignores a subclass's undecorated override of the body: fn is the node's code", async () => {
    class Sub extends Totals {
      override totalSpend(spendUs: number, spendUk: number): number {
        return unused() ?? spendUs + spendUk;
      }
    }
    await expect(build({}, Sub).execute(['totalSpend'], { inputs: { spendUs: 1, spendUk: 1 } })).resolves.toEqual({ totalSpend: 2 });
  });
});

describe('@does with other decorators', () => {
  class Combined {
    @tag({ owner: 'ds' })
    @checkOutput({ range: [0, 10] })
    @does(sumAll)
    @node()
    checked(a: number, b: number): number {
      return unused();
    }

    @config.when({ mode: 'sum' })
    @does(sumAll)
    @node()
    combined__sum(a: number, b: number): number {
      return unused();
    }

    @config.when({ mode: 'product' })
    @does((a: number, b: number) => a * b)
    @node()
    combined__product(a: number, b: number): number {
      return unused();
    }

    @parameterize({ plusTen: { b: value(10) }, plusC: { b: source('c') } })
    @does(sumAll)
    @node()
    plus(a: number, b: number): number {
      return unused();
    }
  }

  it('@checkOutput checks what fn returns; @tag tags the node', async () => {
    const dr = build({ mode: 'sum' }, Combined);
    expect(dr.listAvailableVariables().find((n) => n.name === 'checked')!.tags).toEqual({ owner: 'ds' });
    const { checked, checked_range_validator: result } = await dr.execute(['checked', 'checked_range_validator'], { inputs: { a: 6, b: 7 } });
    expect(checked).toBe(13);
    expect(result).toMatchObject({ passed: false, node: 'checked' });
  });

  it('@config.when chooses between two @does variants', async () => {
    await expect(build({ mode: 'sum' }, Combined).execute(['combined'], { inputs: { a: 3, b: 4 } })).resolves.toEqual({ combined: 7 });
    await expect(build({ mode: 'product' }, Combined).execute(['combined'], { inputs: { a: 3, b: 4 } })).resolves.toEqual({ combined: 12 });
  });

  it('@parameterize binds the parameters fn receives', async () => {
    const dr = build({ mode: 'sum' }, Combined);
    await expect(dr.execute(['plusTen', 'plusC'], { inputs: { a: 1, c: 5 } })).resolves.toEqual({ plusTen: 11, plusC: 6 });
    expect(dr.listAvailableVariables().find((n) => n.name === 'plusC')!.dependencies.map((d) => d.name)).toEqual(['a', 'c']);
  });
});

describe('@does misuse', () => {
  it('rejects a value that is not a function when the class is defined, naming the method', () => {
    const error = thrownBy(() => {
      class Bad {
        @does('sum' as never)
        @node()
        m(x: number) {
          return x;
        }
      }
      return Bad;
    }) as Error;
    expect(error).toBeInstanceOf(DecoratorError);
    expect(error.message).toBe('@does on method `m` takes the function that computes the node, got "sum". Write @does(myFunction).');
  });

  it('allows one @does per method: DecoratorError at build naming both', () => {
    class Twice {
      @does(sumAll)
      @does(Math.max)
      @node()
      m(x: number) {
        return x;
      }
    }
    const error = thrownBy(() => build({}, Twice)) as Error;
    expect(error).toBeInstanceOf(DecoratorError);
    expect(error.message).toContain('Twice.m has @does and @does');
  });
});
