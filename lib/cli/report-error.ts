/**
 * How a failed command tells it: the message on stderr (with the cause's stack
 * when a node or a module threw), the same error as JSON on stdout under
 * `--json`, and the exit code.
 */
import { HamiltonError, MissingInputsError } from '../core/errors.js';
import type { CommandIO } from './command.js';
import { UsageError } from './errors.js';
import { ExitCode, type ExitCodeValue } from './exit-codes.js';
import { jsonText } from './json-value.js';
import { cliMessages } from './messages.js';

/**
 * 2 for a UsageError, 1 for any other error.
 *
 * @example
 * exitCodeOf(new MissingInputsError('...', {})); // 1
 */
export function exitCodeOf(error: unknown): ExitCodeValue {
  return error instanceof UsageError ? ExitCode.usage : ExitCode.failure;
}

/**
 * Reports the error and returns the exit code. Under `--json`, stdout gets
 * `{ ok: false, command, exitCode, error: { name, message, ...details } }`,
 * the details being the error's own fields (`missing`, `names`, `file` ...).
 *
 * @example
 * return reportError('run', e, io, json);
 */
export function reportError(command: string, error: unknown, io: CommandIO, json: boolean): ExitCodeValue {
  const exitCode = exitCodeOf(error);
  if (error instanceof HamiltonError) {
    const cause = error.cause instanceof Error && error.cause.stack ? `\n  caused by: ${error.cause.stack.replace(/\n/g, '\n  ')}` : '';
    io.stderr(`${cliMessages.failed(error)}${error instanceof UsageError ? '' : cause}\n`);
    if (error instanceof MissingInputsError) io.stderr(`${cliMessages.missingInputsHint(Object.keys(error.missing))}\n`);
  } else {
    io.stderr(`${cliMessages.internal(error)}\n`);
  }
  if (json) io.stdout(jsonText({ ok: false, command, exitCode, error: errorRecord(error) }, 2));
  return exitCode;
}

function errorRecord(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  return { name: error.name, message: error.message, ...Object.fromEntries(Object.entries(error)) };
}
