/**
 * How a check's result is printed: one line per finding, `file:line
 * Class.method: message` (the message says what to do), then a summary; or
 * the whole report as JSON.
 */
import type { CheckReport } from './check.js';
import type { Finding } from './model.js';

/**
 * One finding as a line.
 *
 * @example
 * formatFinding(f); // 'features.ts:12 Marketing.spendPerSignup: `spendPerSignup` (...) needs input `signups` ...'
 */
export function formatFinding(f: Finding): string {
  const where = f.file ? `${f.file}:${f.line}${f.origin ? ` ${f.origin}` : ''}` : f.code === 'unknown-output' ? '--outputs' : '--inputs-type';
  return `${where}: ${f.severity === 'warning' ? 'warning: ' : ''}${f.message}`;
}

/**
 * The report as text: errors, then warnings, then a summary line.
 *
 * @example
 * io.stdout(formatText(checkFiles({ files, cwd })));
 */
export function formatText(report: CheckReport): string {
  const lines = [...report.errors, ...report.warnings].map(formatFinding);
  const s = report.summary;
  const counts = `${plural(report.errors.length, 'error')}, ${plural(report.warnings.length, 'warning')}`;
  const what = `${plural(s.files, 'file')}, ${plural(s.modules, 'module')}, ${plural(s.nodes, 'node')}, ${plural(s.edges, 'edge')}`;
  lines.push(`hamilton-ts check: ${counts} (${what}; ${s.programMs + s.checkMs} ms).`);
  return `${lines.join('\n')}\n`;
}

/**
 * The report as JSON (what `--json` prints).
 *
 * @example
 * JSON.parse(formatJson(report)).errors[0].line;
 */
export function formatJson(report: CheckReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
