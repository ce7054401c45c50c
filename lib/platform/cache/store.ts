/**
 * The cache folder: one file per entry, named by its key. Writes go to a
 * temporary file in the same folder and are renamed into place, so a reader
 * (another run, another process) sees the old entry, the new one, or none,
 * never half of one.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeEntry, encodeEntry } from './entry.js';

/** What reading a key finds. */
export type Lookup =
  | { readonly status: 'hit'; readonly value: unknown; readonly fingerprint?: string }
  | { readonly status: 'miss' }
  | { readonly status: 'corrupt'; readonly file: string; readonly reason: string };

/** What writing a value did: written, or not, because of the value (`unstorable`) or of the file system. */
export type Written =
  | { readonly ok: true; readonly file: string }
  | { readonly ok: false; readonly unstorable: boolean; readonly reason: string };

/**
 * A cache folder.
 *
 * @example
 * const store = new CacheStore('.hamilton-cache');
 * const found = await store.read(key);
 * if (found.status !== 'hit') await store.write(key, 'spendMean', value, digest);
 */
export class CacheStore {
  private ready: Promise<unknown> | undefined;

  constructor(readonly dir: string) {}

  /** The file of a key. */
  fileOf(key: string): string {
    return join(this.dir, `${key}.entry`);
  }

  /** The value stored under `key`, checked against its header and checksum. */
  async read(key: string): Promise<Lookup> {
    const file = this.fileOf(key);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'miss' };
      return { status: 'corrupt', file, reason: `it cannot be read (${(e as Error).message})` };
    }
    const decoded = await decodeEntry(bytes, key);
    if (!decoded.ok) return { status: 'corrupt', file, reason: decoded.reason };
    return decoded.fingerprint === undefined ? { status: 'hit', value: decoded.value } : { status: 'hit', value: decoded.value, fingerprint: decoded.fingerprint };
  }

  /** Stores `value` under `key`: written in full to a temporary file, then renamed into place. */
  async write(key: string, node: string, value: unknown, fingerprint: string | undefined): Promise<Written> {
    const encoded = encodeEntry(key, node, value, fingerprint);
    if (!encoded.ok) return { ok: false, unstorable: true, reason: encoded.reason };
    const file = this.fileOf(key);
    const temporary = join(this.dir, `.${key}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await (this.ready ??= mkdir(this.dir, { recursive: true }));
      await writeFile(temporary, encoded.bytes);
      await rename(temporary, file);
      return { ok: true, file };
    } catch (e) {
      // A folder removed since: make it again next time.
      this.ready = undefined;
      await unlink(temporary).catch(() => undefined);
      return { ok: false, unstorable: false, reason: (e as Error).message };
    }
  }
}
