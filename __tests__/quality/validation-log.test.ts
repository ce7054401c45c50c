import { describe, expect, it } from '@jest/globals';
import pino from 'pino';
import { Builder, checkOutput, node, type LifecycleHooks } from '../../lib/index.js';

/** A pino logger whose records land in `records`, parsed. */
function capture(level: pino.Level = 'info') {
  const records: Record<string, unknown>[] = [];
  const logger = pino({ level }, { write(line: string) { records.push(JSON.parse(line) as Record<string, unknown>); } });
  return { logger, records };
}

/** The record without pino's own bookkeeping fields. */
const ours = ({ time: _t, pid: _p, hostname: _h, ...rest }: Record<string, unknown>) => rest;

/** Remembers the run ids the driver hands out. */
class RunIds implements LifecycleHooks {
  ids: string[] = [];
  beforeGraphExecute({ runId }: { runId: string }) {
    this.ids.push(runId);
  }
}

class Heights {
  @checkOutput({ range: [0, 10], importance: 'warn' })
  @checkOutput({ range: [0, 5], importance: 'fail' })
  @node()
  x(a: number) {
    return a;
  }
}

describe('validation log records', () => {
  it('logs one record per check when x runs: passes at info, with exactly the result fields and the run id', async () => {
    const { logger, records } = capture();
    const runs = new RunIds();
    const dr = new Builder().withModules(Heights).withLogger(logger).withAdapters(runs).build();
    await dr.execute(['x'], { inputs: { a: 1 } });
    expect(records.map(ours)).toEqual([
      {
        level: 30,
        msg: 'data quality: x range_validator passed',
        node: 'x',
        validator: 'range_validator',
        importance: 'warn',
        passed: true,
        message: expect.any(String),
        diagnostics: expect.any(Object),
        runId: runs.ids[0],
      },
      {
        level: 30,
        msg: 'data quality: x range_validator passed',
        node: 'x',
        validator: 'range_validator',
        importance: 'fail',
        passed: true,
        message: expect.any(String),
        diagnostics: expect.any(Object),
        runId: runs.ids[0],
      },
    ]);
  });

  it('logs a failed warn check at level warn and a failed fail check at level error', async () => {
    const { logger, records } = capture();
    const dr = new Builder().withModules(Heights).withLogger(logger).build();
    await expect(dr.execute(['x'], { inputs: { a: 20 } })).rejects.toThrow();
    expect(records.map((r) => [r.level, r.importance, r.passed])).toEqual([
      [40, 'warn', false],
      [50, 'fail', false],
    ]);
  });

  it('logs the message and diagnostics of the results the validator nodes returned, unchanged', async () => {
    const { logger, records } = capture();
    const dr = new Builder().withModules(Heights).withLogger(logger).build();
    const out = await dr.execute(['x', 'x_range_validator', 'x_range_validator_1'], { inputs: { a: 3 } });
    const fields = (r: unknown) => ({ message: (r as { message: unknown }).message, diagnostics: (r as { diagnostics: unknown }).diagnostics });
    expect(records.map(fields)).toEqual([fields(out.x_range_validator), fields(out.x_range_validator_1)]);
  });

  it('puts the column in the record of a per-column check', async () => {
    const { table } = await import('arquero');
    class T {
      @checkOutput({ columns: { a: { range: [0, 1] } } })
      @node()
      t() {
        return table({ a: [0.5, 2] });
      }
    }
    const { logger, records } = capture();
    await new Builder().withModules(T).withLogger(logger).build().execute(['t']);
    expect(records.map(ours)).toEqual([
      expect.objectContaining({ level: 40, msg: 'data quality: t.a range_validator failed', node: 't', column: 'a', passed: false }),
    ]);
    expect(Object.keys(records[0]!).sort()).toEqual(
      ['column', 'diagnostics', 'hostname', 'importance', 'level', 'message', 'msg', 'node', 'passed', 'pid', 'runId', 'time', 'validator'].sort(),
    );
  });

  it('writes nothing for passing checks when the logger level is warn', async () => {
    const { logger, records } = capture('warn');
    const dr = new Builder().withModules(Heights).withLogger(logger).build();
    await dr.execute(['x'], { inputs: { a: 1 } });
    expect(records).toEqual([]);
  });

  it('does not log when only validator nodes run, since x is what acts on results', async () => {
    const { logger, records } = capture();
    const dr = new Builder().withModules(Heights).withLogger(logger).build();
    await dr.execute(['x_range_validator'], { inputs: { a: 20 } });
    expect(records).toEqual([]);
  });

  it('logs each check once per run, with that run id', async () => {
    const { logger, records } = capture();
    const runs = new RunIds();
    const dr = new Builder().withModules(Heights).withLogger(logger).withAdapters(runs).build();
    await dr.execute(['x'], { inputs: { a: 1 } });
    await dr.execute(['x'], { inputs: { a: 2 } });
    expect(runs.ids[0]).not.toBe(runs.ids[1]);
    expect(records.map((r) => r.runId)).toEqual([runs.ids[0], runs.ids[0], runs.ids[1], runs.ids[1]]);
  });
});
