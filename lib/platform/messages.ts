/**
 * Every message the execution platform's built-in hooks show a user.
 */
import { show } from '../core/message-format.js';

/** Messages of bad options given to a built-in hook. */
export const hookOptionMessages = {
  badOptions: (hook: string, options: unknown) => `${hook}: options must be an object, got ${show(options)}. Use e.g. new ${hook}({}).`,
  badLimit: (value: unknown) => `TimingProfile.format: limit must be a whole number of at least 1, got ${show(value)}. Use e.g. format(undefined, { limit: 20 }).`,
  badStream: (value: unknown) => `ProgressBar: stream must be a writable stream (an object with write()), got ${show(value)}. Leave it out to draw on stderr.`,
  badLogger: (value: unknown) => `ExecutionLog: logger must be a pino logger, got ${show(value)}. Leave it out to log on the driver's logger (withLogger).`,
  badLevels: (value: unknown) =>
    `ExecutionLog: levels must be an object such as { start: 'debug', end: 'info', fail: 'error' }, got ${show(value)}.`,
  badLevel: (key: string, value: unknown, levels: readonly string[]) =>
    `ExecutionLog: levels.${key} must be one of ${levels.map((l) => `'${l}'`).join(', ')}, got ${show(value)}.`,
  unknownOption: (hook: string, key: string, known: readonly string[]) =>
    `${hook}: unknown option \`${key}\`. The options are ${known.map((k) => `\`${k}\``).join(', ')}.`,
};
