/**
 * The engine behind `contains` and `doesNotContain` (Hamilton's
 * contains_validator and does_not_contain_validator, which apply to strings):
 * scans a string or a column of strings for substrings. Missing elements
 * (null, undefined) of a column are skipped and counted; any other non-string fails.
 */
import type { ColumnTable } from 'arquero';
import type { ValidatorOutcome } from '../validator.js';
import { validatorMessages as m } from '../validator-messages.js';
import { jsonSafe, kindOf } from './describe.js';
import { isMissing, SAMPLE_LIMIT, shapeOf, type ColumnLike } from './elements.js';
import { notForTables } from './outcome.js';

/** Whether every substring must occur ('contains') or none may ('doesNotContain'). */
export type SubstringMode = 'contains' | 'doesNotContain';

/** The substrings that make a string fail: the missing ones (contains) or the present ones (doesNotContain). */
function offending(s: string, needles: readonly string[], mode: SubstringMode): string[] {
  const out: string[] = [];
  for (const needle of needles) if (s.includes(needle) === (mode === 'doesNotContain')) out.push(needle);
  return out;
}

/**
 * Checks a value, or every element of a column, for the substrings.
 *
 * @example
 * checkSubstrings(['ab', 'b'], ['a'], 'contains').passed; // false
 */
export function checkSubstrings(value: unknown, needles: readonly string[], mode: SubstringMode): ValidatorOutcome {
  const text = m.substrings;
  const shape = shapeOf(value);
  if (shape === 'table') return notForTables(value as ColumnTable, mode, JSON.stringify(needles.length === 1 ? needles[0] : needles));
  if (shape === 'scalar') {
    if (typeof value !== 'string') {
      return { passed: false, message: text.notString(kindOf(value), mode), diagnostics: { [mode]: needles, rows: 1, failures: 1, value: jsonSafe(value) } };
    }
    const bad = offending(value, needles, mode);
    const passed = bad.length === 0;
    return {
      passed,
      message: text.scalar(passed, value, needles, bad, mode),
      diagnostics: { [mode]: needles, rows: 1, failures: passed ? 0 : 1, ...(passed ? {} : { value: jsonSafe(value), offending: bad }) },
    };
  }
  const column = value as ColumnLike;
  const rows = column.length;
  let failures = 0;
  let notStrings = 0;
  let missing = 0;
  let first = -1;
  const firstFailures: { index: number; value: unknown; offending?: string[] }[] = [];
  for (let i = 0; i < rows; i++) {
    const x = column[i];
    let bad: string[] | undefined;
    if (typeof x === 'string') {
      // The common case, a passing string, allocates nothing.
      if (passes(x, needles, mode)) continue;
      bad = offending(x, needles, mode);
    } else if (isMissing(x)) {
      missing++;
      continue;
    } else {
      notStrings++;
    }
    if (failures++ === 0) first = i;
    if (firstFailures.length < SAMPLE_LIMIT) firstFailures.push(bad ? { index: i, value: jsonSafe(x), offending: bad } : { index: i, value: jsonSafe(x) });
  }
  const counts = { [mode]: needles, rows, failures, notStrings, missing };
  if (failures === 0) return { passed: true, message: text.allPass(rows, missing, needles, mode), diagnostics: counts };
  return { passed: false, message: text.someFail(failures, rows, notStrings, needles, mode, { index: first, value: column[first] }), diagnostics: { ...counts, firstFailures } };
}

function passes(s: string, needles: readonly string[], mode: SubstringMode): boolean {
  if (mode === 'contains') {
    for (const needle of needles) if (!s.includes(needle)) return false;
  } else {
    for (const needle of needles) if (s.includes(needle)) return false;
  }
  return true;
}
