/**
 * What a format throws when a file's content is wrong: the reason, and where
 * (line, character column, or table column). loadData turns it into a
 * DataLoadError that also names the file, the format and the node.
 */
import { HamiltonError, type DataLocation } from '../core/errors.js';

/**
 * A problem in a data file's content, thrown by a format's `load`.
 *
 * @example
 * throw new FileProblem('the row has 4 fields, the header 3', { line: 12, column: 18 });
 */
export class FileProblem extends HamiltonError {
  constructor(
    readonly reason: string,
    readonly where: DataLocation = {},
    options?: { cause?: unknown },
  ) {
    super(reason, options);
  }
}

/**
 * What a format that reads only the columns asked for throws when the file
 * lacks some of them: loadData reports them with the columns the file has.
 *
 * @example
 * if (missing.length) throw new MissingColumnsProblem(missing, schemaColumns);
 */
export class MissingColumnsProblem extends FileProblem {
  constructor(
    readonly missing: readonly string[],
    readonly available: readonly string[],
  ) {
    super(`the file lacks ${missing.map((m) => `\`${m}\``).join(', ')}`, { columnName: missing[0]! });
  }
}
