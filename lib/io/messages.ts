/**
 * Every message of loading and saving data: each names the file, the format,
 * the node that loads or saves it (when given), the culprit, and what to do.
 */
import { at, errorText, q, show } from '../core/message-format.js';
import type { DataLocation } from '../core/errors.js';

/** Who loads or saves: a node and its `Class.method`, when known. */
export interface DataUser {
  readonly node?: string | undefined;
  readonly origin?: string | undefined;
}

/** Who saves: for a saver node (`node`), also the node whose value it saves. */
export interface DataSaver extends DataUser {
  readonly saves?: string | undefined;
}

const forNode = (who: DataUser): string => (who.node ? ` for node ${at(who.node, who.origin)}` : '');

const place = (where: DataLocation): string => {
  const parts: string[] = [];
  if (where.line !== undefined) parts.push(`line ${where.line}`);
  if (where.column !== undefined) parts.push(`column ${where.column}`);
  if (where.columnName !== undefined) parts.push(`column ${q(where.columnName)}`);
  return parts.length ? `, ${parts.join(', ')}` : '';
};

const list = (names: readonly string[]): string => (names.length ? names.map(q).join(', ') : '(none)');

export const loadMessages = {
  missing: (path: string, resolved: string, who: DataUser) =>
    `Cannot load ${path}${forNode(who)}: the file does not exist (looked for ${resolved}). ` +
    `Check the path (a relative path starts at the working directory), or create the file first.`,
  notAFile: (path: string, who: DataUser) => `Cannot load ${path}${forNode(who)}: it is a directory, not a file. Name a file.`,
  unreadable: (path: string, who: DataUser, error: unknown) =>
    `Cannot read ${path}${forNode(who)}: ${errorText(error)}. Check that the file exists and that this process may read it.`,
  malformed: (path: string, format: string, who: DataUser, where: DataLocation, reason: string) =>
    `Cannot load ${path} as ${format}${forNode(who)}${place(where)}: ${reason}. ` +
    `Fix the file there, or load it with the format it really has ({ format: '...' }).`,
  failed: (path: string, format: string, who: DataUser, error: unknown) =>
    `Cannot load ${path} as ${format}${forNode(who)}: ${errorText(error)}. ` +
    `The original error is the cause; check that the file really is ${format}.`,
  notATable: (path: string, format: string, who: DataUser, got: string) =>
    `Cannot load ${path} as ${format}${forNode(who)}: the format's load returned ${got}, not an arquero table. Fix the format's load function.`,
  missingColumns: (path: string, format: string, who: DataUser, missing: readonly string[], available: readonly string[]) =>
    `${path} (${format}) lacks ${missing.length === 1 ? 'column' : 'columns'} ${list(missing)}${who.node ? ` that node ${at(who.node, who.origin)} needs` : ' asked for'}; ` +
    `it has ${list(available)}. Fix the file, or change the columns asked for.`,
  badColumns: (columns: unknown, types: readonly string[]) =>
    `The columns option takes a list of column names, or an object of column name → type (${types.map((t) => `'${t}'`).join(', ')} or 'any'), got ${show(columns)}.`,
  wrongType: (path: string, format: string, who: DataUser, column: string, type: string, found: string) =>
    `${path} (${format}): column ${q(column)} should hold ${type} values${who.node ? ` for node ${at(who.node, who.origin)}` : ''}, but ${found.charAt(0).toLowerCase()}${found.slice(1)} ` +
    `Fix the file, or ask for the type it has.`,
};

const saving = (who: DataSaver): string => {
  if (!who.node) return '';
  if (who.saves === undefined || who.saves === who.node) return ` node ${at(who.node, who.origin)}`;
  return ` node ${q(who.saves)} with saver ${at(who.node, who.origin)}`;
};

export const saveMessages = {
  failed: (path: string, format: string, who: DataSaver, error: unknown) =>
    `Cannot save${saving(who)} to ${path} as ${format}: ${errorText(error)}. ` +
    `The file that was there before is unchanged and no partial file was left; the original error is the cause.`,
  notATable: (path: string, format: string, who: DataSaver, value: string) =>
    `Cannot save${saving(who)} to ${path} as ${format}: it saves tables ` +
    `(an arquero table, an object of equal-length columns, or an array of row objects), got ${value}. Return a table from the node.`,
};

