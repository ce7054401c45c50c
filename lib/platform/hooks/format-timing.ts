/**
 * A timing report as text: a summary line, the critical path, and the
 * slowest nodes as a fixed-width table.
 */
import { InvalidInputsError } from '../../core/errors.js';
import { formatTable } from '../../core/render/format-table.js';
import { hookOptionMessages } from '../messages.js';
import type { TimingReport } from './timing-profile.js';

/** Nodes listed by default. */
const DEFAULT_LIMIT = 20;

/**
 * Renders a timing report; `limit` is how many of the slowest nodes to list.
 *
 * @example
 * console.log(formatTiming(timing.report(), 10));
 */
export function formatTiming(report: TimingReport, limit = DEFAULT_LIMIT): string {
  if (!Number.isInteger(limit) || limit < 1) throw new InvalidInputsError(hookOptionMessages.badLimit(limit));
  const { nodes, criticalPath } = report;
  const outcome = report.success === undefined ? 'running' : report.success ? 'succeeded' : 'failed';
  const wall = report.totalMs === undefined ? '' : `, run ${ms(report.totalMs)}`;
  const title = `Timing profile, run ${report.runId || '(none)'} (${outcome}): ${nodes.length} node${nodes.length === 1 ? '' : 's'}, ${ms(report.nodeMs)} in nodes${wall}`;
  if (nodes.length === 0) return `${title}\n(no nodes ran)\n`;
  const onPath = new Set(criticalPath.nodes);
  const path = `Critical path (${ms(criticalPath.durationMs)}): ${criticalPath.nodes.join(' -> ')}`;
  const shown = nodes.slice(0, limit);
  const rows = shown.map((t) => [
    t.name,
    t.origin ?? '',
    String(t.calls),
    t.durationMs.toFixed(3),
    report.nodeMs > 0 ? `${((100 * t.durationMs) / report.nodeMs).toFixed(1)}%` : '-',
    [onPath.has(t.name) ? 'critical' : '', t.failed ? 'FAILED' : ''].filter(Boolean).join(', '),
  ]);
  const more = nodes.length > shown.length ? `... and ${nodes.length - shown.length} more node${nodes.length - shown.length === 1 ? '' : 's'}\n` : '';
  return `${title}\n${path}\n${formatTable(['node', 'origin', 'calls', 'ms', 'share', 'notes'], rows)}${more}`;
}

function ms(value: number): string {
  return `${value.toFixed(value < 10 ? 3 : 1)} ms`;
}
