/**
 * Features for the platform sample: four independent Monte Carlo estimates of a
 * portfolio's loss (CPU-bound, tagged `compute: heavy`), and cheap summaries of them.
 * Deterministic: every simulation draws from its own seeded generator.
 */
import { node, tag } from 'hamilton-ts';

/** A small deterministic generator (mulberry32), so every run gives the same numbers. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Simulated yearly losses of a portfolio: `paths` draws of `steps` daily normal returns. */
function simulate(seed: number, paths: number, steps: number, volatility: number): Float64Array {
  const random = generator(seed);
  const losses = new Float64Array(paths);
  for (let p = 0; p < paths; p++) {
    let value = 1;
    for (let s = 0; s < steps; s++) {
      // Box-Muller: one standard normal from two uniforms.
      const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      value *= 1 + volatility * z;
    }
    losses[p] = 1 - value;
  }
  return losses;
}

function quantile(values: Float64Array, q: number): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export class RiskFeatures {
  @tag({ compute: 'heavy' })
  @node({ doc: 'Losses of the equity book.' })
  equityLosses(paths: number, steps: number): Float64Array {
    return simulate(1, paths, steps, 0.012);
  }

  @tag({ compute: 'heavy' })
  @node({ doc: 'Losses of the bond book.' })
  bondLosses(paths: number, steps: number): Float64Array {
    return simulate(2, paths, steps, 0.004);
  }

  @tag({ compute: 'heavy' })
  @node({ doc: 'Losses of the currency book.' })
  currencyLosses(paths: number, steps: number): Float64Array {
    return simulate(3, paths, steps, 0.007);
  }

  @tag({ compute: 'heavy' })
  @node({ doc: 'Losses of the commodity book.' })
  commodityLosses(paths: number, steps: number): Float64Array {
    return simulate(4, paths, steps, 0.015);
  }

  @node({ doc: '99% value at risk of each book.' })
  valueAtRisk(equityLosses: Float64Array, bondLosses: Float64Array, currencyLosses: Float64Array, commodityLosses: Float64Array): Record<string, number> {
    return {
      equity: quantile(equityLosses, 0.99),
      bonds: quantile(bondLosses, 0.99),
      currency: quantile(currencyLosses, 0.99),
      commodities: quantile(commodityLosses, 0.99),
    };
  }

  @node({ doc: 'The largest of the four values at risk.' })
  worstBook(valueAtRisk: Record<string, number>): string {
    return Object.entries(valueAtRisk).sort((a, b) => b[1] - a[1])[0]![0];
  }
}
