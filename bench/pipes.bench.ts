/**
 * The cost of pipes and subdags, against the same graphs written as plain
 * `@node` methods (interleaved, steady state):
 *
 * - `pipeInput <n>`: n methods, each `@pipeInput` of 3 steps (4n nodes), built
 *   and run, vs 4n plain methods wired the same way. A step node is made on
 *   every build (its name, bindings and code reference), where a plain
 *   method's node reuses what `@node` recorded: the cost is per step node.
 *   Target: under 5 µs per step node over the plain graph.
 * - `subdag <k>x40`: one method embedding a 40-node module k times (40k
 *   embedded nodes) under k namespaces, built, vs one class of 40k plain
 *   methods. Target: under 3 µs per embedded node over the plain build.
 */
import { Builder, pipeInput, step, subdag, value } from 'hamilton-ts';
import { compareSteady, median, round, type BenchRecord } from './harness.js';
import { generatedClass } from './method-context.js';

type Report = (record: BenchRecord) => void;
type Method = (...args: number[]) => number;

/** A method reading the named parameters (source text a parameter parser can read). */
const reading = (params: readonly string[], body: string): Method => new Function(...params, body) as Method;

const addOne = (x: number) => x + 1;
const times = (x: number, by: number) => x * by;

function pipedClass(n: number) {
  const steps = [step(addOne), step(times, { by: value(2) }), step(addOne)];
  return generatedClass(Array.from({ length: n }, (_, i) => ({ name: `n${i}`, fn: reading(['seed'], `return seed + ${i};`), decorators: [pipeInput(...steps)] })));
}

function plainPipedClass(n: number) {
  const methods = [];
  for (let i = 0; i < n; i++) {
    methods.push({ name: `a${i}`, fn: reading(['seed'], 'return seed + 1;'), decorators: [] });
    methods.push({ name: `b${i}`, fn: reading([`a${i}`], `return a${i} * 2;`), decorators: [] });
    methods.push({ name: `c${i}`, fn: reading([`b${i}`], `return b${i} + 1;`), decorators: [] });
    methods.push({ name: `n${i}`, fn: reading([`c${i}`], `return c${i} + ${i};`), decorators: [] });
  }
  return generatedClass(methods);
}

/** A 40-node chain module: m0 reads `start`, m<j> reads m<j-1>. */
function chainModule(prefix: string) {
  return generatedClass(Array.from({ length: 40 }, (_, j) => ({ name: `${prefix}${j}`, fn: reading([j === 0 ? 'start' : `${prefix}${j - 1}`], 'return arguments[0] + 1;'), decorators: [] })));
}

function embeddingClass(k: number) {
  const inner = chainModule('m');
  return generatedClass(
    Array.from({ length: k }, (_, i) => ({ name: `s${i}`, fn: reading(['m39'], 'return m39;'), decorators: [subdag([inner], { inputs: { start: value(i) } })] })),
  );
}

function plainChainsClass(k: number) {
  const methods = [];
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < 40; j++) methods.push({ name: `s${i}_m${j}`, fn: reading([j === 0 ? `start${i}` : `s${i}_m${j - 1}`], 'return arguments[0] + 1;'), decorators: [] });
    methods.push({ name: `s${i}`, fn: reading([`s${i}_m39`], `return s${i}_m39;`), decorators: [] });
  }
  return generatedClass(methods);
}

async function pipeCase(n: number): Promise<BenchRecord> {
  const piped = pipedClass(n);
  const plain = plainPipedClass(n);
  const outputs = Array.from({ length: n }, (_, i) => `n${i}`);
  const run = async (cls: new () => object) => {
    const out = await new Builder().withModules(cls).build().execute(outputs, { inputs: { seed: 1 } });
    if (out[`n${n - 1}`] !== 5 + n - 1) throw new Error('pipes: wrong value computed');
  };
  const times = await compareSteady(() => run(piped), () => run(plain), { runs: n >= 1000 ? 30 : 80, warmup: 10 });
  const [a, b] = [median(times.a), median(times.b)];
  const overUs = ((a - b) * 1000) / (3 * n);
  return {
    suite: 'pipes',
    case: `pipeInput ${n}`,
    nodes: 4 * n,
    medianMs: round(a),
    plainMs: round(b),
    ratio: round(a / b, 3),
    overheadUsPerStepNode: round(overUs, 3),
    target: '<5 µs',
    targetMet: overUs < 5,
  };
}

async function subdagCase(k: number): Promise<BenchRecord> {
  const embedding = embeddingClass(k);
  const plain = plainChainsClass(k);
  const times = await compareSteady(() => new Builder().withModules(embedding).build(), () => new Builder().withModules(plain).build(), { runs: 30, warmup: 5 });
  const [a, b] = [median(times.a), median(times.b)];
  const overUs = ((a - b) * 1000) / (40 * k);
  return { suite: 'pipes', case: `subdag ${k}x40`, embeddedNodes: 40 * k, buildMs: round(a), plainBuildMs: round(b), overheadUsPerNode: round(overUs, 3), target: '<3 µs', targetMet: overUs < 3 };
}

/** The suite: pipes at 100 and 1,000 methods, subdags of 10 and 100 embeddings. */
export async function run(report: Report): Promise<void> {
  for (const n of [100, 1_000]) report(await pipeCase(n));
  for (const k of [10, 100]) report(await subdagCase(k));
}
