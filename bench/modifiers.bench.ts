/**
 * The cost of the function modifiers: build + run of graphs whose nodes come
 * from `@config.when` variants, from one `@parameterize` method, or from
 * `@does` methods, against plain `@node` graphs with as many nodes.
 *
 * - config: 2N methods `n<i>__a` / `n<i>__b` (`@config.when({ mode })`), of which N are kept;
 * - parameterize: one method expanded into N outputs, each binding one source and one value;
 * - does: N methods whose body `@does` replaces with one shared function.
 *
 * Target: under 5 µs per node more than the plain graph, at 1,000 and at 4,000 nodes.
 */
import { Builder, config, does, node, parameterize, source, value, type MethodDecorator } from 'hamilton-ts';
import pino from 'pino';
import { compareInterleaved, median, round, type BenchRecord } from './harness.js';
import { decoratedClass } from './method-context.js';

type Report = (record: BenchRecord) => void;

const SIZES = [1_000, 4_000] as const;
const logger = pino({ level: 'warn' }, { write() {} });

/** A class of these methods, each `@node()` with the given decorators above it (top first). */
function classOf(methods: readonly { name: string; fn: Function; decorators: readonly MethodDecorator[] }[]): new () => object {
  return decoratedClass(methods.map((m) => ({ ...m, decorators: [...m.decorators, node()] })));
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const plain = (n: number) => classOf(range(n).map((i) => ({ name: `n${i}`, fn: (seed: number) => seed + i, decorators: [] })));

interface Shape {
  readonly cls: new () => object;
  /** Plain methods to compare with, and what one of them stands for. */
  readonly units: number;
  readonly unit: 'method' | 'node';
}

const SHAPES: Record<string, (n: number) => Shape> = {
  config: (n) => ({
    cls: classOf(
      range(n).flatMap((i) => [
        { name: `n${i}__a`, fn: (seed: number) => seed + i, decorators: [config.when({ mode: 'a' })] },
        { name: `n${i}__b`, fn: (seed: number) => seed - i, decorators: [config.when({ mode: 'b' })] },
      ]),
    ),
    units: 2 * n,
    unit: 'method',
  }),
  parameterize: (n) => ({
    cls: classOf([
      {
        name: 'shifted',
        fn: (x: number, by: number) => x + by,
        decorators: [parameterize(Object.fromEntries(range(n).map((i) => [`n${i}`, { x: source('seed'), by: value(i) }])))],
      },
    ]),
    units: n,
    unit: 'node',
  }),
  does: (n) => {
    const add = (seed: number, i: number) => seed + i;
    const cls = classOf(range(n).map((i) => ({ name: `n${i}`, fn: (seed: number) => seed + i, decorators: [does((seed: number) => add(seed, i))] })));
    return { cls, units: n, unit: 'node' };
  },
};

async function buildAndRun(cls: new () => object, outputs: readonly string[]): Promise<void> {
  const dr = new Builder().withModules(cls).withConfig({ mode: 'a' }).withLogger(logger).build();
  const out = await dr.execute(outputs, { inputs: { seed: 1 } });
  if (out[outputs[outputs.length - 1]!] !== outputs.length) throw new Error('modifiers: wrong value computed');
}

/**
 * Runs the suite.
 *
 * @example
 * await run(report);
 */
export async function run(report: Report): Promise<void> {
  for (const [shape, make] of Object.entries(SHAPES)) {
    for (const size of SIZES) {
      const { cls, units, unit } = make(size);
      const base = plain(units);
      const outputs = range(size).map((i) => `n${i}`);
      const runs = size >= 4_000 ? 30 : 60;
      const { a, b } = await compareInterleaved(() => buildAndRun(cls, outputs), () => buildAndRun(base, outputs), { runs, warmup: 10 });
      const ms = median(a);
      const plainMs = median(b);
      const overheadUs = ((ms - plainMs) * 1000) / units;
      report({
        suite: 'modifiers',
        case: `build+run ${size} nodes from ${shape}`,
        nodes: size,
        plainMethods: units,
        medianMs: round(ms),
        plainMedianMs: round(plainMs),
        ratio: round(ms / plainMs, 3),
        unit,
        overheadUsPerUnit: round(overheadUs),
        target: `<5 µs per ${unit} over plain`,
        targetMet: overheadUs < 5,
        runs,
      });
    }
  }
}
