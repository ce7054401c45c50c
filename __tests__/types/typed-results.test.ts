// Typed results: `execute` knows the output names and value types of the modules' methods.
// The compiler checks this file (`npm test` runs tsc first): every `@ts-expect-error` line must
// be an error and every expectTypeOf must hold. The jest cases check that the values really are
// what the types say.
import { describe, expect, it } from '@jest/globals';
import type { ColumnTable } from 'arquero';
import { expectTypeOf } from 'expect-type';
import { Builder, config, DictResult, node, TableResult, type Driver, type Module, type ResultBuilder, type ValidationResult, checkOutput } from '../../lib/index.js';
import { silent } from '../support.js';

class Marketing {
  @node()
  spendPerSignup(spend: Float64Array, signups: Float64Array): Float64Array {
    return spend.map((s, i) => s / signups[i]!);
  }

  @node()
  spendMean(spend: Float64Array): number {
    return spend.reduce((a, b) => a + b, 0) / spend.length;
  }

  /** Not a node, but public: the types cannot tell, so it is a name too. */
  describe(): string {
    return 'marketing';
  }

  /** Private: not a name. */
  private scale(x: number): number {
    return x * 2;
  }

  @node()
  doubled(spendMean: number): number {
    return this.scale(spendMean);
  }
}

class Pricing {
  @node()
  async price(base: number, markup = 2): Promise<string> {
    return `${base * markup} USD`;
  }

  @node()
  static currency(): 'USD' {
    return 'USD';
  }
}

const spend = Float64Array.of(10, 20, 30);
const signups = Float64Array.of(1, 2, 3);
const dr = new Builder().withModules(Marketing, Pricing).withLogger(silent).build();

describe('output names and types from the modules', () => {
  it('types each requested output by its method, async unwrapped', async () => {
    const out = await dr.execute(['spendPerSignup', 'price'], { inputs: { spend, signups, base: 3 } });
    expectTypeOf(out).toEqualTypeOf<{ spendPerSignup: Float64Array; price: string }>();
    expect(out.spendPerSignup).toBeInstanceOf(Float64Array);
    expect(out.price).toBe('6 USD');
  });

  it('types static methods of a class', async () => {
    const out = await dr.execute(['currency']);
    expectTypeOf(out.currency).toEqualTypeOf<'USD'>();
    expect(out.currency).toBe('USD');
  });

  it('rejects a name no method has, at compile time and at run time', async () => {
    // @ts-expect-error `spendPerSignp` is no method's name
    await expect(dr.execute(['spendPerSignp'], { inputs: { spend, signups } })).rejects.toThrow(/spendPerSignup/);
    // @ts-expect-error private methods are not names
    await expect(dr.execute(['scale'])).rejects.toThrow(/Unknown node/);
  });

  it('lists plain public methods and fields as names: the types cannot see decorators', async () => {
    // Compiles (a documented limit); the run says it is not a node.
    await expect(dr.execute(['describe'])).rejects.toThrow(/Unknown node/);
    class WithField {
      readonly unit = 'kg';

      @node()
      weight(): number {
        return 1;
      }
    }
    const fielded = new Builder().withModules(WithField).withLogger(silent).build();
    const later = () => fielded.execute(['unit', 'weight']);
    expectTypeOf<Awaited<ReturnType<typeof later>>>().toEqualTypeOf<{ unit: unknown; weight: number }>();
    await expect(later()).rejects.toThrow(/Unknown node/);
  });

  it('keeps casts written before results were typed compiling', async () => {
    const out = await dr.execute(['spendPerSignup'], { inputs: { spend, signups } });
    const cast = out.spendPerSignup as Float64Array;
    const untyped: Record<string, unknown> = out;
    expect(cast).toBe(untyped['spendPerSignup']);
  });

  it('types inputs and overrides requested as outputs by the values given', async () => {
    const out = await dr.execute(['spend', 'spendMean', 'doubled'], { inputs: { spend }, overrides: { spendMean: 5 } });
    expectTypeOf(out).toEqualTypeOf<{ spend: typeof spend; spendMean: number; doubled: number }>();
    expect(out).toEqual({ spend, spendMean: 5, doubled: 10 });
  });

  it('types validateExecution like execute', () => {
    expect(() => dr.validateExecution(['spendMean'], { inputs: { spend } })).not.toThrow();
    // @ts-expect-error misspelled
    expect(() => dr.validateExecution(['spendMaen'])).toThrow(/spendMean/);
  });
});

