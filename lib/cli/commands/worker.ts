/**
 * `hamilton-ts worker`: a long-running process that runs the nodes a
 * BullMQExecutor sends to a queue, on graphs rebuilt from its module files.
 * SIGTERM or SIGINT: it finishes the jobs in flight, then exits.
 */
import pino from 'pino';
import type { Command } from '../command.js';
import { moduleFiles, parseArguments } from '../arguments.js';
import { UsageError } from '../errors.js';
import { loadModules } from '../load-modules.js';
import { cliMessages } from '../messages.js';
import { respond } from '../respond.js';
import { DEFAULT_REDIS } from '../../platform/bullmq/connection.js';
import { NodeWorker } from '../../platform/bullmq/worker.js';
import { EXIT_HELP, FLAG_HELP, MODULES_HELP } from './shared-help.js';

const OPTIONS = {
  json: { type: 'boolean' },
  queue: { type: 'string' },
  redis: { type: 'string' },
  concurrency: { type: 'string' },
  prefix: { type: 'string' },
  'lock-duration': { type: 'string' },
  'stalled-interval': { type: 'string' },
  'max-stalled': { type: 'string' },
  'log-level': { type: 'string' },
} as const;

const EXAMPLE = 'hamilton-ts worker features.ts --queue features --redis redis://10.0.0.5:6379';
const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/**
 * The `worker` command.
 *
 * @example
 * await workerCommand.run(['features.ts', '--queue', 'features'], io); // resolves after SIGTERM
 */
export const workerCommand: Command = {
  name: 'worker',
  summary: 'Run the nodes a BullMQExecutor sends to a Redis queue, until SIGTERM.',
  usage: [
    'Usage: hamilton-ts worker <modules...> --queue name [--redis url] [--concurrency n]',
    '',
    'Takes node jobs from a BullMQ queue on Redis and runs them on the graph of the module files',
    '(rebuilt for each config the drivers send). Start as many workers as you like, on any host that',
    'reaches the Redis; give each the same module files as the driver. Logs are pino JSON lines on stdout.',
    'SIGTERM or SIGINT: finishes the jobs in flight, then exits.',
    '',
    'Options:',
    '  --queue name           the queue of the BullMQExecutor (required)',
    `  --redis url            where Redis is (default ${DEFAULT_REDIS})`,
    '  --concurrency n        jobs run at once in this process (default 1)',
    '  --prefix p             BullMQ key prefix, the same as the executor\'s (default bull)',
    '  --lock-duration ms     a job whose worker gives no sign of life for this long is taken again (default 30000)',
    '  --stalled-interval ms  how often to look for such jobs (default 30000)',
    '  --max-stalled n        how often a job may be taken again before it fails (default 1)',
    '  --log-level level      trace, debug, info (default), warn, error, fatal, silent',
    FLAG_HELP.json,
    FLAG_HELP.help,
    '',
    MODULES_HELP,
    EXIT_HELP,
    '',
    'Example:',
    `  ${EXAMPLE}`,
  ].join('\n'),
  run: (argv, io) =>
    respond('worker', argv, io, async () => {
      const { values, positionals } = parseArguments('worker', argv, OPTIONS);
      const files = moduleFiles('worker', positionals);
      const queue = values.queue;
      if (queue === undefined) throw new UsageError(cliMessages.missingOption('worker', '--queue', EXAMPLE));
      const level = values['log-level'] ?? 'info';
      if (!LEVELS.includes(level)) throw new UsageError(cliMessages.badLogLevel(level, LEVELS));
      const modules = await loadModules(files, io.cwd);
      const logger = pino({ level }, pino.destination({ dest: 1, sync: true }));
      const worker = await NodeWorker.start({
        queue,
        modules,
        logger,
        connection: values.redis ?? DEFAULT_REDIS,
        concurrency: wholeFlag('--concurrency', values.concurrency),
        ...(values.prefix === undefined ? {} : { prefix: values.prefix }),
        lockDurationMs: wholeFlag('--lock-duration', values['lock-duration']),
        stalledIntervalMs: wholeFlag('--stalled-interval', values['stalled-interval']),
        maxStalledCount: wholeFlag('--max-stalled', values['max-stalled'], 0),
      });
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGTERM', stop);
          process.off('SIGINT', stop);
          resolve();
        };
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
      });
      await worker.close();
      return { text: `${cliMessages.workerStopped(queue)}\n`, json: { queue, stopped: true } };
    }),
};

function wholeFlag(flag: string, value: string | undefined, min = 1): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(cliMessages.badWholeNumber('worker', flag, value, min));
  return n;
}
