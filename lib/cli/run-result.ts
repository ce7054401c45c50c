/**
 * What `hamilton-ts run` computed, shaped as one table or kept as values by name.
 */
import type { ColumnTable } from 'arquero';
import { ResultBuilderError } from '../core/errors.js';
import { TableResult } from '../core/run/results/table-result.js';
import { isColumn, isTable } from '../core/values.js';

/** The outputs as one arquero table, or as values keyed by output name. */
export type RunResult =
  | { readonly kind: 'table'; readonly table: ColumnTable }
  | { readonly kind: 'values'; readonly values: Readonly<Record<string, unknown>> };

/** `--result`: `table` (TableResult), `dict` (values by name), `auto` (a table when the outputs make one). */
export type ResultKind = 'auto' | 'table' | 'dict';

/**
 * The kinds `--result` accepts.
 *
 * @example
 * RESULT_KINDS.includes('table'); // true
 */
export const RESULT_KINDS: readonly ResultKind[] = ['auto', 'table', 'dict'];

/**
 * Shapes the outputs. `auto` makes a table when some output is a column or a
 * table and TableResult accepts them (columns of one length), else keeps the
 * values; `table` always makes one (a ResultBuilderError when it cannot).
 *
 * @example
 * await shapeResult({ spend: [1, 2], spendMean: 1.5 }, ['spend', 'spendMean'], 'auto'); // a 2-row table
 */
export async function shapeResult(values: Readonly<Record<string, unknown>>, outputs: readonly string[], kind: ResultKind): Promise<RunResult> {
  if (kind === 'dict') return { kind: 'values', values };
  await new TableResult().prepare(); // arquero loads on first use
  if (kind === 'table') return { kind: 'table', table: new TableResult().build(values, outputs) };
  if (!outputs.some((o) => isColumn(values[o]) || isTable(values[o]))) return { kind: 'values', values };
  try {
    return { kind: 'table', table: new TableResult().build(values, outputs) };
  } catch (e) {
    if (e instanceof ResultBuilderError) return { kind: 'values', values };
    throw e;
  }
}
