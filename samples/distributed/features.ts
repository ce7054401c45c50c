// CPU-bound features for the distributed sample: six independent Monte Carlo estimates over one price
// series, each a few hundred milliseconds of arithmetic, then a summary that needs them all.
import { node } from 'hamilton-ts';

/** A small deterministic random generator (mulberry32), so every run and every host computes the same numbers. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The share of `paths` simulated futures of the series that end below `floor` times its last price. */
function lossProbability(prices: Float64Array, seed: number, paths: number, floor: number): number {
  const next = random(seed);
  const returns = new Float64Array(prices.length - 1);
  for (let i = 1; i < prices.length; i++) returns[i - 1] = prices[i]! / prices[i - 1]! - 1;
  let losses = 0;
  for (let p = 0; p < paths; p++) {
    let value = 1;
    for (let step = 0; step < 250; step++) value *= 1 + returns[Math.floor(next() * returns.length)]!;
    if (value < floor) losses++;
  }
  return losses / paths;
}

export class RiskFeatures {
  @node({ doc: 'A synthetic daily price series.' })
  prices(days: number): Float64Array {
    const next = random(7);
    const prices = new Float64Array(days);
    prices[0] = 100;
    for (let i = 1; i < days; i++) prices[i] = prices[i - 1]! * (1 + (next() - 0.495) * 0.04);
    return prices;
  }

  @node()
  lossRiskA(prices: Float64Array, paths: number): number {
    return lossProbability(prices, 1, paths, 0.9);
  }

  @node()
  lossRiskB(prices: Float64Array, paths: number): number {
    return lossProbability(prices, 2, paths, 0.9);
  }

  @node()
  lossRiskC(prices: Float64Array, paths: number): number {
    return lossProbability(prices, 3, paths, 0.8);
  }

  @node()
  lossRiskD(prices: Float64Array, paths: number): number {
    return lossProbability(prices, 4, paths, 0.8);
  }

  @node()
  lossRiskE(prices: Float64Array, paths: number): number {
    return lossProbability(prices, 5, paths, 0.7);
  }

  @node()
  lossRiskF(prices: Float64Array, paths: number): number {
    return lossProbability(prices, 6, paths, 0.7);
  }

  @node({ doc: 'The mean loss probability of the six estimates.' })
  meanLossRisk(lossRiskA: number, lossRiskB: number, lossRiskC: number, lossRiskD: number, lossRiskE: number, lossRiskF: number): number {
    return (lossRiskA + lossRiskB + lossRiskC + lossRiskD + lossRiskE + lossRiskF) / 6;
  }
}
