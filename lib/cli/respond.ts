/**
 * The frame of every command: run its work, print the outcome as text or, with
 * `--json`, as one JSON document on stdout, and turn errors into exit codes.
 */
import type { CommandIO } from './command.js';
import { ExitCode } from './exit-codes.js';
import { jsonText } from './json-value.js';
import { reportError } from './report-error.js';

/** What a command's work produces: text for people, fields for `--json`. */
export interface Outcome {
  readonly text: string;
  readonly json: Readonly<Record<string, unknown>>;
}

/**
 * Runs `work` and reports its outcome; resolves to the exit code. `--json`
 * anywhere in `argv` selects JSON, so even a usage error is reported as JSON.
 *
 * @example
 * run: (argv, io) => respond('list', argv, io, async () => ({ text: 'a\n', json: { nodes: ['a'] } })),
 */
export async function respond(command: string, argv: readonly string[], io: CommandIO, work: () => Promise<Outcome>): Promise<number> {
  const json = argv.includes('--json');
  try {
    const outcome = await work();
    io.stdout(json ? jsonText({ ok: true, command, ...outcome.json }, 2) : outcome.text);
    return ExitCode.ok;
  } catch (e) {
    return reportError(command, e, io, json);
  }
}
