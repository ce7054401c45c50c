/**
 * Height features, as in Hamilton's data-quality example. Missing values are
 * skipped by the mean and the standard deviation (as pandas does), and stay
 * NaN in the per-person features.
 */
import { checkOutput, checkOutputCustom, node, tag, type Validator } from 'hamilton-ts';

/** A team-written check: a spread of zero would divide by zero downstream. */
const positiveSpread: Validator = {
  name: 'positive_spread_validator',
  importance: 'fail',
  description: 'The standard deviation is a positive, finite number.',
  appliesTo: (value) => typeof value === 'number',
  validate: (value) => {
    const sd = value as number;
    const passed = Number.isFinite(sd) && sd > 0;
    return { passed, message: passed ? `spread ${sd.toFixed(2)} is positive` : `spread ${sd} would make every scaled value NaN or infinite`, diagnostics: { standardDeviation: sd } };
  },
};

function present(values: Float64Array): Float64Array {
  return values.filter((v) => !Number.isNaN(v));
}

export class HeightFeatures {
  @node({ doc: 'Mean height, skipping missing values.' })
  heightMean(height: Float64Array): number {
    const known = present(height);
    return known.reduce((a, b) => a + b, 0) / known.length;
  }

  @node({ doc: 'Height minus the mean height.' })
  heightZeroMean(height: Float64Array, heightMean: number): Float64Array {
    return height.map((h) => h - heightMean);
  }

  @checkOutputCustom(positiveSpread)
  @node({ doc: 'Sample standard deviation of height, skipping missing values.' })
  heightStdDev(heightZeroMean: Float64Array): number {
    const known = present(heightZeroMean);
    return Math.sqrt(known.reduce((acc, d) => acc + d * d, 0) / (known.length - 1));
  }

  @tag({ owner: 'data-science', pii: 'false' })
  @checkOutput({ dataType: 'number', range: [-5, 5], importance: 'warn' })
  @node({ doc: 'Height scaled to zero mean and unit variance.' })
  heightZeroMeanUnitVariance(heightZeroMean: Float64Array, heightStdDev: number): Float64Array {
    return heightZeroMean.map((h) => h / heightStdDev);
  }
}
