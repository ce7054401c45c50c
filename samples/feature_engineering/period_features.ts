/**
 * Features by period. Config `period` chooses what a period is (a month, or a
 * season) and, through `@resolve`, which period totals exist at all: four
 * quarters for months, four seasons for seasons. One method makes the totals
 * tables for two groupings, whose columns become nodes.
 */
import { table, type ColumnTable } from 'arquero';
import { config, node, parameterizeExtractColumns, parameterizeValues, resolve, source, tag } from 'hamilton-ts';

/**
 * The period buckets `@resolve` turns into nodes, for each value of config `period`.
 *
 * @example
 * Object.keys(PERIOD_BUCKETS.month!); // ['q1Load', 'q2Load', 'q3Load', 'q4Load']
 */
export const PERIOD_BUCKETS: Readonly<Record<string, Readonly<Record<string, readonly number[]>>>> = {
  month: { q1Load: [1, 2, 3], q2Load: [4, 5, 6], q3Load: [7, 8, 9], q4Load: [10, 11, 12] },
  season: { summerLoad: [1], autumnLoad: [2], winterLoad: [3], springLoad: [4] },
};

/** What a period is, the totals per period that config asks for, and totals tables by period and weekday. */
export class PeriodFeatures {
  @config.when({ period: 'month' })
  @node({ doc: 'The period of each absence: its month.' })
  periodKey__month(monthOfAbsence: number[]): number[] {
    return monthOfAbsence;
  }

  @config.whenNot({ period: 'month' })
  @node({ doc: 'The period of each absence: its season.' })
  periodKey__season(seasons: number[]): number[] {
    return seasons;
  }

  @tag({ owner: 'people-analytics', grain: 'period' })
  @resolve({
    when: 'configAvailable',
    decorateWith: ({ period }) => parameterizeValues('bucket', PERIOD_BUCKETS[String(period)] ?? PERIOD_BUCKETS.season!),
  })
  @node({ doc: 'Total absence load of the periods {bucket}.' })
  loadIn(periodKey: number[], absenceLoad: number[], bucket: readonly number[]): number {
    return absenceLoad.reduce((sum, l, i) => (bucket.includes(periodKey[i]!) ? sum + l : sum), 0);
  }

  @parameterizeExtractColumns(
    { outputs: ['periods', 'loadByPeriod', 'absencesByPeriod'], inputs: { key: source('periodKey') } },
    { outputs: ['weekdays', 'loadByWeekday', 'absencesByWeekday'], inputs: { key: source('dayOfTheWeek') } },
  )
  @node({ doc: 'Per value of key, ascending: the total absence load and the number of absences.' })
  totalsBy(key: number[], absenceLoad: number[]): ColumnTable {
    const keys = [...new Set(key)].sort((a, b) => a - b);
    const load = keys.map((k) => absenceLoad.reduce((s, l, i) => (key[i] === k ? s + l : s), 0));
    const count = keys.map((k) => key.filter((x) => x === k).length);
    return table({ key: keys, load, count });
  }
}
