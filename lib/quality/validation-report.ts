/**
 * The built-in validation report: a lifecycle hook that collects the result
 * of every validator node of a run, per checked node, with totals, and prints
 * them as a fixed-width table.
 */
import type { AfterNodeExecuteEvent, BeforeGraphExecuteEvent, LifecycleHooks } from '../core/run/hooks.js';
import { FrameworkTags } from '../core/node.js';
import { RunHistory } from '../core/run/run-history.js';
import { nameRecord } from '../core/names.js';
import type { ValidationResult } from './result.js';

/** Counts of one run's checks. */
export interface ValidationTotals {
  readonly checks: number;
  readonly passed: number;
  readonly failed: number;
  /** Failed checks with importance 'warn'. */
  readonly warnings: number;
  /** Failed checks with importance 'fail'. */
  readonly failures: number;
}

/**
 * Every result of one run, by checked node (in the order the checks finished),
 * with totals. `nodes` has no prototype, so any node name is an ordinary key.
 */
export interface ValidationReport {
  readonly runId: string;
  readonly totals: ValidationTotals;
  readonly nodes: Readonly<Record<string, readonly ValidationResult[]>>;
}

/** Options of ValidationReporter. */
export interface ValidationReporterOptions {
  /** How many runs to keep; older runs are forgotten first (default 20). */
  readonly maxRuns?: number;
}

/**
 * Collects data-quality results per run. Register it with `withAdapters`, then
 * read `report()` or print `format()` after `execute`, also after a failed run.
 *
 * @example
 * const reporter = new ValidationReporter();
 * const dr = new Builder().withModules(Heights).withAdapters(reporter).build();
 * await dr.execute(['heightZeroMeanUnitVariance'], { inputs: { height } });
 * console.log(reporter.format());
 * reporter.report().totals.warnings; // 1
 */
export class ValidationReporter implements LifecycleHooks {
  private readonly runs: RunHistory<ValidationResult[]>;

  constructor(options: ValidationReporterOptions = {}) {
    this.runs = new RunHistory('ValidationReporter', (options ?? {}).maxRuns ?? 20);
  }

  /** Starts collecting for a run. */
  beforeGraphExecute({ runId }: BeforeGraphExecuteEvent): void {
    this.runs.start(runId, []);
  }

  /** Keeps the result of each validator node that ran. */
  afterNodeExecute({ runId, node, success, value }: AfterNodeExecuteEvent): void {
    if (!success || node.tags[FrameworkTags.containsDqResults] !== 'true' || !isResult(value)) return;
    (this.runs.get(runId) ?? this.runs.start(runId, [])).push(value);
  }

  /** The ids of the runs kept, oldest first. */
  runIds(): string[] {
    return this.runs.ids();
  }

  /** The report of a run (default: the latest); empty when the run checked nothing or is unknown. */
  report(runId: string | undefined = this.runs.latest): ValidationReport {
    const results = this.runs.get(runId) ?? [];
    // Keyed by node names, which may be `toString` or `__proto__`.
    const nodes = nameRecord<ValidationResult[]>();
    let passed = 0;
    let warnings = 0;
    for (const r of results) {
      (nodes[r.node] ??= []).push(r);
      if (r.passed) passed++;
      else if (r.importance === 'warn') warnings++;
    }
    const failed = results.length - passed;
    return { runId: runId ?? '', totals: { checks: results.length, passed, failed, warnings, failures: failed - warnings }, nodes };
  }

  /** The report of a run (default: the latest) as a readable fixed-width table. */
  format(runId?: string): string {
    return formatReport(this.report(runId));
  }

  /** Forgets every run. */
  clear(): void {
    this.runs.clear();
  }
}

const MESSAGE_WIDTH = 72;

/**
 * Renders a report as a summary line and one table row per check.
 *
 * @example
 * console.log(formatReport(reporter.report()));
 */
export function formatReport(report: ValidationReport): string {
  const t = report.totals;
  const title =
    `Data quality report, run ${report.runId || '(none)'}: ${t.checks} check${t.checks === 1 ? '' : 's'}, ` +
    `${t.passed} passed, ${t.warnings} warning${t.warnings === 1 ? '' : 's'}, ${t.failures} failure${t.failures === 1 ? '' : 's'}`;
  const header = ['node', 'check', 'column', 'importance', 'result', 'message'];
  const rows = Object.values(report.nodes).flatMap((results) =>
    results.map((r) => [r.node, r.validator, r.column ?? '', r.importance, r.passed ? 'passed' : r.importance === 'fail' ? 'FAILED' : 'WARNING', clip(r.message)]),
  );
  if (rows.length === 0) return `${title}\n(no checks ran)\n`;
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
  const line = (cells: readonly string[]) => cells.map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [title, line(header), rule, ...rows.map(line)].join('\n') + '\n';
}

function clip(message: string): string {
  const oneLine = message.replace(/\s+/g, ' ');
  return oneLine.length > MESSAGE_WIDTH ? `${oneLine.slice(0, MESSAGE_WIDTH - 3)}...` : oneLine;
}

function isResult(v: unknown): v is ValidationResult {
  return v !== null && typeof v === 'object' && typeof (v as ValidationResult).passed === 'boolean' && typeof (v as ValidationResult).node === 'string';
}
