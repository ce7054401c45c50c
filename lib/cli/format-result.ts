/**
 * `hamilton-ts run`'s result as text: a table as aligned columns, other
 * values one per line, as Node prints them.
 */
import { inspect } from 'node:util';
import { formatTable } from '../core/render/format-table.js';
import type { RunResult } from './run-result.js';

/**
 * The result for a terminal.
 *
 * @example
 * io.stdout(formatResult({ kind: 'values', values: { spendMean: 42 } })); // "spendMean: 42\n"
 */
export function formatResult(result: RunResult): string {
  if (result.kind === 'values') {
    return Object.entries(result.values)
      .map(([name, value]) => `${name}: ${inspect(value, { depth: 4, maxArrayLength: 50, breakLength: 100 })}\n`)
      .join('');
  }
  const { table } = result;
  const names = table.columnNames();
  const rows = table.objects().map((row) => names.map((n) => cell((row as Record<string, unknown>)[n])));
  return formatTable(names, rows);
}

function cell(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  return inspect(value, { depth: 1, breakLength: Infinity });
}