describe('module shapes', () => {
  it('types instances passed to withModules', async () => {
    class Scaled {
      constructor(private readonly factor: number) {}

      @node()
      scaled(x: number): number {
        return x * this.factor;
      }
    }
    const out = await new Builder().withModules(new Scaled(3)).withLogger(silent).build().execute(['scaled'], { inputs: { x: 2 } });
    expectTypeOf(out).toEqualTypeOf<{ scaled: number }>();
    expect(out.scaled).toBe(6);
  });

  it('types inherited methods and a subclass override', async () => {
    class Base {
      @node()
      a(): number {
        return 1;
      }

      @node()
      b(a: number): number | string {
        return a;
      }
    }
    class Child extends Base {
      @node()
      override b(a: number): number {
        return a + 10;
      }
    }
    const out = await new Builder().withModules(Child).withLogger(silent).build().execute(['a', 'b']);
    expectTypeOf(out).toEqualTypeOf<{ a: number; b: number }>();
    expect(out).toEqual({ a: 1, b: 11 });
  });

  it('falls back to any name of unknown type for modules typed as Module or object', async () => {
    const modules: Module[] = [Marketing];
    const loose = new Builder().withModules(...modules).withLogger(silent).build();
    const out = await loose.execute(['spendMean'], { inputs: { spend } });
    expectTypeOf(out).toEqualTypeOf<{ spendMean: unknown }>();
    expect(out.spendMean).toBe(20);
  });

  it('types config keys as outputs, and rejects them as inputs', async () => {
    const withConfig = new Builder().withModules(Pricing).withConfig({ markup: 3 }).withLogger(silent).build();
    const out = await withConfig.execute(['markup', 'price'], { inputs: { base: 1 } });
    expectTypeOf(out).toEqualTypeOf<{ markup: number; price: string }>();
    expect(out).toEqual({ markup: 3, price: '3 USD' });
    // @ts-expect-error a config key is not an input
    await expect(withConfig.execute(['price'], { inputs: { base: 1, markup: 2 } })).rejects.toThrow(/config key/);
  });

  it('types config variants `x__a` as node `x`, the union of the variants', () => {
    class Rates {
      @config.when({ region: 'us' })
      @node()
      rate__us(): number {
        return 0.2;
      }

      @config.when({ region: 'uk' })
      @node()
      rate__uk(): string {
        return 'n/a';
      }
    }
    const typed = new Builder().withModules(Rates).withConfig({ region: 'us' }).withLogger(silent).build();
    const later = () => typed.execute(['rate']);
    expectTypeOf<Awaited<ReturnType<typeof later>>>().toEqualTypeOf<{ rate: number | string }>();
    return expect(later()).resolves.toEqual({ rate: 0.2 });
  });
});

describe('result builders', () => {
  it('gives TableResult its table type, with names still checked', async () => {
    const tables = new Builder().withModules(Marketing).withResultBuilder(new TableResult()).withLogger(silent).build();
    const t = await tables.execute(['spendPerSignup', 'spendMean'], { inputs: { spend, signups } });
    expectTypeOf(t).toEqualTypeOf<ColumnTable>();
    expect(t.numRows()).toBe(3);
    // @ts-expect-error names are checked whatever the result type
    await expect(tables.execute(['nope'])).rejects.toThrow(/Unknown node/);
  });

  it('gives a custom result builder its own type, and DictResult given explicitly stays typed', async () => {
    const count: ResultBuilder<number> = { build: (_, names) => names.length };
    const counted = new Builder().withModules(Marketing).withResultBuilder(count).withLogger(silent).build();
    expectTypeOf(await counted.execute(['spendMean'], { inputs: { spend } })).toEqualTypeOf<number>();
    const dict = new Builder().withModules(Marketing).withResultBuilder(new DictResult()).withLogger(silent).build();
    expectTypeOf(await dict.execute(['spendMean'], { inputs: { spend } })).toEqualTypeOf<{ spendMean: number }>();
  });

  it('lets a typed driver be used where an untyped one is expected', async () => {
    const untyped: Driver<Record<string, unknown>> = dr;
    const out = await untyped.execute(['spendMean'], { inputs: { spend } });
    expectTypeOf(out).toEqualTypeOf<Record<string, unknown>>();
    expect(out.spendMean).toBe(20);
  });
});

