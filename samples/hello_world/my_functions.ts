/**
 * The features: each method's name is the value it produces, its parameters
 * are the values it needs. Nothing here knows about the others' code.
 */
import { node, saveTo, source, tag } from 'hamilton-ts';

/** Mean of a window ending at each row; NaN until the window is full (as pandas' rolling). */
function rollingMean(values: Float64Array, window: number): Float64Array {
  return values.map((_, i) => {
    if (i + 1 < window) return NaN;
    let sum = 0;
    for (let k = i + 1 - window; k <= i; k++) sum += values[k]!;
    return sum / window;
  });
}

/** The column moved down by `weeks`, NaN where there is no earlier value. */
function shift(values: Float64Array, weeks: number): Float64Array {
  return values.map((_, i) => (i >= weeks ? values[i - weeks]! : NaN));
}

export class Marketing {
  @node({ doc: 'Rolling three-week average of spend.' })
  avgThreeWeekSpend(spend: Float64Array): Float64Array {
    return rollingMean(spend, 3);
  }

  // Requesting `save.spendPerSignup` writes this column to the file named by input (or config) `kpiPath`.
  @saveTo.csv({ path: source('kpiPath') })
  @tag({ owner: 'marketing-analytics', kpi: 'true' })
  @node({ doc: 'Spend per signup, week by week.' })
  spendPerSignup(spend: Float64Array, signups: Float64Array): Float64Array {
    return spend.map((s, i) => s / signups[i]!);
  }

  @node({ doc: 'Spend three weeks earlier.' })
  spendShift3Weeks(spend: Float64Array): Float64Array {
    return shift(spend, 3);
  }

  @tag({ owner: 'marketing-analytics' })
  @node({ doc: 'Signups against the spend of three weeks earlier.' })
  spendShift3WeeksPerSignup(spendShift3Weeks: Float64Array, signups: Float64Array): Float64Array {
    return spendShift3Weeks.map((s, i) => s / signups[i]!);
  }

  @node({ doc: 'Mean weekly spend.' })
  spendMean(spend: Float64Array): number {
    return spend.reduce((a, b) => a + b, 0) / spend.length;
  }

  @node({ doc: 'Spend minus its mean.' })
  spendZeroMean(spend: Float64Array, spendMean: number): Float64Array {
    return spend.map((s) => s - spendMean);
  }

  @node({ doc: 'Sample standard deviation of spend.' })
  spendStdDev(spend: Float64Array, spendMean: number): number {
    const squares = spend.reduce((acc, s) => acc + (s - spendMean) ** 2, 0);
    return Math.sqrt(squares / (spend.length - 1));
  }

  @tag({ owner: 'data-science' })
  @node({ doc: 'Spend scaled to zero mean and unit variance.' })
  spendZeroMeanUnitVariance(spendZeroMean: Float64Array, spendStdDev: number): Float64Array {
    return spendZeroMean.map((s) => s / spendStdDev);
  }
}
