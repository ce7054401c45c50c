/**
 * Log records of nodes that run in a worker: the node logs through a pino
 * logger that collects its lines, they come back with the reply, and the main
 * thread writes them through the driver's logger, at their level, with their
 * fields (data-quality results, for one, keep their shape and `runId`).
 */
import pino, { type Logger } from 'pino';

/**
 * A logger at `level` whose records are collected as JSON lines in `lines`.
 *
 * @example
 * const { logger, lines } = collectingLogger('info');
 */
export function collectingLogger(level: string): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = pino({ level, base: undefined, timestamp: false }, { write: (line: string) => void lines.push(line) });
  return { logger, lines };
}

/**
 * Writes collected lines through `logger`, each at its own level.
 *
 * @example
 * replayLogs(ctx.logger, reply.logs);
 */
export function replayLogs(logger: Logger, lines: readonly string[]): void {
  for (const line of lines) {
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line) as Record<string, unknown>;
    } catch {
      continue;
    }
    const { level, msg, ...fields } = record;
    const label = typeof level === 'number' ? logger.levels.labels[level] : undefined;
    const write = (label && typeof (logger as unknown as Record<string, unknown>)[label] === 'function' ? label : 'info') as 'info';
    if (typeof msg === 'string') logger[write](fields, msg);
    else logger[write](fields);
  }
}