describe('nodes the types cannot see', () => {
  class Checked {
    @checkOutput({ range: [0, 100] })
    @node()
    share(part: number, whole: number): number {
      return (100 * part) / whole;
    }
  }
  const checked = new Builder().withModules(Checked).withLogger(silent).build();

  it('types data-quality nodes by pattern: x_raw as x, validators as results', async () => {
    const out = await checked.execute(['share_raw', 'share_range_validator'], { inputs: { part: 1, whole: 4 } });
    expectTypeOf(out).toEqualTypeOf<{ share_raw: number; share_range_validator: ValidationResult }>();
    expect(out.share_raw).toBe(25);
    expect(out.share_range_validator.passed).toBe(true);
  });

  it('takes a string[] (or execute<string>) for any other name, typed unknown', async () => {
    const names: string[] = ['share'];
    const out = await checked.execute(names, { inputs: { part: 1, whole: 2 } });
    expectTypeOf(out).toEqualTypeOf<{ [name: string]: unknown }>();
    expect(out['share']).toBe(50);
    const explicit = await checked.execute<string>(['share'], { inputs: { part: 1, whole: 2 } });
    expect(explicit['share']).toBe(50);
    // @ts-expect-error a literal list is checked: the escape hatch needs a string[]
    await expect(checked.execute(['shares'], { inputs: { part: 1, whole: 2 } })).rejects.toThrow(/share/);
  });

  it('types nodes declared with withNodes<T>()', async () => {
    // A node the decorators rename, so the method name is not the node name.
    class Renamed {
      @node({ name: 'total' })
      sum(a: number, b: number): number {
        return a + b;
      }
    }
    const declared = new Builder().withModules(Renamed).withNodes<{ total: number }>().withLogger(silent).build();
    const out = await declared.execute(['total'], { inputs: { a: 1, b: 2 } });
    expectTypeOf(out).toEqualTypeOf<{ total: number }>();
    expect(out.total).toBe(3);
  });
});

describe('inputs and overrides', () => {
  interface Inputs {
    spend: Float64Array;
    signups: Float64Array;
  }
  const declared = new Builder().withModules(Marketing).withInputs<Inputs>().withLogger(silent).build();

  it('types inputs declared with withInputs<I>()', async () => {
    const out = await declared.execute(['spendPerSignup', 'spend'], { inputs: { spend, signups } });
    expectTypeOf(out).toEqualTypeOf<{ spendPerSignup: Float64Array; spend: Float64Array }>();
    expect(out.spend).toBe(spend);
  });

  it('rejects an input of the wrong type or name when the inputs are declared', async () => {
    // @ts-expect-error a plain array is not the declared Float64Array
    await declared.execute(['spendMean'], { inputs: { spend: [1, 2, 3] } });
    // @ts-expect-error `spnd` is not a declared input
    await expect(declared.execute(['spendMean'], { inputs: { spnd: spend } })).rejects.toThrow(/spend/);
  });

  it('rejects a node name as an input (it belongs in overrides)', async () => {
    // @ts-expect-error spendMean is computed by a node
    await expect(dr.execute(['doubled'], { inputs: { spendMean: 1 } })).rejects.toThrow(/overrides/);
  });

  it('types overrides by node, and accepts other names (inputs, modifier-made nodes)', async () => {
    // @ts-expect-error spendMean is a number
    await expect(dr.execute(['doubled'], { overrides: { spendMean: 'abc' } })).resolves.toEqual({ doubled: NaN });
    await expect(dr.execute(['spendMean'], { overrides: { spend: Float64Array.of(4) } })).resolves.toEqual({ spendMean: 4 });
  });
});
