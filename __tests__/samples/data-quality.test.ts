// The data-quality sample: its embedded survey has real mistakes, and the checks find exactly those.
import { describe, expect, it } from '@jest/globals';
import pino from 'pino';
import { Builder, DataValidationError, ValidationReporter, type ValidationResult } from '../../lib/index.js';
import { silent } from '../support.js';
import { Survey } from '../../samples/data_quality/data_loaders.js';
import { HeightFeatures } from '../../samples/data_quality/height_features.js';

function capture() {
  const records: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write(line: string) { records.push(JSON.parse(line)); } });
  return { records, logger };
}

describe('samples/data_quality', () => {
  it('logs one record per check and finds the data mistakes, independently recomputed', async () => {
    const { records, logger } = capture();
    const reporter = new ValidationReporter();
    const dr = new Builder().withModules(Survey, HeightFeatures).withLogger(logger).withAdapters(reporter).build();
    const { survey, height } = await dr.execute(['survey', 'height', 'heightZeroMeanUnitVariance']) as {
      survey: { array(c: string): ArrayLike<unknown> }; height: Float64Array;
    };

    const ages = Array.from(survey.array('age') as ArrayLike<number>);
    const badAges = ages.filter((a) => !(a >= 0 && a <= 120)).length;
    const missingHeights = Array.from(survey.array('height')).filter((h) => h === null || h === undefined).length;
    const heightsOutside = Array.from(height).filter((h) => !(h >= 100 && h <= 250)).length;
    expect(badAges).toBeGreaterThan(0);
    expect(missingHeights).toBeGreaterThan(0);

    const dq = records.filter((r) => 'validator' in r) as unknown as (ValidationResult & { runId: string })[];
    expect(dq).toHaveLength(6);
    expect(new Set(dq.map((r) => r.runId)).size).toBe(1);
    const find = (node: string, validator: string, column?: string) => dq.find((r) => r.node === node && r.validator === validator && r.column === column)!;
    expect(find('survey', 'range_validator', 'age').diagnostics.failures).toBe(badAges);
    expect(find('survey', 'allow_null_validator', 'height').diagnostics.failures).toBe(missingHeights);
    expect(find('height', 'range_validator').diagnostics.failures).toBe(heightsOutside);
    expect(find('heightStdDev', 'positive_spread_validator').passed).toBe(true);

    const report = reporter.report();
    expect(report.totals.checks).toBe(6);
    expect(report.totals.failed).toBe(dq.filter((r) => !r.passed).length);
  });

  it('stops with a DataValidationError on the first checked node when importance is forced to fail', async () => {
    const strict = new Builder().withModules(Survey, HeightFeatures).withLogger(silent).withDataQuality({ importance: 'fail' }).build();
    const error = await strict.execute(['heightZeroMeanUnitVariance']).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(DataValidationError);
    expect((error as DataValidationError).node).toBe('survey');
    expect((error as DataValidationError).origin).toBe('Survey.survey');
    expect((error as DataValidationError).results.map((r) => r.column).sort()).toEqual(['age', 'height']);
  });
});
