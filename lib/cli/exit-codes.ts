/**
 * The command line's exit codes, the same for every command.
 */

/**
 * 0: done. 1: the dataflow failed (a module that does not load, a graph or
 * validation error, a node that threw, missing inputs). 2: bad usage (unknown
 * command or flag, a missing argument, a file that does not exist).
 *
 * @example
 * process.exitCode = ExitCode.usage;
 */
export const ExitCode = { ok: 0, failure: 1, usage: 2 } as const;

/** One of the exit codes. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
