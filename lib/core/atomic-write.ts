/**
 * The one way hamilton-ts writes a data file: into a temporary file in the
 * same folder, flushed to disk, then renamed over the target. A rename within
 * one folder is atomic, so a reader sees the old file or the new one, never a
 * part; a write that fails for any reason (the serializer throws half-way, the
 * disk is full, the folder is read-only) removes the temporary file and leaves
 * the earlier file as it was. It lives in core because the driver's `display`
 * writes graphs with it, as lib/io's saveData and the command line write theirs.
 */
import * as fsPromises from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** What can be written: text (UTF-8), bytes, or a sequence of chunks of either, also asynchronous. */
export type Content = string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/** What a write produced: the target path, its size in bytes, and the SHA-256 of those bytes (hex). */
export interface WriteResult {
  readonly path: string;
  readonly bytes: number;
  readonly hash: string;
}

/** The file handle operations atomicWrite uses (a subset of node:fs/promises FileHandle). */
export interface WritableFileHandle {
  write(buffer: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  chmod(mode: number): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The file-system operations atomicWrite uses; node:fs/promises by default (tests inject failures here). */
export interface AtomicFileSystem {
  open(path: string, flags: string, mode?: number): Promise<WritableFileHandle>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: boolean }): Promise<void>;
  mkdir(path: string, options: { recursive: boolean }): Promise<unknown>;
  stat(path: string): Promise<{ mode: number; isFile(): boolean }>;
}

/** Options of atomicWrite. */
export interface AtomicWriteOptions {
  /** Create missing parent folders (default true). */
  readonly mkdir?: boolean;
  /** The file system to write through (default node:fs/promises). */
  readonly fileSystem?: AtomicFileSystem;
  /** Stops the write between chunks when aborted (the temporary file is removed, the target untouched). */
  readonly signal?: AbortSignal;
}

const nodeFileSystem = fsPromises as unknown as AtomicFileSystem;

/**
 * Writes `content` to `path` atomically and returns its size and SHA-256.
 * The target keeps the permission bits of the file it replaces.
 *
 * @example
 * const { bytes, hash } = await atomicWrite('out/report.csv', 'a,b\n1,2\n');
 */
export async function atomicWrite(path: string, content: Content, options: AtomicWriteOptions = {}): Promise<WriteResult> {
  return (await stageWrite(path, content, options)).commit();
}

/**
 * A write whose content is on disk, next to its target, but not yet in place:
 * `commit()` renames it over the target (atomic), `discard()` removes it. Until
 * one of them is called the target is unchanged.
 */
export interface StagedWrite extends WriteResult {
  /** The temporary file holding the content. */
  readonly temp: string;
  /** Renames the temporary file over the target; a failure removes it and leaves the target as it was. */
  commit(): Promise<WriteResult>;
  /** Removes the temporary file; the target stays as it was. */
  discard(): Promise<void>;
}

/**
 * The first half of atomicWrite: writes `content` to a temporary file in the
 * target's folder and flushes it, leaving the target untouched until `commit()`.
 * Several staged writes committed together replace several files only once all
 * of them were written (materialize does this for its savers).
 *
 * @example
 * const staged = await stageWrite('out/a.csv', 'a\n1\n');
 * await (everythingElseSucceeded ? staged.commit() : staged.discard());
 */
export async function stageWrite(path: string, content: Content, options: AtomicWriteOptions = {}): Promise<StagedWrite> {
  const fs = options.fileSystem ?? nodeFileSystem;
  const folder = dirname(path);
  if (options.mkdir !== false) await fs.mkdir(folder, { recursive: true });
  const mode = await existingMode(fs, path);
  const { createHash, randomBytes } = await import('node:crypto');
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx', 0o666);
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    if (mode !== undefined) await handle.chmod(mode);
    for await (const chunk of chunksOf(content)) {
      options.signal?.throwIfAborted();
      const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      await writeAll(handle, data);
      hash.update(data);
      bytes += data.byteLength;
    }
    options.signal?.throwIfAborted();
    await handle.sync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  const written: WriteResult = { path, bytes, hash: hash.digest('hex') };
  let settled = false;
  return {
    ...written,
    temp,
    async commit() {
      settled = true;
      try {
        await fs.rename(temp, path);
      } catch (error) {
        await fs.rm(temp, { force: true }).catch(() => undefined);
        throw error;
      }
      await syncFolder(fs, folder);
      return written;
    },
    async discard() {
      if (settled) return;
      settled = true;
      await fs.rm(temp, { force: true }).catch(() => undefined);
    },
  };
}

async function existingMode(fs: AtomicFileSystem, path: string): Promise<number | undefined> {
  try {
    const stat = await fs.stat(path);
    return stat.isFile() ? stat.mode & 0o7777 : undefined;
  } catch {
    return undefined;
  }
}

async function writeAll(handle: WritableFileHandle, data: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < data.byteLength) {
    const { bytesWritten } = await handle.write(data, offset, data.byteLength - offset);
    offset += bytesWritten;
  }
}

async function* chunksOf(content: Content): AsyncIterable<string | Uint8Array> {
  if (typeof content === 'string' || content instanceof Uint8Array) yield content;
  else yield* content;
}

/** Makes the rename itself durable where the platform allows it; a failure here changes nothing written. */
async function syncFolder(fs: AtomicFileSystem, folder: string): Promise<void> {
  try {
    const dir = await fs.open(folder, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    // Some platforms (Windows) and file systems cannot fsync a folder.
  }
}
