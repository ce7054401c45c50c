// Result builders: DictResult (the default) and TableResult (one arquero table from columns, scalars and tables).
import { describe, expect, it } from '@jest/globals';
import { table, type ColumnTable } from 'arquero';
import {
  Builder,
  DictResult,
  ResultBuilderError,
  TableResult,
  node,
  type AfterGraphExecuteEvent,
  type ResultBuilder,
} from '../../lib/index.js';
import { silent, thrownBy } from '../support.js';

class Weekly {
  @node()
  spend() {
    return new Float64Array([10, 20, 30]);
  }

  @node()
  signups() {
    return [1, 2, 5];
  }

  @node()
  region() {
    return 'uk';
  }

  @node()
  breakdown() {
    return table({ paid: [6, 12, 18], organic: [4, 8, 12] });
  }

  @node()
  lastTwo() {
    return [2, 5];
  }
}

describe('DictResult', () => {
  it('is the default: a plain object of the requested outputs, in request order', async () => {
    const dr = new Builder().withModules(Weekly).withLogger(silent).build();
    const out = await dr.execute(['region', 'signups']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['region', 'signups']);
    expect(out).toEqual({ region: 'uk', signups: [1, 2, 5] });
  });

  it('returns values as the nodes produced them, without copying', async () => {
    const shared = { big: true };
    class Holder {
      @node()
      value() {
        return shared;
      }
    }
    const out = await new Builder().withModules(Holder).withLogger(silent).build().execute(['value']);
    expect(out.value).toBe(shared);
  });

  it('keeps only the names it is given', () => {
    expect(new DictResult().build({ a: 1, b: 2, c: 3 }, ['c', 'a'])).toEqual({ c: 3, a: 1 });
  });
});

describe('TableResult', () => {
  const driver = () => new Builder().withModules(Weekly).withResultBuilder(new TableResult()).withLogger(silent).build();

  it('makes each column output a table column, in request order', async () => {
    const t = await driver().execute(['signups', 'spend']);
    expect(t.columnNames()).toEqual(['signups', 'spend']);
    expect(t.objects()).toEqual([
      { signups: 1, spend: 10 },
      { signups: 2, spend: 20 },
      { signups: 5, spend: 30 },
    ]);
  });

  it('keeps typed arrays as they are', async () => {
    const t = await driver().execute(['spend']);
    expect(t.column('spend')).toBeInstanceOf(Float64Array);
  });

  it('broadcasts scalar outputs to every row', async () => {
    const t = await driver().execute(['spend', 'region']);
    expect(t.array('region')).toEqual(['uk', 'uk', 'uk']);
  });

  it('makes a one-row table when every output is a scalar', async () => {
    const t = await driver().execute(['region']);
    expect(t.numRows()).toBe(1);
    expect(t.objects()).toEqual([{ region: 'uk' }]);
  });

  it('spreads a table output into its columns', async () => {
    const t = await driver().execute(['spend', 'breakdown', 'region']);
    expect(t.columnNames()).toEqual(['spend', 'paid', 'organic', 'region']);
    expect(t.objects()[2]).toEqual({ spend: 30, paid: 18, organic: 12, region: 'uk' });
  });

  it('rejects columns of different lengths, naming each column and its length', async () => {
    const error = await driver().execute(['spend', 'lastTwo', 'breakdown']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResultBuilderError);
    const message = (error as Error).message;
    expect(message).toContain('`spend`: 3');
    expect(message).toContain('`lastTwo`: 2');
    expect(message).toContain('`paid`: 3');
    expect(message).toContain('use DictResult');
  });

  it('rejects a column that appears twice, naming the output it came from', () => {
    const error = thrownBy(() => new TableResult().build({ paid: [1, 2, 3], breakdown: table({ paid: [1, 2, 3] }) }, ['paid', 'breakdown']));
    expect(error).toBeInstanceOf(ResultBuilderError);
    expect((error as Error).message).toContain('column `paid` (from output `breakdown`) appears twice');
  });

  it('types execute as returning a ColumnTable', async () => {
    const t: ColumnTable = await driver().execute(['spend']);
    expect(t.numRows()).toBe(3);
  });
});

describe('custom result builders', () => {
  it('receive the outputs by name and the names in request order', async () => {
    const seen: unknown[] = [];
    const firstOnly: ResultBuilder<unknown> = {
      build: (outputs, names) => {
        seen.push({ ...outputs }, [...names]);
        return outputs[names[0]!];
      },
    };
    const dr = new Builder().withModules(Weekly).withResultBuilder(firstOnly).withLogger(silent).build();
    await expect(dr.execute(['region', 'signups'])).resolves.toBe('uk');
    expect(seen).toEqual([{ region: 'uk', signups: [1, 2, 5] }, ['region', 'signups']]);
  });

  it('fail the run when they throw: execute rejects and afterGraphExecute reports the failure', async () => {
    const events: AfterGraphExecuteEvent[] = [];
    const dr = new Builder()
      .withModules(Weekly)
      .withResultBuilder(new TableResult())
      .withAdapters({ afterGraphExecute: (e) => { events.push(e); } })
      .withLogger(silent)
      .build();
    await expect(dr.execute(['spend', 'lastTwo'])).rejects.toThrow(ResultBuilderError);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ success: false, error: expect.any(ResultBuilderError) });
  });
});
