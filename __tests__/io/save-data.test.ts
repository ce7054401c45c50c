// saveData: what it accepts, the metadata it returns, and failed saves that leave the earlier file as it was.
import { afterEach, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as aq from 'arquero';
import { DataSaveError, loadData, registerFormat, saveData, unregisterFormat } from '../../lib/index.js';
import { filesIn, rejectionOf, scratch } from './support.js';

const { file } = scratch('save');

afterEach(() => {
  unregisterFormat('flaky');
});

describe('saveData', () => {
  it.each(['csv', 'json', 'jsonl', 'arrow', 'parquet'])('returns path, format, rows, bytes and the SHA-256 of the %s file', async (format) => {
    const path = file(`meta.${format}`);
    const result = await saveData(aq.table({ a: [1, 2, 3], b: ['x', 'y', 'z'] }), path);
    const bytes = readFileSync(path);
    expect(result).toEqual({ path, format, rows: 3, bytes: bytes.byteLength, hash: createHash('sha256').update(bytes).digest('hex') });
  });

  it('takes an object of columns and an array of row objects too', async () => {
    await saveData({ a: [1, 2], b: Float64Array.of(0.5, 1.5) }, file('columns.csv'));
    expect(readFileSync(file('columns.csv'), 'utf8')).toBe('a,b\n1,0.5\n2,1.5\n');
    await saveData([{ a: 1 }, { a: 2, b: 'x' }], file('rows.csv'));
    expect(readFileSync(file('rows.csv'), 'utf8')).toBe('a,b\n1,\n2,x\n');
  });

  it('rejects what is not a table, naming the node', async () => {
    for (const value of [42, { a: [1, 2], b: [1] }, { a: 1 }, [1, 2], new Date(), new Map([['a', [1]]])]) {
      const e = (await rejectionOf(saveData(value as never, file('bad.csv'), { node: 'total', origin: 'Sums.total' }))) as DataSaveError;
      expect(e).toBeInstanceOf(DataSaveError);
      expect(e.message).toContain('Cannot save node `total` (Sums.total) to');
      expect(e.message).toContain('it saves tables');
    }
    expect(filesIn(file('.')).includes('bad.csv')).toBe(false);
  });

  it.each(['csv', 'json', 'jsonl', 'arrow', 'parquet'])('writes an Invalid Date as null in %s, keeping the column order', async (format) => {
    const path = file(`invalid-date.${format}`);
    await saveData(aq.table({ a: [1, 2], d: [new Date(NaN), new Date(Date.UTC(2024, 0, 2))], z: ['x', 'y'] }), path);
    const back = await loadData(path);
    expect(back.columnNames()).toEqual(['a', 'd', 'z']);
    expect(Array.from(back.array('d') as ArrayLike<Date | null>, (d) => d?.getTime() ?? null)).toEqual([null, Date.UTC(2024, 0, 2)]);
  });

  it('picks the format by name over the extension', async () => {
    const result = await saveData(aq.table({ a: [1] }), file('data.out'), { format: 'jsonl' });
    expect(result.format).toBe('jsonl');
    expect(readFileSync(file('data.out'), 'utf8')).toBe('{"a":1}\n');
  });
});

describe('a failed save leaves the earlier file untouched and no partial file', () => {
  function folderWith(name: string): { folder: string; target: string } {
    const folder = file(name);
    mkdirSync(folder);
    const target = join(folder, 'out.flaky');
    writeFileSync(target, 'earlier\n');
    return { folder, target };
  }

  it('when the serializer throws mid-way through its chunks', async () => {
    registerFormat('flaky', {
      extensions: ['flaky'],
      load: () => { throw new Error('not used'); },
      save: function* (table) {
        for (let i = 0; i < table.numRows(); i++) {
          if (i === 500) throw new RangeError(`row ${i} cannot be written`);
          yield `${i}\n`.repeat(100);
        }
      },
    });
    const { folder, target } = folderWith('mid-way');
    const e = (await rejectionOf(saveData(aq.table({ a: new Float64Array(1000) }), target, { node: 'rows' }))) as DataSaveError;
    expect(e).toBeInstanceOf(DataSaveError);
    expect([e.path, e.format, e.node]).toEqual([target, 'flaky', 'rows']);
    expect(e.cause).toBeInstanceOf(RangeError);
    expect(e.message).toContain('RangeError: row 500 cannot be written');
    expect(e.message).toContain('The file that was there before is unchanged');
    expect(readFileSync(target, 'utf8')).toBe('earlier\n');
    expect(filesIn(folder)).toEqual(['out.flaky']);
  });

  it('when the serializer fails before producing anything', async () => {
    registerFormat('flaky', { extensions: ['flaky'], load: () => { throw new Error('not used'); }, save: async () => { throw new Error('no'); } });
    const { folder, target } = folderWith('at-once');
    await expect(saveData(aq.table({ a: [1] }), target)).rejects.toBeInstanceOf(DataSaveError);
    expect(readFileSync(target, 'utf8')).toBe('earlier\n');
    expect(filesIn(folder)).toEqual(['out.flaky']);
  });

  it('when the rename into place fails (a built-in format, through an injected file system)', async () => {
    const folder = file('rename');
    mkdirSync(folder);
    const target = join(folder, 'out.parquet');
    await saveData(aq.table({ a: [1] }), target);
    const before = readFileSync(target);
    const fs = await import('node:fs/promises');
    const fileSystem = { ...fs, rename: async () => { throw Object.assign(new Error('EROFS: read-only file system, rename'), { code: 'EROFS' }); } };
    const e = (await rejectionOf(saveData(aq.table({ a: [2, 3] }), target, { fileSystem: fileSystem as never }))) as DataSaveError;
    expect(e).toBeInstanceOf(DataSaveError);
    expect(e.message).toContain('EROFS');
    expect(readFileSync(target).equals(before)).toBe(true);
    expect(filesIn(folder)).toEqual(['out.parquet']);
  });
});
