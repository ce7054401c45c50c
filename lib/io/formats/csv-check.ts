/**
 * Checks the structure of CSV text before arquero parses it, because arquero's
 * parser accepts broken files silently: an unterminated quote swallows the rest
 * of the file, and a row with too many fields loses the extra ones. One pass
 * over the characters; the problems found are FileProblems with their line and column.
 */
import { FileProblem } from '../file-problem.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** What the check learnt: whether some row has fewer fields than the header (those fields become null). */
export interface CsvShape {
  readonly records: number;
  readonly shortRows: boolean;
}

/**
 * Throws a FileProblem for an unterminated quoted field, text after a closing
 * quote, or a row with more fields than the first row (the header).
 *
 * @example
 * checkCsv('a,b\n1,2,3\n', ','); // throws: line 2, column 5: the row has 3 fields, the header 2
 */
export function checkCsv(text: string, delimiter: string): CsvShape {
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let expected = -1;
  let records = 0;
  let shortRows = false;
  while (i < n) {
    // One record: fields until an end of line outside quotes, or the end of the text.
    const recordLine = line;
    let fields = 0;
    let extraAt = -1;
    for (;;) {
      if (expected >= 0 && fields === expected && extraAt < 0) extraAt = i - lineStart + 1;
      let c = text.charCodeAt(i);
      if (c === QUOTE) {
        const openLine = line;
        const openColumn = i - lineStart + 1;
        i++;
        for (;;) {
          if (i >= n) throw new FileProblem('a quoted field starts here and is never closed (a `"` is missing)', { line: openLine, column: openColumn });
          c = text.charCodeAt(i);
          if (c === QUOTE) {
            if (text.charCodeAt(i + 1) === QUOTE) { i += 2; continue; }
            i++;
            break;
          }
          if (c === LF) { line++; lineStart = i + 1; }
          i++;
        }
        c = i < n ? text.charCodeAt(i) : LF;
        if (c !== delim && c !== LF && c !== CR) {
          throw new FileProblem('text follows the closing quote of a field (quote the whole field, and write a `"` inside it as `""`)', { line, column: i - lineStart + 1 });
        }
      } else {
        while (i < n && c !== delim && c !== LF && c !== CR) c = text.charCodeAt(++i);
      }
      fields++;
      if (i < n && c === delim) { i++; continue; }
      // End of the record: CR, LF, CRLF, or the end of the text.
      if (i < n) {
        if (c === CR) i++;
        if (text.charCodeAt(i) === LF) i++;
        line++;
        lineStart = i;
      }
      break;
    }
    records++;
    if (expected < 0) expected = fields;
    else if (fields > expected) {
      throw new FileProblem(`the row has ${fields} fields, but the header has ${expected}`, { line: recordLine, column: extraAt });
    } else if (fields < expected) shortRows = true;
  }
  return { records, shortRows };
}
