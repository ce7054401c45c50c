import { describe, expect, it } from '@jest/globals';
import pino from 'pino';
import { Builder, DataValidationError, NodeExecutionError, checkOutput, node } from '../../lib/index.js';

function capture() {
  const records: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write(line: string) { records.push(JSON.parse(line) as Record<string, unknown>); } });
  return { logger, records };
}

/** Builds a module whose downstream node `y` notes when it runs. */
function heights(importance: 'warn' | 'fail') {
  const ran: string[] = [];
  class Heights {
    @checkOutput({ range: [0, 1], importance })
    @checkOutput({ dataType: 'string', importance })
    @checkOutput({ range: [0, 100], importance })
    @node()
    x(a: number) {
      return a;
    }

    @node()
    y(x: number) {
      ran.push('y');
      return x * 10;
    }
  }
  return { Heights, ran };
}

describe("importance 'fail'", () => {
  it('raises DataValidationError, not wrapped, carrying the node, its origin and every failed check', async () => {
    const { Heights } = heights('fail');
    const dr = new Builder().withModules(Heights).withLogger(pino({ level: 'silent' })).build();
    const error = await dr.execute(['y'], { inputs: { a: 5 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataValidationError);
    expect(error).not.toBeInstanceOf(NodeExecutionError);
    const e = error as DataValidationError;
    expect(e.node).toBe('x');
    expect(e.origin).toBe('Heights.x');
    expect(e.results.map((r) => [r.validator, r.passed, r.importance])).toEqual([
      ['range_validator', false, 'fail'],
      ['data_type_validator', false, 'fail'],
    ]);
  });

  it('lists every failed check in the message, with what to do', async () => {
    const { Heights } = heights('fail');
    const dr = new Builder().withModules(Heights).withLogger(pino({ level: 'silent' })).build();
    const e = (await dr.execute(['x'], { inputs: { a: 5 } }).catch((err: unknown) => err)) as DataValidationError;
    const lines = e.message.split('\n');
    expect(lines[0]).toBe("Node `x` (Heights.x) failed 2 data-quality checks with importance 'fail':");
    expect(lines[1]).toBe(`  - range_validator: ${e.results[0]!.message}`);
    expect(lines[2]).toBe(`  - data_type_validator: ${e.results[1]!.message}`);
    expect(lines[3]).toContain("set importance: 'warn' on the check");
  });

  it('runs and logs every check of the node before raising, and stops downstream nodes', async () => {
    const { Heights, ran } = heights('fail');
    const { logger, records } = capture();
    const dr = new Builder().withModules(Heights).withLogger(logger).build();
    await expect(dr.execute(['y'], { inputs: { a: 5 } })).rejects.toThrow(DataValidationError);
    expect(records.map((r) => [r.validator, r.level])).toEqual([
      ['range_validator', 50],
      ['data_type_validator', 50],
      ['range_validator', 30],
    ]);
    expect(ran).toEqual([]);
  });

  it('lets the run finish when every fail check passes', async () => {
    class Lenient {
      @checkOutput({ range: [0, 100], importance: 'fail' })
      @node()
      z(a: number) {
        return a + 1;
      }
    }
    const dr = new Builder().withModules(Lenient).withLogger(pino({ level: 'silent' })).build();
    await expect(dr.execute(['z'], { inputs: { a: 5 } })).resolves.toEqual({ z: 6 });
  });
});

describe("importance 'warn'", () => {
  it('logs failures at level warn and continues downstream with the raw value', async () => {
    const { Heights, ran } = heights('warn');
    const { logger, records } = capture();
    const dr = new Builder().withModules(Heights).withLogger(logger).build();
    await expect(dr.execute(['y'], { inputs: { a: 5 } })).resolves.toEqual({ y: 50 });
    expect(ran).toEqual(['y']);
    expect(records.map((r) => [r.validator, r.level, r.passed])).toEqual([
      ['range_validator', 40, false],
      ['data_type_validator', 40, false],
      ['range_validator', 30, true],
    ]);
  });
});

describe('forcing importance for the whole driver', () => {
  it("turns fail checks into warnings with withDataQuality({ importance: 'warn' })", async () => {
    const { Heights, ran } = heights('fail');
    const { logger, records } = capture();
    const dr = new Builder().withModules(Heights).withLogger(logger).withDataQuality({ importance: 'warn' }).build();
    await expect(dr.execute(['y'], { inputs: { a: 5 } })).resolves.toEqual({ y: 50 });
    expect(ran).toEqual(['y']);
    expect(records.map((r) => [r.importance, r.level])).toEqual([
      ['warn', 40],
      ['warn', 40],
      ['warn', 30],
    ]);
  });

  it("turns warnings into failures with withDataQuality({ importance: 'fail' })", async () => {
    const { Heights, ran } = heights('warn');
    const dr = new Builder().withModules(Heights).withLogger(pino({ level: 'silent' })).withDataQuality({ importance: 'fail' }).build();
    const e = (await dr.execute(['y'], { inputs: { a: 5 } }).catch((err: unknown) => err)) as DataValidationError;
    expect(e).toBeInstanceOf(DataValidationError);
    expect(e.results.map((r) => r.importance)).toEqual(['fail', 'fail']);
    expect(ran).toEqual([]);
  });

  it('logs nothing and runs the plain method when checks are turned off', async () => {
    const { Heights, ran } = heights('fail');
    const { logger, records } = capture();
    const dr = new Builder().withModules(Heights).withLogger(logger).withDataQuality({ enabled: false }).build();
    await expect(dr.execute(['y'], { inputs: { a: 5 } })).resolves.toEqual({ y: 50 });
    expect(ran).toEqual(['y']);
    expect(records).toEqual([]);
  });
});
