// The format registry: formats by name and by extension, users' own formats, and registration mistakes.
import { afterEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as aq from 'arquero';
import {
  FormatError,
  formatFor,
  getFormat,
  listFormats,
  loadData,
  registerFormat,
  saveData,
  unregisterFormat,
  type FormatDefinition,
} from '../../lib/index.js';
import { scratch } from './support.js';

const { file } = scratch('registry');
// Kept aside so the test that replaces json can restore it.
const builtInJson = getFormat('json');

const tsv: FormatDefinition = {
  extensions: ['tsv', '.TAB'],
  load: async (path) => aq.fromCSV(readFileSync(path, 'utf8'), { delimiter: '\t' }),
  save: (table) => aq.toCSV(table, { delimiter: '\t' }),
};

afterEach(() => {
  unregisterFormat('tsv');
  unregisterFormat('other');
});

describe('built-in formats', () => {
  it('are csv, json, jsonl, arrow and parquet', () => {
    expect(listFormats().map((f) => [f.name, f.extensions])).toEqual([
      ['csv', ['csv']],
      ['json', ['json']],
      ['jsonl', ['jsonl', 'ndjson']],
      ['arrow', ['arrow', 'feather']],
      ['parquet', ['parquet', 'pq']],
    ]);
  });

  it('are found by extension, in any case, in any folder', () => {
    expect(formatFor('out.csv').name).toBe('csv');
    expect(formatFor('/data/2024.v2/Sales.PARQUET').name).toBe('parquet');
    expect(formatFor('C:\\data\\rows.jsonl').name).toBe('jsonl');
  });

  it('an unknown or missing extension is a FormatError listing the known ones', () => {
    expect(() => formatFor('out.xlsx')).toThrow(FormatError);
    expect(() => formatFor('out.xlsx')).toThrow(/extension `\.xlsx`.*\.csv \(csv\).*\.parquet \(parquet\)/);
    expect(() => formatFor('data.d/README')).toThrow(/it has no extension/);
    expect(() => formatFor('.csv')).toThrow(FormatError);
  });

  it('an unknown name is a FormatError listing the registered formats', () => {
    expect(() => getFormat('xlsx')).toThrow(/Unknown data format `xlsx`\. Registered formats: csv \(\.csv\), json \(\.json\)/);
  });
});

describe('registerFormat', () => {
  it("adds a user's format that loadData, saveData and formatFor use", async () => {
    registerFormat('tsv', tsv);
    expect(formatFor('x.tab').name).toBe('tsv');
    const saved = await saveData(aq.table({ a: [1, 2], b: ['x', 'y'] }), file('t.tsv'));
    expect(saved.format).toBe('tsv');
    expect(readFileSync(file('t.tsv'), 'utf8')).toBe('a\tb\n1\tx\n2\ty\n');
    expect((await loadData(file('t.tsv'))).objects()).toEqual([{ a: 1, b: 'x' }, { a: 2, b: 'y' }]);
  });

  it('refuses a taken name or extension unless replace is given', () => {
    registerFormat('tsv', tsv);
    expect(() => registerFormat('tsv', tsv)).toThrow(/the name "tsv" is already registered/);
    expect(() => registerFormat('other', { ...tsv, extensions: ['csv'] })).toThrow(/extension \.csv is already registered by format `csv`/);
    registerFormat('tsv', { ...tsv, extensions: ['tsv2'] }, { replace: true });
    expect(formatFor('a.tsv2').name).toBe('tsv');
    expect(() => formatFor('a.tsv')).toThrow(FormatError);
  });

  it('with replace, takes over an extension of another format', () => {
    try {
      registerFormat('other', { ...tsv, extensions: ['json'] }, { replace: true });
      expect(formatFor('x.json').name).toBe('other');
    } finally {
      unregisterFormat('other');
      registerFormat('json', builtInJson, { replace: true });
    }
    expect(formatFor('x.json').name).toBe('json');
  });

  it.each([
    ['', tsv, /name must be a non-empty string/],
    ['tsv', null, /definition must be an object/],
    ['tsv', { ...tsv, extensions: 'tsv' }, /extensions must be a list/],
    ['tsv', { ...tsv, extensions: [''] }, /extensions must be a list/],
    ['tsv', { ...tsv, load: undefined }, /load\(path, options\) is missing/],
    ['tsv', { ...tsv, save: 1 }, /save\(table, options\) is missing/],
  ])('rejects a bad definition (%j)', (name, definition, message) => {
    expect(() => registerFormat(name, definition as FormatDefinition)).toThrow(FormatError);
    expect(() => registerFormat(name, definition as FormatDefinition)).toThrow(message);
  });

  it('unregisterFormat removes a format and its extensions', () => {
    registerFormat('tsv', tsv);
    expect(unregisterFormat('tsv')).toBe(true);
    expect(unregisterFormat('tsv')).toBe(false);
    expect(() => formatFor('x.tsv')).toThrow(FormatError);
  });
});
