import { describe, expect, it } from '@jest/globals';
import { Builder, DataValidationError, ValidationReporter, checkOutput, checkOutputCustom, formatReport, node, type Validator } from '../../lib/index.js';
import { silent } from '../support.js';

const alwaysFails: Validator = { name: 'strict_validator', importance: 'fail', validate: () => ({ passed: false, message: 'never good enough' }) };

class Heights {
  @checkOutput({ range: [0, 10], importance: 'warn' })
  @checkOutput({ range: [0, 100], importance: 'warn' })
  @node()
  height(a: number) {
    return a;
  }

  @checkOutput({ range: [0, 1], importance: 'warn' })
  @node()
  ratio(height: number) {
    return height / 100;
  }

  @checkOutputCustom(alwaysFails)
  @node()
  strict(ratio: number) {
    return ratio;
  }
}

function build(reporter: ValidationReporter) {
  return new Builder().withModules(Heights).withLogger(silent).withAdapters(reporter).build();
}

describe('ValidationReporter', () => {
  it('collects every result of a run per checked node, with totals', async () => {
    const reporter = new ValidationReporter();
    await build(reporter).execute(['ratio'], { inputs: { a: 50 } });
    const report = reporter.report();
    expect(report.runId).toBe(reporter.runIds()[0]);
    expect(report.totals).toEqual({ checks: 3, passed: 2, failed: 1, warnings: 1, failures: 0 });
    expect(Object.keys(report.nodes)).toEqual(['height', 'ratio']);
    expect(report.nodes.height!.map((r) => [r.validator, r.passed])).toEqual([
      ['range_validator', false],
      ['range_validator', true],
    ]);
    expect(report.nodes.ratio).toEqual([
      { node: 'ratio', validator: 'range_validator', importance: 'warn', passed: true, message: expect.any(String), diagnostics: expect.any(Object) },
    ]);
  });

  it('keeps the results of a run that stopped on a failed fail check', async () => {
    const reporter = new ValidationReporter();
    await expect(build(reporter).execute(['strict'], { inputs: { a: 5 } })).rejects.toThrow(DataValidationError);
    expect(reporter.report().totals).toEqual({ checks: 4, passed: 3, failed: 1, warnings: 0, failures: 1 });
    expect(reporter.report().nodes.strict).toEqual([
      { node: 'strict', validator: 'strict_validator', importance: 'fail', passed: false, message: 'never good enough', diagnostics: {} },
    ]);
  });

  it('reports each run separately, the latest by default', async () => {
    const reporter = new ValidationReporter();
    const dr = build(reporter);
    await dr.execute(['height'], { inputs: { a: 5 } });
    await dr.execute(['ratio'], { inputs: { a: 500 } });
    const [first, second] = reporter.runIds();
    expect(reporter.report(first).totals).toMatchObject({ checks: 2, failed: 0 });
    expect(reporter.report(second).totals).toMatchObject({ checks: 3, failed: 3, warnings: 3 });
    expect(reporter.report().runId).toBe(second);
  });

  it('forgets the oldest runs beyond maxRuns', async () => {
    const reporter = new ValidationReporter({ maxRuns: 2 });
    const dr = build(reporter);
    for (const a of [1, 2, 3]) await dr.execute(['height'], { inputs: { a } });
    expect(reporter.runIds()).toHaveLength(2);
    reporter.clear();
    expect(reporter.runIds()).toEqual([]);
    expect(reporter.report()).toEqual({ runId: '', totals: { checks: 0, passed: 0, failed: 0, warnings: 0, failures: 0 }, nodes: {} });
  });

  it('formats a fixed-width summary table, one row per check', async () => {
    const reporter = new ValidationReporter();
    await expect(build(reporter).execute(['strict'], { inputs: { a: 50 } })).rejects.toThrow(DataValidationError);
    const lines = reporter.format().trimEnd().split('\n');
    expect(lines[0]).toBe(`Data quality report, run ${reporter.runIds()[0]}: 4 checks, 2 passed, 1 warning, 1 failure`);
    expect(lines[1]!.split(/\s{2,}/)).toEqual(['node', 'check', 'column', 'importance', 'result', 'message']);
    expect(lines[2]).toMatch(/^-+( {2}-+){5}$/);
    const rows = lines.slice(3).map((l) => l.split(/\s{2,}/).slice(0, 4));
    expect(rows).toEqual([
      ['height', 'range_validator', 'warn', 'WARNING'],
      ['height', 'range_validator', 'warn', 'passed'],
      ['ratio', 'range_validator', 'warn', 'passed'],
      ['strict', 'strict_validator', 'fail', 'FAILED'],
    ]);
    // Fixed width: every row's message starts in the same column as the header's.
    const messageAt = lines[1]!.indexOf('message');
    expect(lines.slice(3).every((l) => l.length > messageAt && l[messageAt - 1] === ' ' && l[messageAt] !== ' ')).toBe(true);
  });

  it('shows the column of per-column checks and clips long messages to one line', () => {
    const text = formatReport({
      runId: 'r1',
      totals: { checks: 1, passed: 0, failed: 1, warnings: 1, failures: 0 },
      nodes: { t: [{ node: 't', validator: 'range_validator', importance: 'warn', passed: false, message: `line one\n${'x'.repeat(200)}`, diagnostics: {}, column: 'age' }] },
    });
    const row = text.split('\n')[3]!;
    expect(row.split(/\s{2,}/).slice(0, 5)).toEqual(['t', 'range_validator', 'age', 'warn', 'WARNING']);
    expect(row).toContain('line one xxx');
    expect(row.endsWith('...')).toBe(true);
    expect(row.length).toBeLessThan(140);
  });

  it('says so when a run checked nothing', () => {
    expect(new ValidationReporter().format()).toBe('Data quality report, run (none): 0 checks, 0 passed, 0 warnings, 0 failures\n(no checks ran)\n');
  });
});
