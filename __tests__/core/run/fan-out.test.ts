import { describe, expect, it } from '@jest/globals';
import { Builder, checkOutput, collect, GraphError, InvalidInputsError, LocalExecutor, NodeExecutionError, node, parallelizable, DecoratorError, type NodeContext } from '../../../lib/index.js';
import { silent } from '../../support.js';

class Words {
  @parallelizable()
  @node()
  urls(pages: string[]): string[] {
    return pages;
  }

  @node()
  text(urls: string, prefix = ''): string {
    return `${prefix}${urls} ${urls}`;
  }

  @node()
  wordCount(text: string): number {
    return text.split(' ').length;
  }

  @collect('wordCount')
  @node()
  counts(wordCount: number[]): number[] {
    return wordCount;
  }

  @collect('wordCount')
  @node()
  total(wordCount: number[], bonus: number): number {
    return wordCount.reduce((a, b) => a + b, 0) + bonus;
  }
}

const build = (...m: object[]) => new Builder().withModules(...(m as never[])).withLogger(silent).build();

describe('@parallelizable / @collect', () => {
  it('runs the nodes in between once per item and gathers them in item order', async () => {
    const out = await build(Words).execute(['counts', 'total'], { inputs: { pages: ['a b', 'c', 'd e f'], bonus: 100 } });
    expect(out).toEqual({ counts: [4, 2, 6], total: 112 });
  });

  it('gathers an empty fan-out as an empty list', async () => {
    await expect(build(Words).execute(['counts'], { inputs: { pages: [] } })).resolves.toEqual({ counts: [] });
  });

  it('accepts any iterable, generators included, pulled lazily', async () => {
    let pulled = 0;
    class Gen {
      @parallelizable() @node()
      *items(): Generator<number> { for (let i = 0; i < 5; i++) { pulled++; yield i; } }
      @node() doubled(items: number): number { return items * 2; }
      @collect('doubled') @node() all(doubled: number[]): number[] { return doubled; }
    }
    await expect(build(Gen).execute(['all'])).resolves.toEqual({ all: [0, 2, 4, 6, 8] });
    expect(pulled).toBe(5);
  });

  it('runs async items concurrently under the executor limit, and still in item order', async () => {
    let running = 0;
    let max = 0;
    class Async {
      @parallelizable() @node() ids(): number[] { return Array.from({ length: 12 }, (_, i) => i); }
      @node()
      async fetched(ids: number): Promise<number> {
        running++; max = Math.max(max, running);
        await new Promise((r) => setTimeout(r, 12 - ids));
        running--;
        return ids * 10;
      }
      @collect('fetched') @node() all(fetched: number[]): number[] { return fetched; }
    }
    const dr = new Builder().withModules(Async).withExecutor(new LocalExecutor({ maxConcurrency: 4 })).withLogger(silent).build();
    await expect(dr.execute(['all'])).resolves.toEqual({ all: Array.from({ length: 12 }, (_, i) => i * 10) });
    expect(max).toBe(4);
  });

  it('names the node and the item index when an item fails', async () => {
    class Failing {
      @parallelizable() @node() xs(): number[] { return [1, 2, 0, 4]; }
      @node() inverse(xs: number): number { if (xs === 0) throw new RangeError('zero'); return 1 / xs; }
      @collect('inverse') @node() all(inverse: number[]): number[] { return inverse; }
    }
    const error = await build(Failing).execute(['all']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeExecutionError);
    expect((error as NodeExecutionError).node).toBe('inverse');
    expect((error as Error).message).toContain('`inverse` (Failing.inverse) failed on item 2 of its fan-out: RangeError: zero');
  });

  it('fails with a clear error when the parallelizable node returns no iterable', async () => {
    class NotIterable {
      @parallelizable() @node() xs(): number { return 3; }
      @node() y(xs: number): number { return xs; }
      @collect('y') @node() all(y: number[]): number[] { return y; }
    }
    await expect(build(NotIterable).execute(['all'])).rejects.toThrow(/must return an iterable .* returned number/);
  });

  it('holds data-quality nodes inside the fan-out: each item is checked', async () => {
    class Checked {
      @parallelizable() @node() xs(): number[] { return [1, 2, 3]; }
      @checkOutput({ range: [0, 5] })
      @node() doubled(xs: number): number { return xs * 2; }
      @collect('doubled') @node() all(doubled: number[]): number[] { return doubled; }
    }
    const records: { node: string; passed: boolean }[] = [];
    const pino = (await import('pino')).default;
    const logger = pino({ level: 'info' }, { write: (line: string) => { records.push(JSON.parse(line)); } });
    await expect(new Builder().withModules(Checked).withLogger(logger).build().execute(['all'])).resolves.toEqual({ all: [2, 4, 6] });
    expect(records.filter((r) => r.node === 'doubled').map((r) => r.passed)).toEqual([true, true, false]);
  });

  it('gives block nodes the item index in their NodeContext', async () => {
    class Indexed {
      @parallelizable() @node() xs(): string[] { return ['a', 'b']; }
      @node({ context: true }) tagged(xs: string, ctx: NodeContext): string { return `${xs}${ctx.item}`; }
      @collect('tagged') @node() all(tagged: string[]): string[] { return tagged; }
    }
    await expect(build(Indexed).execute(['all'])).resolves.toEqual({ all: ['a0', 'b1'] });
  });

  it('runs 100,000 items through a 3-node body', async () => {
    class Many {
      @parallelizable() @node() xs(n: number): Iterable<number> { return { *[Symbol.iterator]() { for (let i = 0; i < n; i++) yield i; } }; }
      @node() a(xs: number): number { return xs + 1; }
      @node() b(a: number): number { return a * 2; }
      @node() c(b: number): number { return b - 1; }
      @collect('c') @node() sum(c: number[]): number { let s = 0; for (const v of c) s += v; return s; }
    }
    const n = 100_000;
    const { sum } = (await build(Many).execute(['sum'], { inputs: { n } })) as { sum: number };
    expect(sum).toBe(n * n); // Σ over i < n of (2(i + 1) - 1) = n²
  });

  it('is a GraphError when a collect node also reads another node of the fan-out', () => {
    class Leaky {
      @parallelizable() @node() xs(): number[] { return [1]; }
      @node() y(xs: number): number { return xs; }
      @node() z(xs: number): number { return -xs; }
      @collect('y') @node() all(y: number[], z: number): number[] { return y.concat(z); }
    }
    expect(() => build(Leaky).validateExecution(['all'])).toThrow(GraphError);
    expect(() => build(Leaky).validateExecution(['all'])).toThrow(/`all` \(Leaky.all\) reads `z`, which runs once per item/);
  });

  it('runs a node that reads a fan-out node once per item, so it cannot be requested', () => {
    class Peek {
      @parallelizable() @node() xs(): number[] { return [1]; }
      @node() y(xs: number): number { return xs; }
      @node() peek(y: number): number { return y; }
      @collect('y') @node() all(y: number[]): number[] { return y; }
    }
    expect(() => build(Peek).validateExecution(['all', 'peek'])).toThrow(/Output `peek` runs once per item of the fan-out of `xs`/);
  });

  it('is a GraphError when nothing requested collects the fan-out', () => {
    expect(() => build(Words).validateExecution(['wordCount'], { inputs: { pages: [] } })).toThrow(GraphError);
  });

  it('rejects requesting a node inside the fan-out as an output', () => {
    expect(() => build(Words).validateExecution(['counts', 'wordCount'], { inputs: { pages: [] } })).toThrow(InvalidInputsError);
  });

  it('is a DecoratorError at build when @collect names a parameter the method lacks', () => {
    class Wrong {
      @parallelizable() @node() xs(): number[] { return [1]; }
      @collect('nope') @node() all(xs: number[]): number[] { return xs; }
    }
    expect(() => build(Wrong)).toThrow(DecoratorError);
    expect(() => build(Wrong)).toThrow(/@collect\('nope'\) on Wrong.all: the method has no parameter `nope`/);
  });
});
