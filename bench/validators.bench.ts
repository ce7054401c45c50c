/**
 * The built-in validators' figures: a range plus a NaN check on a million
 * numbers against a hand-written loop doing the same checks (target: at most
 * 2x), the other checks' throughput, and a JSON Schema on table rows.
 * One JSON record per case; see bench/README.md.
 */
import * as aq from 'arquero';
import { createValidators, type CheckOptions } from '../lib/quality/validators/registry.js';
import type { Validator } from '../lib/quality/validator.js';
import { caseRunner, compareInterleaved, measure, median, round, type BenchRecord } from './harness.js';

type Report = (record: BenchRecord) => void;

const MILLION = 1_000_000;
const ROWS = 100_000;
const RUNS = { runs: 21, warmup: 5 } as const;
/** The speed target of the range+nans cases: validators cost at most this times the hand loop. */
const TARGET_RATIO = 2;

/** Sink for results, so the JIT cannot drop a loop whose answer is unused. */
let sink = 0;

/**
 * Runs every validator case, reporting one record per case. A case that
 * throws is reported as `{ error }` and the others still run.
 *
 * @example
 * await run((r) => console.log(JSON.stringify(r)));
 */
export async function run(report: Report): Promise<void> {
  const attempt = caseRunner('validators', report);
  const floats = gaussian(MILLION);
  await attempt('range+nans 1e6 Float64Array', () => rangeAndNaNsCase(floats));
  await attempt('range+nans 1e6 Array<number>', () => rangeAndNaNsCase(Array.from(floats)));
  await attempt('range+nans 1e6 Float64Array, 1% failing', () => rangeAndNaNsCase(withFailures(floats, 0.01)));
  await attempt('numeric checks 1e6 Float64Array', () =>
    throughputCase(floats, { dataType: 'number', range: [-10, 10], allowNaNs: false, maxFractionNaNs: 0.01, meanInRange: [-1, 1], maxStandardDev: 2, allowNull: false }),
  );
  const words = Array.from({ length: MILLION }, (_, i) => ['alpha', 'beta', 'gamma', 'delta'][i % 4]!);
  await attempt('string checks 1e6 Array<string>', () =>
    throughputCase(words, { dataType: 'string', valuesIn: ['alpha', 'beta', 'gamma', 'delta'], contains: 'a', doesNotContain: ['zz', 'qq'] }),
  );
  await attempt('ajv row schema 100k rows', () => rowSchemaCase(ROWS));
  if (sink === 42.4242) report({ suite: 'validators', case: 'sink', sink });
}

/** Our range_validator and allow_nans_validator against one hand-written loop doing both checks. */
async function rangeAndNaNsCase(data: Float64Array | number[]): Promise<BenchRecord> {
  const validators = createValidators({ range: [-5, 5], allowNaNs: false }, 'warn');
  const ours = () => {
    for (const v of validators) sink += Number((v.validate(data) as { passed: boolean }).passed);
  };
  const hand = data instanceof Float64Array ? () => (sink += handLoopFloat64(data, -5, 5)) : () => (sink += handLoopArray(data, -5, 5));
  const { a, b } = await compareInterleaved(ours, hand, RUNS);
  const medianMs = median(a);
  const handLoopMedianMs = median(b);
  const ratio = medianMs / handLoopMedianMs;
  return { medianMs: round(medianMs), handLoopMedianMs: round(handLoopMedianMs), ratio: round(ratio, 3), targetRatio: TARGET_RATIO, meetsTarget: ratio <= TARGET_RATIO, runs: RUNS.runs };
}

/** What a user would write by hand: one pass, counting out-of-range values and NaNs. */
function handLoopFloat64(a: Float64Array, lo: number, hi: number): number {
  let outside = 0;
  let nans = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    if (x !== x) nans++;
    if (!(x >= lo && x <= hi)) outside++;
  }
  return outside + nans;
}

// A separate copy for plain arrays on purpose: one element type per loop keeps the
// baseline monomorphic, as a hand-written loop over one column would be.
function handLoopArray(a: readonly number[], lo: number, hi: number): number {
  let outside = 0;
  let nans = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    if (x !== x) nans++;
    if (!(x >= lo && x <= hi)) outside++;
  }
  return outside + nans;
}

/** Time for all validators of some options on one column, and the cost per element per check. */
async function throughputCase(data: ArrayLike<unknown>, checks: CheckOptions): Promise<BenchRecord> {
  const validators: Validator[] = createValidators(checks, 'warn');
  const ms = median(
    await measure(() => {
      for (const v of validators) sink += Number((v.validate(data) as { passed: boolean }).passed);
    }, RUNS),
  );
  return { checks: validators.map((v) => v.name).join(' '), elements: data.length, medianMs: round(ms), nsPerElementPerCheck: round((ms * 1e6) / data.length / validators.length, 3), runs: RUNS.runs };
}

/** A JSON Schema on every row of a 5-column table, compiled once. */
async function rowSchemaCase(rows: number): Promise<BenchRecord> {
  const table = aq.table({
    id: Int32Array.from({ length: rows }, (_, i) => i),
    name: Array.from({ length: rows }, (_, i) => `user${i}`),
    age: Float64Array.from({ length: rows }, (_, i) => 18 + (i % 60)),
    score: gaussian(rows),
    active: Array.from({ length: rows }, (_, i) => i % 3 !== 0),
  });
  const schema = {
    type: 'object',
    required: ['id', 'name', 'age', 'active'],
    properties: {
      id: { type: 'integer', minimum: 0 },
      name: { type: 'string', minLength: 1, maxLength: 64 },
      age: { type: 'number', minimum: 0, maximum: 130 },
      score: { type: 'number' },
      active: { type: 'boolean' },
    },
    additionalProperties: false,
  };
  const [validator] = createValidators({ schema }, 'warn');
  const ms = median(await measure(() => (sink += Number((validator!.validate(table) as { passed: boolean }).passed)), RUNS));
  return { rows, columns: 5, medianMs: round(ms), rowsPerSecond: Math.round(rows / (ms / 1000)), runs: RUNS.runs };
}

/** Standard normal numbers from a fixed-seed generator, so every run checks the same data. */
function gaussian(n: number): Float64Array {
  let seed = 12345;
  const uniform = () => ((seed = (seed * 1103515245 + 12345) >>> 0) + 1) / 4294967297;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  return out;
}

/** A copy with a fraction of the values replaced by NaN or out-of-range values, spread evenly. */
function withFailures(data: Float64Array, fraction: number): Float64Array {
  const out = data.slice();
  const step = Math.round(1 / fraction);
  for (let i = 0; i < out.length; i += step) out[i] = i % (2 * step) === 0 ? NaN : 99;
  return out;
}
