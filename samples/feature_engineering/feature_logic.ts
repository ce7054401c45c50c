/**
 * Hamilton's `examples/data_quality/simple/feature_logic.py`, in TypeScript:
 * the same features and the same checks. The one-hot encodings have two
 * implementations chosen by config `execution` (plain loops, or arquero
 * verbs), as the original has pandas, Spark and Dask ones; each encoding's
 * columns become nodes, filled with 0 when the data has no row of that value.
 */
import { escape, table, type ColumnTable } from 'arquero';
import { checkOutput, config, extractColumns, node } from 'hamilton-ts';

/** The checks Hamilton's sample puts on every 0/1 feature. */
const binary = { dataType: 'integer', valuesIn: [0, 1], allowNaNs: false } as const;

const SEASONS = ['seasons1', 'seasons2', 'seasons3', 'seasons4'] as const;
const WEEKDAYS = ['dayOfTheWeek2', 'dayOfTheWeek3', 'dayOfTheWeek4', 'dayOfTheWeek5', 'dayOfTheWeek6'] as const;

/** The distinct values, in ascending order (pandas' get_dummies makes one column per value found). */
function distinct(values: readonly number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

/** One 0/1 column per distinct value, named prefix + value, by plain loops. */
function oneHot(values: readonly number[], prefix: string): ColumnTable {
  return table(Object.fromEntries(distinct(values).map((v) => [`${prefix}${v}`, values.map((x) => (x === v ? 1 : 0))])));
}

/** The same encoding with arquero's derive, one expression per value. */
function oneHotColumnar(values: readonly number[], prefix: string): ColumnTable {
  const derived = distinct(values).map((v) => [`${prefix}${v}`, escape((d: { x: number }) => (d.x === v ? 1 : 0))] as const);
  return table({ x: values }).derive(Object.fromEntries(derived)).select(derived.map(([name]) => name));
}

/** The features and checks of Hamilton's data-quality example. */
export class AbsenteeismFeatures {
  @checkOutput({ range: [20, 60], dataType: 'number' })
  @node({ doc: 'Average of age.' })
  ageMean(age: number[]): number {
    return age.reduce((a, b) => a + b, 0) / age.length;
  }

  @checkOutput({ range: [-120, 120], dataType: 'number', allowNaNs: false })
  @node({ doc: 'Zero mean of age.' })
  ageZeroMean(age: number[], ageMean: number): number[] {
    return age.map((a) => a - ageMean);
  }

  @checkOutput({ range: [0, 40], dataType: 'number' })
  @node({ doc: 'Standard deviation of age (the sample one, as pandas computes it).' })
  ageStdDev(age: number[], ageMean: number): number {
    return Math.sqrt(age.reduce((acc, a) => acc + (a - ageMean) ** 2, 0) / (age.length - 1));
  }

  @checkOutput({ range: [-4, 4], dataType: 'number', allowNaNs: false })
  @node({ doc: 'Zero mean unit variance value of age.' })
  ageZeroMeanUnitVariance(ageZeroMean: number[], ageStdDev: number): number[] {
    return ageZeroMean.map((a) => a / ageStdDev);
  }

  @config.whenNotIn({ execution: ['columnar'] })
  @checkOutput(binary)
  @extractColumns(...SEASONS, { fillWith: 0 })
  @node({ doc: 'One-hot seasons: 1 summer, 2 autumn, 3 winter, 4 spring.' })
  seasonsEncoded__base(seasons: number[]): ColumnTable {
    return oneHot(seasons, 'seasons');
  }

  @config.whenIn({ execution: ['columnar'] })
  @checkOutput(binary)
  @extractColumns(...SEASONS, { fillWith: 0 })
  @node({ doc: 'One-hot seasons: 1 summer, 2 autumn, 3 winter, 4 spring.' })
  seasonsEncoded__columnar(seasons: number[]): ColumnTable {
    return oneHotColumnar(seasons, 'seasons');
  }

  @config.whenNotIn({ execution: ['columnar'] })
  @checkOutput(binary)
  @extractColumns(...WEEKDAYS, { fillWith: 0 })
  @node({ doc: 'One-hot day of the week, Monday (2) to Friday (6); weekends are not in the data.' })
  dayOfWeekEncoded__base(dayOfTheWeek: number[]): ColumnTable {
    return oneHot(dayOfTheWeek, 'dayOfTheWeek');
  }

  @config.whenIn({ execution: ['columnar'] })
  @checkOutput(binary)
  @extractColumns(...WEEKDAYS, { fillWith: 0 })
  @node({ doc: 'One-hot day of the week, Monday (2) to Friday (6); weekends are not in the data.' })
  dayOfWeekEncoded__columnar(dayOfTheWeek: number[]): ColumnTable {
    return oneHotColumnar(dayOfTheWeek, 'dayOfTheWeek');
  }

  @checkOutput(binary)
  @node({ doc: 'Whether someone has any children.' })
  hasChildren(son: number[]): number[] {
    return son.map((s) => (s > 0 ? 1 : 0));
  }

  @checkOutput(binary)
  @node({ doc: 'Whether someone has any pets.' })
  hasPet(pet: number[]): number[] {
    return pet.map((p) => (p > 0 ? 1 : 0));
  }

  @checkOutput(binary)
  @node({ doc: 'Is it summer in Brazil, i.e. December, January or February?' })
  isSummer(monthOfAbsence: number[]): number[] {
    return monthOfAbsence.map((m) => ([1, 2, 12].includes(m) ? 1 : 0));
  }
}
