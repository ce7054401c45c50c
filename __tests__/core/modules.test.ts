// Modules are classes (instantiated once, with no arguments) or instances; `this` is the module, or the class for static nodes.
import { describe, expect, it } from '@jest/globals';
import { Builder, DuplicateNodeError, node, type Module } from '../../lib/index.js';
import { silent } from '../support.js';

const build = (...modules: Module[]) => new Builder().withModules(...modules).withLogger(silent).build();

describe('class modules', () => {
  it('instantiates the class once per build, however many nodes it has', async () => {
    let constructed = 0;
    class Loaders {
      constructor() {
        constructed++;
      }

      @node()
      a() {
        return 1;
      }

      @node()
      b(a: number) {
        return a + 1;
      }

      @node()
      c(b: number) {
        return b + 1;
      }
    }
    const dr = build(Loaders);
    expect(constructed).toBe(1);
    await dr.execute(['c']);
    await dr.execute(['a', 'b']);
    expect(constructed).toBe(1);
    build(Loaders);
    expect(constructed).toBe(2);
  });

  it('runs every node of the module against the same instance, so nodes share its state', async () => {
    class Session {
      private readonly seen: string[] = [];

      @node()
      first() {
        this.seen.push('first');
        return this.seen.length;
      }

      @node()
      second(first: number) {
        this.seen.push('second');
        return [first, this.seen.join(',')];
      }
    }
    await expect(build(Session).execute(['second'])).resolves.toEqual({ second: [1, 'first,second'] });
  });

  it('wires nodes of different modules by name', async () => {
    class Loaders {
      @node()
      spend() {
        return [10, 20];
      }
    }
    class Features {
      @node()
      totalSpend(spend: number[]) {
        return spend[0]! + spend[1]!;
      }
    }
    const dr = build(Loaders, Features);
    expect(dr.listAvailableVariables().some((n) => n.isExternalInput)).toBe(false);
    await expect(dr.execute(['totalSpend'])).resolves.toEqual({ totalSpend: 30 });
  });
});

describe('instance modules', () => {
  class CsvLoader {
    constructor(private readonly rows: number[]) {}

    @node()
    rowCount() {
      return this.rows.length;
    }
  }

  it('uses the instance as `this`, with its constructor arguments', async () => {
    await expect(build(new CsvLoader([1, 2, 3])).execute(['rowCount'])).resolves.toEqual({ rowCount: 3 });
  });

  it('names origins after the instance class', () => {
    expect(build(new CsvLoader([])).listAvailableVariables()[0]?.origin).toBe('CsvLoader.rowCount');
  });

  it('rejects two instances of one class in one build as duplicate nodes', () => {
    expect(() => build(new CsvLoader([1]), new CsvLoader([2]))).toThrow(DuplicateNodeError);
  });

  it('sees state changed on the instance between executions', async () => {
    class Counter {
      calls = 0;

      @node()
      count() {
        return ++this.calls;
      }
    }
    const counter = new Counter();
    const dr = build(counter);
    await dr.execute(['count']);
    await expect(dr.execute(['count'])).resolves.toEqual({ count: 2 });
    expect(counter.calls).toBe(2);
  });
});

describe('static node methods', () => {
  it('run with `this` = their class', async () => {
    class Settings {
      static readonly currency = 'EUR';

      @node()
      static currencyLabel(amount: number) {
        return `${amount} ${this.currency}`;
      }
    }
    await expect(build(Settings).execute(['currencyLabel'], { inputs: { amount: 5 } })).resolves.toEqual({ currencyLabel: '5 EUR' });
  });

  it('mix with instance nodes in one module', async () => {
    class Mixed {
      factor = 3;

      @node()
      static base() {
        return 2;
      }

      @node()
      scaled(base: number) {
        return base * this.factor;
      }
    }
    const dr = build(Mixed);
    expect(dr.listAvailableVariables().map((n) => n.origin)).toEqual(['Mixed.base', 'Mixed.scaled']);
    await expect(dr.execute(['scaled'])).resolves.toEqual({ scaled: 6 });
  });

  it('are called with the class even when the module is given as an instance', async () => {
    class Settings {
      static tax = 0.2;

      @node()
      static taxRate(): number {
        return this.tax;
      }
    }
    await expect(build(new Settings()).execute(['taxRate'])).resolves.toEqual({ taxRate: 0.2 });
  });

  it('conflict with an instance node of the same name', () => {
    class Clash {
      @node()
      static x() {
        return 1;
      }

      @node()
      x() {
        return 2;
      }
    }
    expect(() => build(Clash)).toThrow(DuplicateNodeError);
  });
});
