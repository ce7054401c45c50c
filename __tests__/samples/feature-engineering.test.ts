// The feature-engineering sample: both config variants, every modifier's nodes, and features recomputed by hand from the embedded rows.
import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ColumnTable } from 'arquero';
import { ValidationReporter } from '../../lib/index.js';
import { silent } from '../support.js';
import { ABSENCES_CSV } from '../../samples/feature_engineering/data.js';
import { buildDriver, DAG_OUTPUTS, VARIANTS, type Variant } from '../../samples/feature_engineering/pipeline.js';

// The embedded file, read by hand: one array per original header position.
const rows = ABSENCES_CSV.trim().split('\n').slice(1).map((l) => l.split(';').map(Number));
const col = (k: number) => rows.map((r) => r[k]!);
const [reason, month, weekday, season, transport, distance, service, age] = [1, 2, 3, 4, 5, 6, 7, 8].map(col) as number[][];
const [workLoad, son, drinker, smoker, pet, weight, height, hours] = [9, 13, 14, 15, 16, 17, 18, 20].map(col) as number[][];

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const avg = (xs: number[]) => sum(xs) / xs.length;
const sd = (xs: number[]) => Math.sqrt(sum(xs.map((x) => (x - avg(xs)) ** 2)) / (xs.length - 1));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const loadOf = (variant: Variant) => hours!.map((h) => Math.min(h, 40) / (variant === 'seasonal' ? 8 : 1));
const where = (xs: number[], mask: number[]) => xs.filter((_, i) => mask[i] === 1);
const closeTo = (xs: number[]) => xs.map((x) => expect.closeTo(x, 10));

async function run(variant: Variant, outputs: string[]) {
  return buildDriver(variant, { logger: silent }).execute(outputs) as Promise<Record<string, unknown>>;
}

