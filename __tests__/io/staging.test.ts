// Staged writes: stageWrite / stageData leave the target as it was until commit, and SaveStaging commits a run's saves together.
import { describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs/promises';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as aq from 'arquero';
import { DataSaveError, SaveStaging, stageData, stageWrite, type AtomicFileSystem, type StagedSave } from '../../lib/index.js';
import { filesIn, rejectionOf, scratch } from './support.js';

const { file } = scratch('staging');

function folderWith(name: string, files: Record<string, string>): string {
  const folder = file(name);
  mkdirSync(folder);
  for (const [f, text] of Object.entries(files)) writeFileSync(join(folder, f), text);
  return folder;
}

describe('stageWrite', () => {
  it('writes the content next to the target, which changes only on commit', async () => {
    const folder = folderWith('commit', { 'data.csv': 'before\n' });
    const target = join(folder, 'data.csv');
    const staged = await stageWrite(target, 'after\n');
    expect(readFileSync(target, 'utf8')).toBe('before\n');
    expect(readFileSync(staged.temp, 'utf8')).toBe('after\n');
    expect(await staged.commit()).toEqual({ path: target, bytes: 6, hash: staged.hash });
    expect(readFileSync(target, 'utf8')).toBe('after\n');
    expect(filesIn(folder)).toEqual(['data.csv']);
  });

  it('discard removes the temporary file and keeps the target; a second discard does nothing', async () => {
    const folder = folderWith('discard', { 'data.csv': 'before\n' });
    const staged = await stageWrite(join(folder, 'data.csv'), 'after\n');
    await staged.discard();
    await staged.discard();
    expect(filesIn(folder)).toEqual(['data.csv']);
    expect(readFileSync(join(folder, 'data.csv'), 'utf8')).toBe('before\n');
  });

  it('a rename that fails on commit removes the temporary file and keeps the target', async () => {
    const folder = folderWith('rename', { 'data.csv': 'before\n' });
    const fileSystem = { ...(fs as unknown as AtomicFileSystem), rename: () => Promise.reject(new Error('EXDEV: cross-device link')) };
    const staged = await stageWrite(join(folder, 'data.csv'), 'after\n', { fileSystem });
    expect(((await rejectionOf(staged.commit())) as Error).message).toContain('EXDEV');
    expect(filesIn(folder)).toEqual(['data.csv']);
    expect(readFileSync(join(folder, 'data.csv'), 'utf8')).toBe('before\n');
  });
});

describe('stageData', () => {
  it('returns the metadata at once and writes the table on commit; a failed rename is a DataSaveError', async () => {
    const folder = folderWith('data', {});
    const target = join(folder, 'table.csv');
    const staged = await stageData(aq.table({ a: [1, 2] }), target, { node: 'save.t', origin: 'T.t', saves: 't' });
    expect(staged).toMatchObject({ path: target, format: 'csv', rows: 2, bytes: 6 });
    expect(filesIn(folder)).toHaveLength(1);
    await staged.commit();
    expect(readFileSync(target, 'utf8')).toBe('a\n1\n2\n');

    const fileSystem = { ...(fs as unknown as AtomicFileSystem), rename: () => Promise.reject(new Error('disk gone')) };
    const failing = await stageData(aq.table({ a: [3] }), target, { fileSystem, node: 'save.t', origin: 'T.t', saves: 't' });
    const e = await rejectionOf(failing.commit());
    expect(e).toBeInstanceOf(DataSaveError);
    expect((e as Error).message).toContain('Cannot save node `t` with saver `save.t` (T.t) to');
    expect(readFileSync(target, 'utf8')).toBe('a\n1\n2\n');
  });
});

/** A staged save that records what happened to it, and may fail on commit. */
function fakeSave(name: string, log: string[], failCommit = false): StagedSave {
  return {
    path: name,
    format: 'csv',
    rows: 1,
    bytes: 1,
    hash: 'h',
    commit: async () => {
      if (failCommit) throw new Error(`cannot rename ${name}`);
      log.push(`commit ${name}`);
      return { path: name, format: 'csv', rows: 1, bytes: 1, hash: 'h' };
    },
    discard: async () => void log.push(`discard ${name}`),
  };
}

describe('SaveStaging', () => {
  it('commits every staged save in order, and gives plain metadata back when one is added', async () => {
    const log: string[] = [];
    const staging = new SaveStaging();
    expect(await staging.add(fakeSave('a', log))).toEqual({ path: 'a', format: 'csv', rows: 1, bytes: 1, hash: 'h' });
    await staging.add(fakeSave('b', log));
    await staging.commit();
    expect(log).toEqual(['commit a', 'commit b']);
  });

  it('when a commit fails, the saves after it are discarded and its error is thrown', async () => {
    const log: string[] = [];
    const staging = new SaveStaging();
    for (const s of [fakeSave('a', log), fakeSave('b', log, true), fakeSave('c', log)]) await staging.add(s);
    expect(((await rejectionOf(staging.commit())) as Error).message).toBe('cannot rename b');
    expect(log).toEqual(['commit a', 'discard c']);
  });

  it('abort discards everything, and a save that arrives later is discarded too, with a DataSaveError', async () => {
    const log: string[] = [];
    const staging = new SaveStaging();
    await staging.add(fakeSave('a', log));
    await staging.abort();
    const e = await rejectionOf(staging.add(fakeSave('late', log)));
    expect(e).toBeInstanceOf(DataSaveError);
    expect(log).toEqual(['discard a', 'discard late']);
  });
});
