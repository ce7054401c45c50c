/**
 * Data formats by name. Each format knows its file extensions, how to load a
 * file into an arquero table, and how to turn a table into the file's content;
 * writing the content is never the format's job (atomicWrite does it for all).
 * csv, json, jsonl, arrow and parquet are registered from the start; users add
 * their own with registerFormat.
 */
import type { ColumnTable } from 'arquero';
import { FormatError } from '../core/errors.js';
import type { Content } from '../core/atomic-write.js';
import { formatMessages } from './messages.js';

/** Options a format's `load` receives: the columns asked for (a format may read only those), and its own options. */
export interface FormatLoadOptions {
  readonly columns?: readonly string[];
  readonly [option: string]: unknown;
}

/** Options a format's `save` receives: its own options. */
export interface FormatSaveOptions {
  readonly [option: string]: unknown;
}

/** How a format reads and writes: its `load` and `save`. */
export interface FormatCodec {
  /** Reads the file at `path` into a table; throws FileProblem for bad content. */
  load(path: string, options: FormatLoadOptions): Promise<ColumnTable> | ColumnTable;
  /** The file's content for `table`: text, bytes, or chunks of them (also async, so large tables stream). */
  save(table: ColumnTable, options: FormatSaveOptions): Content | Promise<Content>;
}

/** A data format: what `registerFormat` takes. */
export interface FormatDefinition extends FormatCodec {
  /** File extensions without the dot, lower case (`['csv']`); `formatFor` picks a format by them. */
  readonly extensions: readonly string[];
  /** One line for listings. */
  readonly description?: string;
}

/** A registered format: its definition and its name. */
export interface DataFormat extends FormatDefinition {
  readonly name: string;
}

const byName = new Map<string, DataFormat>();
const byExtension = new Map<string, string>();

/**
 * Registers a data format under `name`, so loaders, savers and `formatFor` find it.
 * A name or extension already taken is an error unless `replace` is true.
 *
 * @example
 * registerFormat('tsv', {
 *   extensions: ['tsv'],
 *   load: async (path) => (await import('arquero')).loadCSV(path, { delimiter: '\t' }),
 *   save: async (table) => (await import('arquero')).toCSV(table, { delimiter: '\t' }),
 * });
 */
export function registerFormat(name: string, definition: FormatDefinition, options: { replace?: boolean } = {}): DataFormat {
  const problem = definitionProblem(name, definition);
  if (problem) throw new FormatError(formatMessages.badDefinition(name, problem));
  const extensions = definition.extensions.map((e) => e.replace(/^\./, '').toLowerCase());
  if (!options.replace) {
    if (byName.has(name)) throw new FormatError(formatMessages.taken(name, `the name ${JSON.stringify(name)}`, name));
    for (const ext of extensions) {
      const owner = byExtension.get(ext);
      if (owner !== undefined) throw new FormatError(formatMessages.taken(name, `extension .${ext}`, owner));
    }
  }
  unregisterFormat(name);
  const format: DataFormat = Object.freeze({ ...definition, name, extensions: Object.freeze(extensions) });
  byName.set(name, format);
  for (const ext of extensions) byExtension.set(ext, name);
  return format;
}

/**
 * Removes a format (and its extensions); true when there was one.
 *
 * @example
 * unregisterFormat('tsv');
 */
export function unregisterFormat(name: string): boolean {
  const format = byName.get(name);
  if (!format) return false;
  byName.delete(name);
  for (const [ext, owner] of byExtension) if (owner === name) byExtension.delete(ext);
  return true;
}

/**
 * The format registered as `name`; a FormatError listing the registered ones otherwise.
 *
 * @example
 * getFormat('parquet').extensions; // ['parquet']
 */
export function getFormat(name: string): DataFormat {
  const format = byName.get(name);
  if (!format) throw new FormatError(formatMessages.unknownName(String(name), knownNames()));
  return format;
}

/**
 * The format for a file, from its extension (`out.csv` → csv); a FormatError
 * listing the known extensions otherwise.
 *
 * @example
 * formatFor('out/features.parquet').name; // 'parquet'
 */
export function formatFor(path: string): DataFormat {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  const name = byExtension.get(ext);
  if (name === undefined) throw new FormatError(formatMessages.unknownExtension(path, ext, knownExtensions()));
  return byName.get(name)!;
}

/**
 * Every registered format, in registration order.
 *
 * @example
 * listFormats().map((f) => f.name); // ['csv', 'json', 'jsonl', 'arrow', 'parquet']
 */
export function listFormats(): DataFormat[] {
  return [...byName.values()];
}

function knownNames(): string[] {
  return listFormats().map((f) => `${f.name} (${f.extensions.map((e) => `.${e}`).join(', ')})`);
}

function knownExtensions(): string[] {
  return [...byExtension].map(([ext, name]) => `.${ext} (${name})`);
}

function definitionProblem(name: unknown, d: unknown): string | undefined {
  if (typeof name !== 'string' || name.length === 0) return 'the name must be a non-empty string';
  if (d === null || typeof d !== 'object') return 'the definition must be an object';
  const { extensions, load, save } = d as Partial<FormatDefinition>;
  if (!Array.isArray(extensions) || extensions.some((e) => typeof e !== 'string' || e.replace(/^\./, '') === '')) {
    return 'extensions must be a list of non-empty strings, e.g. [\'csv\']';
  }
  if (typeof load !== 'function') return 'load(path, options) is missing';
  if (typeof save !== 'function') return 'save(table, options) is missing';
  return undefined;
}

/**
 * A format whose code loads on first use: start-up pays for its name and
 * extensions only, not for its modules (nor the libraries they import).
 */
function lazyFormat(extensions: readonly string[], description: string, codec: () => Promise<FormatCodec>): FormatDefinition {
  return {
    extensions,
    description,
    load: async (path, options) => (await codec()).load(path, options),
    save: async (table, options) => (await codec()).save(table, options),
  };
}

registerFormat('csv', lazyFormat(['csv'], 'comma-separated values (arquero)', async () => (await import('./formats/csv.js')).csv));
registerFormat('json', lazyFormat(['json'], 'an array of JSON records', async () => (await import('./formats/json.js')).json));
registerFormat('jsonl', lazyFormat(['jsonl', 'ndjson'], 'one JSON record per line', async () => (await import('./formats/jsonl.js')).jsonl));
registerFormat('arrow', lazyFormat(['arrow', 'feather'], 'Apache Arrow IPC (arquero, flechette)', async () => (await import('./formats/arrow.js')).arrow));
registerFormat('parquet', lazyFormat(['parquet', 'pq'], 'Apache Parquet (hyparquet, hyparquet-writer)', async () => (await import('./formats/parquet.js')).parquet));
