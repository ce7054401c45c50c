/**
 * One cache entry as bytes: a one-line JSON header (the key, the payload's
 * format, size and sha256, the value's fingerprint; padded with spaces) and the payload. A table
 * is stored as an Arrow IPC stream; anything else as `v8.serialize` of the
 * packed value (tables inside it as Arrow IPC). Reading checks the header, the
 * size and the checksum: a truncated or altered entry is reported, never returned.
 */
import { createHash } from 'node:crypto';
import v8 from 'node:v8';
import { loadArquero } from '../../core/lazy/arquero.js';
import { arrowBytes, packValue, unpackValue, type PackedValue } from '../values/pack.js';

/** The header line of an entry. */
export interface EntryHeader {
  readonly hamiltonCache: 1;
  readonly key: string;
  readonly node: string;
  readonly format: 'arrow' | 'v8';
  readonly bytes: number;
  readonly sha256: string;
  /** The fingerprint of the value, so reading it need not hash it again. */
  readonly fingerprint?: string;
}

/** Encoding's outcome: the entry's bytes, or why the value cannot be stored. */
export type Encoded = { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly reason: string };

/** Decoding's outcome. */
export type Decoded = { readonly ok: true; readonly value: unknown; readonly fingerprint?: string } | { readonly ok: false; readonly reason: string };

const NEWLINE = 0x0a;
const NEWLINE_BYTE = Buffer.from([NEWLINE]);
/** The header is small; past this many bytes without a newline the entry is not ours. */
const MAX_HEADER = 64 * 1024;

/**
 * The bytes of an entry for `value`.
 *
 * @example
 * const e = encodeEntry(key, 'spendMean', 42, digest);
 * if (e.ok) await writeFile(path, e.bytes);
 */
export function encodeEntry(key: string, node: string, value: unknown, fingerprint: string | undefined): Encoded {
  const packed = packValue(value);
  if (!packed.ok) return packed;
  let format: EntryHeader['format'];
  let payload: Uint8Array;
  const { data, tables } = packed.packed;
  try {
    if (tables.length === 1 && tables[0]!.path.length === 0) {
      format = 'arrow';
      payload = tables[0]!.ipc;
    } else {
      format = 'v8';
      payload = v8.serialize({ data, tables } satisfies PackedValue);
    }
  } catch (e) {
    return { ok: false, reason: `it cannot be serialized (${e instanceof Error ? e.message : String(e)})` };
  }
  const header: EntryHeader = {
    hamiltonCache: 1,
    key,
    node,
    format,
    bytes: payload.byteLength,
    sha256: sha256(payload),
    ...(fingerprint === undefined ? {} : { fingerprint }),
  };
  // The header line is padded so that the payload starts at a multiple of 8: Arrow reads it in place.
  const line = Buffer.from(JSON.stringify(header), 'utf8');
  const pad = (8 - ((line.byteLength + 1) % 8)) % 8;
  return { ok: true, bytes: Buffer.concat([line, Buffer.alloc(pad, 0x20), NEWLINE_BYTE, payload]) };
}

/**
 * The value an entry holds, after checking it is the entry for `key` and intact.
 *
 * @example
 * const d = decodeEntry(await readFile(path), key);
 * if (d.ok) return d.value;
 */
export async function decodeEntry(bytes: Uint8Array, key: string): Promise<Decoded> {
  const end = bytes.subarray(0, MAX_HEADER).indexOf(NEWLINE);
  if (end < 0) return { ok: false, reason: 'no header line' };
  let header: EntryHeader;
  try {
    header = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, end).toString('utf8')) as EntryHeader;
  } catch {
    return { ok: false, reason: 'the header is not valid JSON' };
  }
  if (header?.hamiltonCache !== 1) return { ok: false, reason: 'not a hamilton-ts cache entry of version 1' };
  if (header.key !== key) return { ok: false, reason: `the header's key is ${String(header.key)}` };
  const payload = bytes.subarray(end + 1);
  if (payload.byteLength !== header.bytes) return { ok: false, reason: `the payload has ${payload.byteLength} bytes, the header says ${header.bytes}` };
  if (sha256(payload) !== header.sha256) return { ok: false, reason: 'the payload does not match its sha256' };
  try {
    const value = header.format === 'arrow' ? (await loadArquero()).fromArrow(arrowBytes(payload)) : await unpackValue(v8.deserialize(payload) as PackedValue);
    return header.fingerprint === undefined ? { ok: true, value } : { ok: true, value, fingerprint: header.fingerprint };
  } catch (e) {
    return { ok: false, reason: `the payload cannot be read (${e instanceof Error ? e.message : String(e)})` };
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
