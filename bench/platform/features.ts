/**
 * Module classes of the platform benchmark: worker threads find them by file
 * URL and class name, so they live in a module file.
 */
import { node } from 'hamilton-ts';

/**
 * A fixed amount of CPU work (not a fixed time: on a busy machine it takes
 * longer, as real work would). Returns a number so the loop cannot be dropped.
 */
export function work(iterations: number, seed: number): number {
  let x = seed;
  for (let i = 0; i < iterations; i++) x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
  return x;
}

/** Four independent CPU-bound nodes and one that reads them all. */
export class CpuNodes {
  @node() first(iterations: number): number { return work(iterations, 1); }
  @node() second(iterations: number): number { return work(iterations, 2); }
  @node() third(iterations: number): number { return work(iterations, 3); }
  @node() fourth(iterations: number): number { return work(iterations, 4); }
  @node() all(first: number, second: number, third: number, fourth: number): number[] { return [first, second, third, fourth]; }
}

/** Six expensive nodes (two chains of three) that each return a column, for the cache. */
export class ExpensiveNodes {
  @node() raw(iterations: number, size: number): Float64Array { return column(work(iterations, 1), size); }
  @node() cleaned(raw: Float64Array, iterations: number): Float64Array { return column(work(iterations, raw[0]!), raw.length); }
  @node() features(cleaned: Float64Array, iterations: number): Float64Array { return column(work(iterations, cleaned[0]!), cleaned.length); }
  @node() prices(iterations: number, size: number): Float64Array { return column(work(iterations, 2), size); }
  @node() returns(prices: Float64Array, iterations: number): Float64Array { return column(work(iterations, prices[0]!), prices.length); }
  @node() risk(returns: Float64Array, features: Float64Array, iterations: number): Float64Array { return column(work(iterations, returns[0]! + features[0]!), returns.length); }
}

function column(seed: number, size: number): Float64Array {
  const out = new Float64Array(size);
  for (let i = 0; i < size; i++) out[i] = (seed + i) % 1_000;
  return out;
}
