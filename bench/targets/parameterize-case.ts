/**
 * Target: a 4,000-node graph made mostly through `@parameterize` (m methods x
 * k outputs, each output binding one parameter to a node and one to a value)
 * builds in at most 2x the time of 4,000 plain `@node` methods. Both classes
 * are decorated once, before timing; each run times `Builder.build()` only.
 */
import { Builder, node, parameterize, source, value } from 'hamilton-ts';
import { interleave, median, pairedRatio, round, type BenchRecord } from '../harness.js';
import { decoratedClass } from '../method-context.js';

/** Parameterized build at most this times the plain build. */
export const PARAMETERIZE_TARGET = 2;

const NODES = 4_000;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** 4,000 plain methods `n<i>(seed)`. */
function plainClass(): new () => object {
  return decoratedClass(range(NODES).map((i) => ({ name: `n${i}`, fn: function (seed: number) { return seed + i; }, decorators: [node()] })));
}

/** `methods` methods `p<m>(x, by)`, each parameterized into `NODES / methods` outputs `n<i>` reading `seed`. */
function parameterizedClass(methods: number): new () => object {
  const outputs = NODES / methods;
  return decoratedClass(
    range(methods).map((m) => ({
      name: `p${m}`,
      fn: function (x: number, by: number) { return x + by; },
      decorators: [parameterize(Object.fromEntries(range(outputs).map((o) => [`n${m * outputs + o}`, { x: source('seed'), by: value(o) }]))), node()],
    })),
  );
}

/**
 * Build time of 4,000 parameterized nodes (`methods` x 4,000/methods) against 4,000 plain methods.
 *
 * @example
 * const records = await parameterizeCases([40, 400]);
 */
export async function parameterizeCases(methodCounts: readonly number[]): Promise<BenchRecord[]> {
  const plain = plainClass();
  const classes = Object.fromEntries(methodCounts.map((m) => [`${m}x${NODES / m}`, parameterizedClass(m)]));
  const build = (cls: new () => object) => () => {
    const dr = new Builder().withModules(cls).build();
    if (dr.graph.nodes.length !== NODES + 1) throw new Error('parameterize case: wrong node count');
  };
  const runs = 30;
  const t = await interleave({ plain: build(plain), ...Object.fromEntries(Object.entries(classes).map(([k, cls]) => [k, build(cls)])) }, { runs, warmup: 10 });
  const plainMs = t.plain!;
  return Object.keys(classes).map((shape) => {
    const ms = t[shape]!;
    const ratio = pairedRatio(ms, plainMs);
    return {
      case: `build 4000 nodes from @parameterize ${shape} vs 4000 plain`,
      nodes: NODES,
      methods: Number(shape.split('x')[0]),
      buildMedianMs: round(median(ms)),
      plainBuildMedianMs: round(median(plainMs)),
      usPerNode: round((median(ms) * 1000) / NODES),
      plainUsPerNode: round((median(plainMs) * 1000) / NODES),
      ratio: round(ratio, 3),
      target: `≤${PARAMETERIZE_TARGET}x the plain build`,
      targetMet: ratio <= PARAMETERIZE_TARGET,
      runs,
    };
  });
}
