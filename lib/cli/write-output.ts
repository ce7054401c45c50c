/**
 * Writes `hamilton-ts run --out` files: a table as CSV or JSON through
 * arquero, other results as JSON, each through atomicWrite (a temporary file
 * in the same folder, renamed into place), so a reader never sees half a file.
 * The content is the command line's own: its JSON keeps bigints as strings and
 * dates as arquero writes them, unlike saveData's json format.
 */
import { extname, resolve } from 'node:path';
import { toCSV, toJSON } from 'arquero';
import { atomicWrite } from '../core/atomic-write.js';
import { UsageError } from './errors.js';
import { jsonText } from './json-value.js';
import { cliMessages } from './messages.js';
import type { RunResult } from './run-result.js';

/** Result file formats, by extension. */
export type OutputFormat = 'csv' | 'json';

/**
 * The format a result file's extension names; a UsageError for any other.
 *
 * @example
 * outputFormat('out/result.csv'); // 'csv'
 */
export function outputFormat(file: string): OutputFormat {
  const ext = extname(file).slice(1).toLowerCase();
  if (ext === 'csv' || ext === 'json') return ext;
  throw new UsageError(cliMessages.unknownResultFormat(file));
}

/**
 * Writes the result to `file` (relative to `cwd`, folders created) and says
 * what it wrote. CSV needs a table.
 *
 * @example
 * await writeOutput('result.csv', process.cwd(), { kind: 'table', table }); // '10 rows × 3 columns'
 */
export async function writeOutput(file: string, cwd: string, result: RunResult): Promise<string> {
  const format = outputFormat(file);
  const path = resolve(cwd, file);
  if (result.kind === 'table') {
    const { table } = result;
    await atomicWrite(path, format === 'csv' ? toCSV(table) : `${toJSON(table)}\n`);
    return `${table.numRows()} rows × ${table.numCols()} columns`;
  }
  if (format === 'csv') throw new UsageError(cliMessages.csvNeedsTable(file, Object.keys(result.values)));
  await atomicWrite(path, jsonText(result.values, 2));
  return `${Object.keys(result.values).length} outputs`;
}
