/**
 * The contract every `hamilton-ts` command implements. main.ts parses the
 * command name and the help flags; a command parses the rest of its arguments,
 * writes only through `io`, and returns its exit code (see exit-codes.ts).
 */

/**
 * Where a command writes, and the folder its relative paths are read from.
 *
 * @example
 * const io: CommandIO = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), cwd: process.cwd() };
 */
export interface CommandIO {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly cwd: string;
}

/**
 * One command of the command line: `hamilton-ts <name> ...`.
 *
 * @example
 * const hello: Command = {
 *   name: 'hello',
 *   summary: 'Say hello.',
 *   usage: 'Usage: hamilton-ts hello',
 *   async run(argv, io) { io.stdout('hello\n'); return 0; },
 * };
 */
export interface Command {
  readonly name: string;
  /** One line, shown in `hamilton-ts --help`. */
  readonly summary: string;
  /** The full help text of the command, shown by `hamilton-ts <name> --help`. */
  readonly usage: string;
  /** Runs the command on the arguments after its name; resolves to the exit code. */
  run(argv: readonly string[], io: CommandIO): Promise<number>;
}
