// atomicWrite: the content kinds it writes, the size and hash it returns, and failures that leave the earlier file untouched and no temporary file behind.
import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { atomicWrite, type AtomicFileSystem } from '../../lib/index.js';
import { filesIn, rejectionOf, scratch } from '../io/support.js';

const { dir, file } = scratch('atomic');
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** A fresh folder holding `target` with the text `before`. */
function folderWith(name: string, before = 'before\n'): { folder: string; target: string } {
  const folder = file(name);
  mkdirSync(folder);
  const target = join(folder, 'data.csv');
  writeFileSync(target, before);
  return { folder, target };
}

/** node:fs/promises with some operations replaced. */
function failing(overrides: Partial<AtomicFileSystem>): AtomicFileSystem {
  return { ...(fs as unknown as AtomicFileSystem), ...overrides };
}

describe('atomicWrite writes', () => {
  it.each([
    ['text', 'héllo wörld\n'],
    ['bytes', new TextEncoder().encode('héllo wörld\n')],
    ['an iterable of chunks', ['héllo ', new TextEncoder().encode('wörld'), '\n']],
    ['an async iterable of chunks', (async function* () { yield 'héllo '; yield 'wörld'; yield new TextEncoder().encode('\n'); })()],
  ])('%s, returning its size and SHA-256', async (_kind, content) => {
    const target = file(`kind-${_kind.replace(/ /g, '-')}.txt`);
    const written = await atomicWrite(target, content);
    const onDisk = readFileSync(target);
    expect(onDisk.toString('utf8')).toBe('héllo wörld\n');
    expect(written).toEqual({ path: target, bytes: onDisk.byteLength, hash: sha256(onDisk) });
  });

  it('creates missing parent folders', async () => {
    const target = join(dir, 'new', 'deeper', 'x.txt');
    await atomicWrite(target, 'x');
    expect(readFileSync(target, 'utf8')).toBe('x');
  });

  it('replaces an existing file and keeps its permission bits', async () => {
    const { folder, target } = folderWith('mode');
    chmodSync(target, 0o640);
    await atomicWrite(target, 'after\n');
    expect(readFileSync(target, 'utf8')).toBe('after\n');
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(filesIn(folder)).toEqual(['data.csv']);
  });
});

describe('a failed atomicWrite leaves the earlier file untouched and no partial file', () => {
  it('when the content throws half-way', async () => {
    const { folder, target } = folderWith('throws');
    async function* content() {
      yield 'a,b\n1,2\n';
      yield 'x'.repeat(100_000);
      throw new Error('serializer broke on row 3');
    }
    const error = await rejectionOf(atomicWrite(target, content()));
    expect((error as Error).message).toBe('serializer broke on row 3');
    expect(readFileSync(target, 'utf8')).toBe('before\n');
    expect(filesIn(folder)).toEqual(['data.csv']);
  });

  it('when the disk fills up after some bytes were written', async () => {
    const { folder, target } = folderWith('full');
    let written = 0;
    const fileSystem = failing({
      open: async (path, flags, mode) => {
        const handle = await fs.open(path, flags, mode);
        return {
          chmod: (m: number) => handle.chmod(m),
          sync: () => handle.sync(),
          close: () => handle.close(),
          write: async (buffer: Uint8Array, offset: number, length: number) => {
            if (written + length > 10) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
            written += length;
            return handle.write(buffer, offset, length);
          },
        };
      },
    });
    const error = await rejectionOf(atomicWrite(target, ['0123456789', 'more'], { fileSystem }));
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    expect(written).toBe(10);
    expect(readFileSync(target, 'utf8')).toBe('before\n');
    expect(filesIn(folder)).toEqual(['data.csv']);
  });

  it('when the rename into place is refused (a read-only folder)', async () => {
    const { folder, target } = folderWith('no-rename');
    const fileSystem = failing({
      rename: async () => { throw Object.assign(new Error('EACCES: permission denied, rename'), { code: 'EACCES' }); },
    });
    const error = await rejectionOf(atomicWrite(target, 'after\n', { fileSystem }));
    expect((error as NodeJS.ErrnoException).code).toBe('EACCES');
    expect(readFileSync(target, 'utf8')).toBe('before\n');
    expect(filesIn(folder)).toEqual(['data.csv']);
  });

  // Root ignores permission bits, so this case only runs for other users; the injected refusal above covers root.
  const asNonRoot = process.getuid?.() === 0 ? it.skip : it;
  asNonRoot('when the folder really is read-only (permission bits)', async () => {
    const { folder, target } = folderWith('read-only');
    chmodSync(folder, 0o555);
    try {
      await expect(atomicWrite(target, 'after\n')).rejects.toMatchObject({ code: 'EACCES' });
      expect(readFileSync(target, 'utf8')).toBe('before\n');
      expect(filesIn(folder)).toEqual(['data.csv']);
    } finally {
      chmodSync(folder, 0o755);
    }
  });

  it('when the target is a folder that is not empty', async () => {
    const folder = file('target-is-folder');
    mkdirSync(join(folder, 'data.csv'), { recursive: true });
    writeFileSync(join(folder, 'data.csv', 'keep.txt'), 'kept');
    await expect(atomicWrite(join(folder, 'data.csv'), 'after\n')).rejects.toThrow();
    expect(readFileSync(join(folder, 'data.csv', 'keep.txt'), 'utf8')).toBe('kept');
    expect(filesIn(folder)).toEqual(['data.csv']);
  });

  it('when the parent path is a file, so no folder can be made', async () => {
    const blocker = file('blocker');
    writeFileSync(blocker, 'i am a file');
    await expect(atomicWrite(join(blocker, 'x.csv'), 'x')).rejects.toMatchObject({ code: expect.stringMatching(/ENOTDIR|EEXIST/) });
    expect(readFileSync(blocker, 'utf8')).toBe('i am a file');
  });

  it('when flushing to disk fails', async () => {
    const { folder, target } = folderWith('no-sync');
    const fileSystem = failing({
      open: async (path, flags, mode) => {
        const handle = await fs.open(path, flags, mode);
        return {
          chmod: (m: number) => handle.chmod(m),
          write: (b: Uint8Array, o: number, l: number) => handle.write(b, o, l),
          close: () => handle.close(),
          sync: async () => { throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' }); },
        };
      },
    });
    await expect(atomicWrite(target, 'after\n', { fileSystem })).rejects.toMatchObject({ code: 'EIO' });
    expect(readFileSync(target, 'utf8')).toBe('before\n');
    expect(filesIn(folder)).toEqual(['data.csv']);
  });
});