describe('samples/feature_engineering', () => {
  it('has the shape of the original file: 24 absences, 21 columns, no Friday, two loads above the 40-hour cap', () => {
    expect(rows).toHaveLength(24);
    expect(rows.every((r) => r.length === 21)).toBe(true);
    expect(weekday).not.toContain(6);
    expect(hours!.filter((h) => h > 40)).toEqual([120, 56]);
  });

  it("extracts the 21 columns from either loader (config execution), and both loaders' tables are equal", async () => {
    const base = await run('monthly', ['rawData', 'age', 'absenteeismTimeInHours', 'workLoadAveragePerDay']);
    const columnar = await run('seasonal', ['rawData', 'age', 'absenteeismTimeInHours', 'workLoadAveragePerDay']);
    expect((base.rawData as ColumnTable).numCols()).toBe(21);
    expect((base.rawData as ColumnTable).objects()).toEqual((columnar.rawData as ColumnTable).objects());
    expect([base.age, base.absenteeismTimeInHours, base.workLoadAveragePerDay]).toEqual([age, hours, workLoad]);
    const origin = (v: Variant, name: string) => buildDriver(v, { logger: silent }).listAvailableVariables().find((n) => n.name === name)!.origin;
    expect([origin('monthly', 'rawData'), origin('seasonal', 'rawData')]).toEqual(['AbsenceData.rawData__base', 'AbsenceData.rawData__columnar']);
    expect([origin('monthly', 'dayOfWeekEncoded'), origin('seasonal', 'dayOfWeekEncoded')]).toEqual([
      'AbsenteeismFeatures.dayOfWeekEncoded__base',
      'AbsenteeismFeatures.dayOfWeekEncoded__columnar',
    ]);
  });

  it("computes Hamilton's data-quality features as the original does, in both variants", async () => {
    for (const variant of Object.keys(VARIANTS) as Variant[]) {
      const out = await run(variant, ['ageMean', 'ageStdDev', 'ageZeroMeanUnitVariance', 'hasChildren', 'hasPet', 'isSummer', 'seasons1', 'seasons3', 'dayOfTheWeek2', 'dayOfTheWeek6']);
      expect(out.ageMean).toBeCloseTo(avg(age!), 12);
      expect(out.ageStdDev).toBeCloseTo(sd(age!), 12);
      expect(out.ageZeroMeanUnitVariance).toEqual(closeTo(age!.map((a) => (a - avg(age!)) / sd(age!))));
      expect(out.hasChildren).toEqual(son!.map((s) => Number(s > 0)));
      expect(out.hasPet).toEqual(pet!.map((p) => Number(p > 0)));
      expect(out.isSummer).toEqual(month!.map((m) => Number(m === 12 || m <= 2)));
      expect(out.seasons1).toEqual(season!.map((s) => Number(s === 1)));
      expect(out.seasons3).toEqual(season!.map((s) => Number(s === 3)));
      expect(out.dayOfTheWeek2).toEqual(weekday!.map((d) => Number(d === 2)));
      // No absence on a Friday: the encoding has no such column, and fillWith gives 0 on every row.
      expect(out.dayOfTheWeek6).toEqual(new Array(24).fill(0));
    }
  });

  it('pipes the hours through the cap, and through the days step only when unit is days', async () => {
    for (const variant of Object.keys(VARIANTS) as Variant[]) {
      const { absenceLoad, absenceRate } = await run(variant, ['absenceLoad', 'absenceRate']);
      expect(absenceLoad).toEqual(loadOf(variant));
      expect(absenceRate).toEqual(loadOf(variant).map((l, i) => Math.round((l / Math.max(service![i]!, 1)) * 1000) / 1000));
    }
    const names = (v: Variant) => buildDriver(v, { logger: silent }).listAvailableVariables().map((n) => n.name);
    expect(names('monthly')).toContain('absenceLoad.capped');
    expect(names('monthly')).not.toContain('absenceLoad.inDays');
    expect(names('seasonal')).toContain('absenceLoad.inDays');
    expect(names('seasonal')).toEqual(expect.arrayContaining(['absenceRate.raw', 'absenceRate.with_rounded']));
  });

  it('makes the period totals config asks for: quarters by month, seasons by season', async () => {
    const load = loadOf('monthly');
    const inMonths = (ms: number[]) => sum(load.filter((_, i) => ms.includes(month![i]!)));
    const monthly = await run('monthly', ['q1Load', 'q3Load', 'q4Load', 'periods', 'loadByPeriod', 'absencesByPeriod']);
    expect([monthly.q1Load, monthly.q3Load, monthly.q4Load]).toEqual([inMonths([1, 2, 3]), inMonths([7, 8, 9]), inMonths([10, 11, 12])]);
    expect(monthly.periods).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(monthly.loadByPeriod).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => inMonths([m])));
    expect(monthly.absencesByPeriod).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => month!.filter((x) => x === m).length));

    const days = loadOf('seasonal');
    const seasonal = await run('seasonal', ['summerLoad', 'winterLoad', 'loadByPeriod', 'weekdays', 'loadByWeekday']);
    expect(seasonal.summerLoad).toBe(sum(days.filter((_, i) => season![i] === 1)));
    expect(seasonal.winterLoad).toBe(sum(days.filter((_, i) => season![i] === 3)));
    expect(seasonal.loadByPeriod).toEqual([1, 2, 3, 4].map((s) => sum(days.filter((_, i) => season![i] === s))));
    expect(seasonal.weekdays).toEqual([2, 3, 4, 5]);
    expect(seasonal.loadByWeekday).toEqual([2, 3, 4, 5].map((d) => sum(days.filter((_, i) => weekday![i] === d))));

    const names = (v: Variant) => buildDriver(v, { logger: silent }).listAvailableVariables().map((n) => n.name);
    expect(names('monthly')).not.toContain('summerLoad');
    expect(names('seasonal')).not.toContain('q1Load');
  });

  it('computes the employee features by hand: flags, reasons, winsorised z-scores, lifestyle, summaries', async () => {
    const out = await run('monthly', [
      'isOverweight', 'livesFar', 'isLongAbsence', 'isMedicalConsultation', 'isDentalConsultation', 'distanceZ', 'workLoadZ', 'transportExpenseZ',
      'lifestyleScore', 'transportationExpenseMean', 'serviceTimeMean', 'totalLoad', 'meanLoad', 'topReason', 'loadMedian', 'loadP90',
    ]);
    expect(out.isOverweight).toEqual(col(19).map((b) => Number(b > 25)));
    expect(out.livesFar).toEqual(distance!.map((d) => Number(d > 25)));
    expect(out.isLongAbsence).toEqual(hours!.map((h) => Number(h > VARIANTS.monthly.longAbsenceHours)));
    expect(out.isMedicalConsultation).toEqual(reason!.map((r) => Number(r === 23)));
    expect(out.isDentalConsultation).toEqual(reason!.map((r) => Number(r === 28)));
    const z = (xs: number[]) => xs.map((x) => Math.max(-2, Math.min(2, (x - avg(xs)) / sd(xs))));
    expect(out.distanceZ).toEqual(closeTo(z(distance!)));
    expect(out.workLoadZ).toEqual(closeTo(z(workLoad!)));
    expect(out.transportExpenseZ).toEqual(closeTo(z(transport!)));
    // The winsorising step matters on this data: the farthest commute is more than 2 standard deviations out.
    expect((out.distanceZ as number[]).filter((v) => v === 2)).toHaveLength(3);
    expect(out.lifestyleScore).toEqual(rows.map((_, i) => Number(son![i]! > 0) + Number(pet![i]! > 0) + drinker![i]! + smoker![i]!));
    expect(out.transportationExpenseMean).toBeCloseTo(avg(transport!), 12);
    expect(out.serviceTimeMean).toBeCloseTo(avg(service!), 12);
    const load = loadOf('monthly');
    expect([out.totalLoad, out.meanLoad, out.topReason]).toEqual([sum(load), avg(load), 23]);
    expect(reason!.filter((r) => r === 23).length).toBeGreaterThan(reason!.filter((r) => r === 28).length);
    expect(out.loadMedian).toBe(median(load));
    const sorted = [...load].sort((a, b) => a - b);
    expect(out.loadP90).toBeCloseTo(sorted[20]! + (sorted[21]! - sorted[20]!) * 0.7, 12);
  });

  it('appends the body-mass columns computed by withColumns', async () => {
    const { bodyFrame, bmiGapMax } = await run('monthly', ['bodyFrame', 'bmiGapMax']);
    const t = bodyFrame as ColumnTable;
    expect(t.columnNames()).toEqual(['id', 'weight', 'height', 'bodyMassIndex', 'bmiComputed', 'bmiGap']);
    const bmi = weight!.map((w, i) => w / (height![i]! / 100) ** 2);
    expect(t.array('bmiComputed')).toEqual(closeTo(bmi));
    expect(bmiGapMax).toBeCloseTo(Math.max(...col(19).map((b, i) => Math.abs(b - bmi[i]!))), 12);
  });

  it('computes the cohorts of the subdags, each with its own config', async () => {
    for (const variant of Object.keys(VARIANTS) as Variant[]) {
      const load = loadOf(variant);
      const long = hours!.map((h) => Number(h > 8));
      const out = await run(variant, ['longAbsences', 'smokers', 'drinkers', 'parents']);
      expect(out.longAbsences).toEqual({ members: 5, typicalLoad: median(where(load, long)), shareOfLoad: expect.closeTo(sum(where(load, long)) / sum(load), 12) });
      expect(out.smokers).toBeCloseTo(avg(where(load, smoker!)), 12);
      expect(out.drinkers).toBeCloseTo(avg(where(load, drinker!)), 12);
      expect(out.parents).toBeCloseTo(avg(where(load, son!.map((s) => Number(s > 0)))), 12);
    }
  });

  it('makes the nodes of every modifier, and checks the table before its columns are read', async () => {
    const dr = buildDriver('seasonal', { logger: silent });
    const info = new Map(dr.listAvailableVariables().map((n) => [n.name, n]));
    for (const name of [
      'rawData_raw', 'rawData_absenteeismTimeInHours_range_validator', // checkOutput with target
      'seasons4', 'dayOfTheWeek6_values_in_validator', // extractColumns with a check on each column
      'totalsBy__0', 'totalsBy__1', 'absencesByWeekday', // parameterizeExtractColumns
      'transportExpenseZ.raw', 'transportExpenseZ.with_winsorised', // mutate
      'bodyFrame.weight', 'bodyFrame.bmiComputed', 'bodyFrame._append', // withColumns
      'longAbsences.mask', 'longAbsences.loadStatistic', 'smokers.typicalLoad', 'parents.shareOfLoad', // subdag, parameterizedSubdag
      'absenceSummary', 'topReason', 'loadQuantiles', 'loadP90', // extractFields, unpackFields
    ]) expect(info.has(name)).toBe(true);
    expect(info.get('isLongAbsence')!.tags).toMatchObject({ owner: 'hr-operations' });
    expect(info.get('isMedicalConsultation')!.tags).toMatchObject({ owner: 'people-analytics', frequent: 'true' });
    expect(info.get('isDentalConsultation')!.tags.frequent).toBeUndefined();
    expect(info.get('winterLoad')!.tags).toMatchObject({ grain: 'period' });
    expect(info.get('winterLoad')!.doc).toBe('Total absence load of the periods [3].');
    expect(info.get('smokers.typicalLoad')!.origin).toBe('CohortStats.typicalLoad__mean');
    expect(info.get('longAbsences.typicalLoad')!.origin).toBe('CohortStats.typicalLoad__median');
    expect(dr.whatIsUpstreamOf('age').map((n) => n.name)).toContain('rawData_age_range_validator');

    const reporter = new ValidationReporter();
    await buildDriver('seasonal', { logger: silent, hooks: [reporter] }).execute(['age']);
    const failed = Object.values(reporter.report().nodes).flat().filter((r) => !r.passed);
    expect(failed.map((r) => [r.node, r.column, r.diagnostics.failures])).toEqual([['rawData', 'absenteeismTimeInHours', hours!.filter((h) => h > 40).length]]);
  });

  it("draws the README's picture: subdag and withColumns clusters, the pipe steps beside absenceLoad", () => {
    const dot = buildDriver('seasonal', { logger: silent }).toDot({ outputs: DAG_OUTPUTS });
    const clusters = [...dot.matchAll(/^ {2}subgraph "cluster_ns_\d+" \{\n {4}label=<([^>]*)>/gm)].map((m) => m[1]);
    expect(clusters.sort()).toEqual(['bodyFrame', 'longAbsences', 'smokers']);
    expect(dot).toMatch(/^ {2}"absenceLoad\.inDays" \[label=<absenceLoad\.inDays>, shape=box, style="rounded,filled,dashed"/m);
    expect(dot).toContain('"absenceLoad.capped" -> "absenceLoad.inDays" [weight=8];');
  });

  it('runs as `npm run sample:feature-engineering` and prints both variants with these values', async () => {
    const runTs = fileURLToPath(new URL('../../samples/feature_engineering/run.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ['--no-warnings', '--conditions=source', '--loader', 'ts-node/esm', runTs], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
    });
    const [monthly, seasonal] = stdout.split(/^=== /m).slice(1) as [string, string];
    const printed = (text: string, name: string) => Number(new RegExp(`^  ${name}: (\\S+)$`, 'm').exec(text)?.[1]);
    const load = loadOf('monthly');
    expect(monthly).toMatch(/^monthly: config/);
    expect(printed(monthly, 'q3Load')).toBe(sum(load.filter((_, i) => [7, 8, 9].includes(month![i]!))));
    expect(printed(monthly, 'totalLoad')).toBe(sum(load));
    expect(printed(monthly, 'ageMean')).toBe(Number(avg(age!).toFixed(3)));
    expect(monthly).toContain('absenceLoad pipe: absenceLoad.capped → absenceLoad\n');
    expect(seasonal).toMatch(/^seasonal: config/);
    expect(printed(seasonal, 'winterLoad')).toBe(Number(sum(loadOf('seasonal').filter((_, i) => season![i] === 3)).toFixed(3)));
    expect(seasonal).toContain('absenceLoad pipe: absenceLoad.capped → absenceLoad.inDays → absenceLoad\n');
    expect(seasonal).toContain('rawData from AbsenceData.rawData__columnar');
    expect(stdout.match(/warning: rawData\.absenteeismTimeInHours range_validator: 2 of 24 values are outside \[0, 40\]/g)).toHaveLength(2);
  }, 120_000);
});
