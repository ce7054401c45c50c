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
      const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      await writeAll(handle, data);
      hash.update(data);
      bytes += data.byteLength;
    }
    await handle.sync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  try {
    await fs.rename(temp, path);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(fs, folder);
  return { path, bytes, hash: hash.digest('hex') };
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
