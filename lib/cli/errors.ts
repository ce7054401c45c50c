/**
 * The command line's own errors. Both extend HamiltonError; the exit code of
 * every error is chosen in one place, report-error.ts.
 */
import { HamiltonError } from '../core/errors.js';

/**
 * The command line was used wrongly: an unknown command or flag, a missing
 * argument, a file that does not exist. Exit code 2.
 *
 * @example
 * throw new UsageError(cliMessages.missingModules('run'));
 */
export class UsageError extends HamiltonError {}

/**
 * A module file could not be used: it does not compile, it threw while it was
 * evaluated, or it exports no class with `@node` methods; `file` is the path as
 * the user gave it. Exit code 1.
 *
 * @example
 * catch (e) { if (e instanceof ModuleLoadError) console.error(e.file, e.message); }
 */
export class ModuleLoadError extends HamiltonError {
  constructor(message: string, readonly file: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
