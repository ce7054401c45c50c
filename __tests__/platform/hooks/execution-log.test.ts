// ExecutionLog: one pino record per node start, end and failure, on the driver's logger, at configurable levels.
import { describe, expect, it } from '@jest/globals';
import { Builder, collect, ExecutionLog, InvalidInputsError, node, parallelizable, type ExecutionLogOptions } from '../../../lib/index.js';
import { capture, silent } from '../../support.js';

class Pair {
  @node() a(x: number): number { return x + 1; }
  @node() b(a: number): number { return a * 2; }
  @node() broken(a: number): number { throw new RangeError(`bad ${a}`); }
}

/** The ExecutionLog records among everything logged, without pino's own fields. */
function nodeRecords(records: Record<string, unknown>[]) {
  return records
    .filter((r) => r.event !== undefined)
    .map(({ level, runId, node, event, durationMs, error, item, msg }) => ({ level, runId, node, event, durationMs, error, item, msg }));
}

function driver(logger = silent, options?: ExecutionLogOptions) {
  return new Builder().withModules(Pair).withAdapters(new ExecutionLog(options)).withLogger(logger).build();
}

describe('ExecutionLog records', () => {
  it('logs start at debug and end at info, with runId, node and durationMs, on the driver’s logger', async () => {
    const { logger, records } = capture('debug');
    await driver(logger).execute(['b'], { inputs: { x: 1 } });
    const logged = nodeRecords(records);
    const runId = logged[0]!.runId;
    expect(typeof runId).toBe('string');
    expect(logged.map(({ durationMs, ...r }) => ({ ...r, timed: typeof durationMs === 'number' }))).toEqual([
      { level: 20, runId, node: 'a', event: 'start', error: undefined, item: undefined, msg: 'node a started', timed: false },
      { level: 30, runId, node: 'a', event: 'end', error: undefined, item: undefined, msg: expect.stringMatching(/^node a ended in \d+\.\d{3} ms$/), timed: true },
      { level: 20, runId, node: 'b', event: 'start', error: undefined, item: undefined, msg: 'node b started', timed: false },
      { level: 30, runId, node: 'b', event: 'end', error: undefined, item: undefined, msg: expect.stringMatching(/^node b ended in/), timed: true },
    ]);
    expect(Object.keys(records.find((r) => r.event === 'end')!).sort()).toEqual(['durationMs', 'event', 'hostname', 'level', 'msg', 'node', 'pid', 'runId', 'time']);
  });

  it('logs a failure at error with the error’s text and the duration', async () => {
    const { logger, records } = capture('info');
    await expect(driver(logger).execute(['broken'], { inputs: { x: 1 } })).rejects.toThrow('bad 2');
    const fail = nodeRecords(records).find((r) => r.event === 'fail')!;
    expect(fail).toMatchObject({ level: 50, node: 'broken', error: 'RangeError: bad 2', msg: expect.stringMatching(/^node broken failed after \d+\.\d{3} ms$/) });
    expect(typeof fail.durationMs).toBe('number');
  });

  it('logs nothing below the logger’s level: no start records at level info', async () => {
    const { logger, records } = capture('info');
    await driver(logger).execute(['b'], { inputs: { x: 1 } });
    expect(nodeRecords(records).map((r) => `${r.node}:${r.event}`)).toEqual(['a:end', 'b:end']);
  });

  it('takes the levels it is given', async () => {
    const { logger, records } = capture('trace');
    await expect(driver(logger, { levels: { start: 'trace', end: 'warn', fail: 'fatal' } }).execute(['broken'], { inputs: { x: 1 } })).rejects.toThrow();
    expect(nodeRecords(records).map((r) => `${r.node}:${r.event}:${r.level}`)).toEqual(['a:start:10', 'a:end:40', 'broken:start:10', 'broken:fail:60']);
  });

  it('logs on the logger it is given instead of the driver’s', async () => {
    const own = capture('debug');
    const drivers = capture('debug');
    await driver(drivers.logger, { logger: own.logger }).execute(['a'], { inputs: { x: 1 } });
    expect(nodeRecords(own.records).map((r) => r.event)).toEqual(['start', 'end']);
    expect(nodeRecords(drivers.records)).toEqual([]);
  });

  it('adds the item index inside a fan-out', async () => {
    class Fan {
      @parallelizable() @node() xs(): number[] { return [10, 20]; }
      @node() half(xs: number): number { return xs / 2; }
      @collect('half') @node() all(half: number[]): number[] { return half; }
    }
    const { logger, records } = capture('info');
    await new Builder().withModules(Fan).withAdapters(new ExecutionLog()).withLogger(logger).build().execute(['all']);
    expect(nodeRecords(records).map((r) => [r.node, r.item])).toEqual([['xs', undefined], ['half', 0], ['half', 1], ['all', undefined]]);
  });
});

describe('ExecutionLog options', () => {
  it('rejects levels pino does not have, loggers that are not loggers and unknown options', () => {
    expect(() => new ExecutionLog({ levels: { end: 'loud' as never } })).toThrow("ExecutionLog: levels.end must be one of 'trace', 'debug', 'info', 'warn', 'error', 'fatal', got \"loud\".");
    expect(() => new ExecutionLog({ logger: console as never })).toThrow(InvalidInputsError);
    expect(() => new ExecutionLog({ level: 'info' } as never)).toThrow('ExecutionLog: unknown option `level`. The options are `logger`, `levels`.');
    expect(() => new ExecutionLog({ levels: { done: 'info' } as never })).toThrow('ExecutionLog levels: unknown option `done`. The options are `start`, `end`, `fail`.');
    expect(() => new ExecutionLog({ levels: 'debug' as never })).toThrow("ExecutionLog: levels must be an object such as { start: 'debug', end: 'info', fail: 'error' }, got \"debug\".");
  });
});
