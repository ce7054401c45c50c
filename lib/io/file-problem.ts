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
