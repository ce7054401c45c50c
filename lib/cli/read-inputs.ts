/**
 * `--inputs file.json`: the execution's inputs, read from a JSON object.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isPlainObject } from '../core/values.js';
import { UsageError } from './errors.js';
import { cliMessages } from './messages.js';

/**
 * Reads the inputs file (relative to `cwd`); no file gives `{}`. JSON arrays
 * become plain Arrays, which nodes receive as columns.
 *
 * @example
 * const inputs = await readInputs('inputs.json', process.cwd()); // { spend: [10, 20], region: 'us' }
 */
export async function readInputs(file: string | undefined, cwd: string): Promise<Record<string, unknown>> {
  if (file === undefined) return {};
  const path = resolve(cwd, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(cliMessages.inputsNotFound(file, path));
    throw e;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UsageError(cliMessages.inputsNotJson(file, e));
  }
  if (!isPlainObject(value)) throw new UsageError(cliMessages.inputsNotObject(file, value));
  return value;
}
