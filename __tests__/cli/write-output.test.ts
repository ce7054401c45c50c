// Result files: CSV and JSON through arquero for tables, JSON for values, written atomically
// (atomicWrite itself is tested in __tests__/core/atomic-write.test.ts).
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromJSON, table } from 'arquero';
import { UsageError } from '../../lib/cli/errors.js';
import { writeOutput } from '../../lib/cli/write-output.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'hamilton-out-'));

describe('writeOutput', () => {
  const rows = table({ week: [1, 2], spend: Float64Array.of(10, NaN) });

  it('writes a table as CSV, or as JSON rows that arquero reads back', async () => {
    const dir = fresh();
    expect(await writeOutput('t.csv', dir, { kind: 'table', table: rows })).toBe('2 rows × 2 columns');
    expect(readFileSync(join(dir, 't.csv'), 'utf8')).toBe('week,spend\n1,10\n2,NaN\n');
    await writeOutput('t.json', dir, { kind: 'table', table: rows });
    expect(fromJSON(readFileSync(join(dir, 't.json'), 'utf8')).objects()).toEqual([{ week: 1, spend: 10 }, { week: 2, spend: null }]);
    expect(readdirSync(dir).sort()).toEqual(['t.csv', 't.json']);
  });

  it('writes values as JSON (typed arrays as arrays, tables as rows); CSV needs a table', async () => {
    const dir = fresh();
    await writeOutput('v.json', dir, { kind: 'values', values: { mean: 1.5, spend: Float64Array.of(1, 2), t: rows, big: 2n ** 64n } });
    expect(JSON.parse(readFileSync(join(dir, 'v.json'), 'utf8'))).toEqual({
      mean: 1.5,
      spend: [1, 2],
      t: [{ week: 1, spend: 10 }, { week: 2, spend: null }],
      big: '18446744073709551616',
    });
    await expect(writeOutput('v.csv', dir, { kind: 'values', values: { mean: 1 } })).rejects.toBeInstanceOf(UsageError);
    await expect(writeOutput('v.parquet', dir, { kind: 'table', table: rows })).rejects.toThrow('unknown format');
  });
});