export const formatMessages = {
  unknownName: (name: string, known: readonly string[]) =>
    `Unknown data format ${q(name)}. Registered formats: ${known.join(', ') || '(none)'}. ` +
    `Use one of them, or add it with registerFormat(${JSON.stringify(name)}, { extensions, load, save }).`,
  unknownExtension: (path: string, ext: string, known: readonly string[]) =>
    `Cannot tell the data format of ${path} from its ${ext ? `extension ${q(`.${ext}`)}` : 'name (it has no extension)'}. ` +
    `Known extensions: ${known.join(', ') || '(none)'}. Pass { format: 'csv' } (or another name), or register a format for it with registerFormat.`,
  badDefinition: (name: unknown, problem: string) =>
    `registerFormat(${show(name)}): ${problem}. A format is { extensions: ['ext'], load(path, options), save(table, options) }.`,
  taken: (name: string, what: string, owner: string) =>
    `registerFormat(${JSON.stringify(name)}): ${what} is already registered by format ${q(owner)}. ` +
    `Pass { replace: true } to replace it, or choose another name.`,
};

export const adapterMessages = {
  badOptions: (where: string, options: unknown) =>
    `${where}: options must be an object such as { path: value('data.csv') } or { path: source('dataPath'), delimiter: ';' }, got ${show(options)}.`,
  reserved: (where: string, key: string) =>
    key === 'format'
      ? `${where}: \`format\` is the first argument (or the shorthand's name, e.g. .csv), not an option. Remove it from the options.`
      : `${where}: option ${q(key)} cannot be set here (hamilton-ts sets it${key === 'fileSystem' ? '; a file system is not plain data' : ''}). Remove it.`,
  noPath: (where: string) =>
    `${where}: the options lack \`path\`. Give the file: { path: value('data.csv') }, { path: source('dataPath') } (an input, config key or node), or { path: configuration('key') }.`,
  badPath: (where: string, path: unknown) =>
    `${where}: path must be a non-empty file name, value('...'), source('node') or configuration('key'), got ${show(path)}.`,
  notPlainData: (where: string, key: string, v: unknown) =>
    `${where}: option ${q(key)} is ${show(v)}, which is not plain data (functions, class instances with private state and the like cannot be copied to a worker or a cache). ` +
    `Give a literal (string, number, boolean, array, plain object), or source('node') for a value computed by the dataflow.`,
  pathNotString: (verb: 'load' | 'save', node: string, origin: string | undefined, path: unknown) =>
    `The path for node ${at(node, origin)} to ${verb} is ${show(path)}, not a file name. ` +
    `Give a non-empty string: in inputs or config when the path is source('...'), or as value('file.csv').`,
  stagingClosed: (path: string) =>
    `The save to ${path} finished after its materialize run had ended; it was discarded and ${path} is unchanged.`,
};

export const materializerMessages = {
  badArguments: (fn: string, format: unknown, options: unknown) =>
    `${fn} takes a format name and options, e.g. ${fn === 'from' ? "from('csv', { target: 'sales', path: 'sales.csv' })" : "to('csv', { id: 'salesCsv', dependencies: ['sales'], path: 'out/sales.csv' })"}, ` +
    `got ${show(format)} and ${show(options)}.`,
  badId: (format: string, id: unknown) => `to.${format}(...): id must be a non-empty node name for the saver, got ${show(id)}.`,
  badDependencies: (id: string, deps: unknown) =>
    `to(...) ${q(id)}: dependencies must be a non-empty list of node names to save, got ${show(deps)}.`,
  badCombine: (id: string, combine: unknown) =>
    `to(...) ${q(id)}: combine must be a result builder ({ build(outputs, names) }, e.g. new TableResult()), got ${show(combine)}.`,
  badTarget: (format: string, target: unknown) =>
    `from.${format}(...): target must be the name of the node or input to load, got ${show(target)}.`,
};

export const dataloaderMessages = {
  notAPair: (node: string, loader: string, origin: string | undefined, got: string) =>
    `The @dataloader method ${origin ?? loader} returned ${got} (node ${q(loader)}), not a pair [data, metadata], so node ${q(node)} has no data. ` +
    `Return both, e.g. \`return [table, { path, rows: table.numRows() }];\` (metadata is a plain object)`,
};
